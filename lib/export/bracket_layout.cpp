// bracket::layout: which tie of a season's knockout rounds goes where in the picture.
#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <unordered_map>
#include <utility>

#include "export/bracket.hpp"

namespace footballdb::bracket {
namespace {

// For each column, the rows its boxes take in a subtree: first and last.
using Contour = std::vector<std::optional<std::pair<double, double>>>;

// A tie and the ties that fed it, laid out apart from the rest: rows relative to the subtree,
// its root first.
struct Subtree {
  std::vector<std::pair<std::size_t, double>> rows;
  Contour contour;
};

void shift(Subtree& tree, double by) {
  for (auto& [tie, row] : tree.rows) row += by;
  for (auto& extent : tree.contour) {
    if (extent) extent = std::pair(extent->first + by, extent->second + by);
  }
}

// How far `below` must move down so that in every column both hold boxes, its boxes lie at least
// one row under those of `above`; nullopt when they share no column.
std::optional<double> clearance(const Contour& above, const Contour& below) {
  std::optional<double> by;
  for (std::size_t c = 0; c < above.size(); ++c) {
    if (!above[c] || !below[c]) continue;
    const double need = above[c]->second + 1 - below[c]->first;
    by = by ? std::max(*by, need) : need;
  }
  return by;
}

// `from` added to `into` (rows and contour); `into`'s root stays first.
void merge(Subtree& into, Subtree&& from) {
  into.rows.insert(into.rows.end(), from.rows.begin(), from.rows.end());
  for (std::size_t c = 0; c < into.contour.size(); ++c) {
    auto& mine = into.contour[c];
    const auto& theirs = from.contour[c];
    if (!theirs) continue;
    mine = mine ? std::pair(std::min(mine->first, theirs->first),
                            std::max(mine->second, theirs->second))
                : *theirs;
  }
}

double top_of(const Contour& contour) {
  double top = 0;
  bool any = false;
  for (const auto& extent : contour) {
    if (extent) top = any ? std::min(top, extent->first) : extent->first;
    any = any || extent;
  }
  return top;
}

class Placer {
 public:
  Placer(const Layout& layout, const std::vector<std::array<std::optional<std::size_t>, 2>>& fed_by)
      : layout_(layout), fed_by_(fed_by) {}

  // `tie` and the subtree of the ties that fed it: club_a's feeder above club_b's, and `tie`
  // halfway between them (level with its one feeder).
  Subtree place(std::size_t tie) const {
    std::optional<Subtree> first, second;
    for (const auto& feeder : fed_by_[tie]) {
      if (!feeder) continue;
      Subtree child = place(*feeder);
      if (!first) {
        first = std::move(child);
      } else {
        shift(child, clearance(first->contour, child.contour).value_or(0));
        second = std::move(child);
      }
    }
    Subtree tree;
    tree.contour.resize(layout_.columns.size());
    double row = 0;
    if (first)
      row = second ? (first->rows[0].second + second->rows[0].second) / 2 : first->rows[0].second;
    tree.rows.emplace_back(tie, row);
    tree.contour[layout_.boxes[tie].column] = std::pair(row, row);
    if (first) merge(tree, std::move(*first));
    if (second) merge(tree, std::move(*second));
    return tree;
  }

 private:
  const Layout& layout_;
  const std::vector<std::array<std::optional<std::size_t>, 2>>& fed_by_;
};

}  // namespace

Layout layout(const std::vector<Tie>& ties, const std::vector<int>& group_stage_orders) {
  Layout out;
  out.boxes.resize(ties.size());
  if (ties.empty()) return out;

  // A column per round, by round order; rounds of one order by first appearance.
  std::unordered_map<std::string, std::size_t> first_seen;
  for (std::size_t i = 0; i < ties.size(); ++i) first_seen.emplace(ties[i].round, i);
  std::vector<std::size_t> order(ties.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return std::pair(ties[x].round_order, first_seen.at(ties[x].round)) <
           std::pair(ties[y].round_order, first_seen.at(ties[y].round));
  });
  for (const std::size_t i : order) {
    if (out.columns.empty() || out.columns.back().round != ties[i].round) {
      Column column;
      column.round = ties[i].round;
      column.round_order = ties[i].round_order;
      // The first round: after every group stage before it.
      const int before =
          out.columns.empty() ? std::numeric_limits<int>::min() : out.columns.back().round_order;
      column.after_group_stage =
          std::any_of(group_stage_orders.begin(), group_stage_orders.end(),
                      [&](int g) { return g > before && g < column.round_order; });
      out.columns.push_back(std::move(column));
    }
    out.boxes[i].column = out.columns.size() - 1;
    out.columns.back().ties.push_back(i);
  }

  // Who fed whom: the club that went through plays a tie of the next round (when no winner is
  // known, the one club of the tie that plays there).
  std::vector<std::array<std::optional<std::size_t>, 2>> fed_by(ties.size());
  for (std::size_t c = 1; c < out.columns.size(); ++c) {
    if (out.columns[c].after_group_stage) continue;
    std::map<ClubId, std::pair<std::size_t, int>> plays;  // club -> tie of round c, slot
    for (const std::size_t u : out.columns[c].ties) {
      if (ties[u].club_b) plays.emplace(ties[u].club_b->id, std::pair(u, 1));
      if (ties[u].club_a) plays.emplace(ties[u].club_a->id, std::pair(u, 0));
    }
    for (const std::size_t t : out.columns[c - 1].ties) {
      std::optional<ClubId> through;
      if (ties[t].winner) {
        through = ties[t].winner->id;
      } else {
        const bool a = ties[t].club_a && plays.count(ties[t].club_a->id);
        const bool b = ties[t].club_b && plays.count(ties[t].club_b->id);
        if (a != b) through = a ? ties[t].club_a->id : ties[t].club_b->id;
      }
      if (!through) continue;
      const auto next = plays.find(*through);
      if (next == plays.end()) continue;
      const auto [u, slot] = next->second;
      if (fed_by[u][static_cast<std::size_t>(slot)]) continue;  // two ties give one club
      fed_by[u][static_cast<std::size_t>(slot)] = t;
      out.boxes[t].feeds = u;
      out.boxes[t].feeds_slot = slot;
    }
  }

  // Each tie that feeds none is the root of a tree; the trees of later rounds first, each as
  // high as the boxes already placed in its columns let it go.
  std::vector<std::size_t> roots;
  for (auto column = out.columns.rbegin(); column != out.columns.rend(); ++column) {
    for (const std::size_t t : column->ties) {
      if (!out.boxes[t].feeds) roots.push_back(t);
    }
  }
  const Placer placer(out, fed_by);
  Subtree placed;
  placed.contour.resize(out.columns.size());
  for (const std::size_t root : roots) {
    Subtree tree = placer.place(root);
    const std::optional<double> by = clearance(placed.contour, tree.contour);
    shift(tree, by ? *by : top_of(placed.contour) - top_of(tree.contour));
    merge(placed, std::move(tree));
  }
  const double top = top_of(placed.contour);
  for (const auto& [tie, row] : placed.rows) {
    out.boxes[tie].row = row - top;
    out.rows = std::max(out.rows, row - top + 1);
  }
  for (Column& column : out.columns) {
    std::stable_sort(column.ties.begin(), column.ties.end(), [&](std::size_t x, std::size_t y) {
      return out.boxes[x].row < out.boxes[y].row;
    });
  }
  return out;
}

}  // namespace footballdb::bracket
