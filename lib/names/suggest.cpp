#include <algorithm>
#include <numeric>
#include <utility>

#include "footballdb/names.hpp"

namespace footballdb {
namespace {

// The optimal string alignment distance of `a` and `b`: insertions, deletions, substitutions
// and swaps of neighbours, each 1. Two rows and the one before, O(|a| |b|) time.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), row(b.size() + 1);
  std::iota(previous.begin(), previous.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        row[j] = std::min(row[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, row);
  }
  return previous[b.size()];
}

// `key`'s last `words` words ("uefa champions league", 2: "champions league").
std::string_view last_words(std::string_view key, std::size_t words) {
  std::size_t start = key.size();
  for (std::size_t seen = 0; start > 0; --start) {
    if (key[start - 1] == ' ' && ++seen == words) break;
  }
  return key.substr(start);
}

}  // namespace

std::vector<std::string> did_you_mean(std::string_view typed, const std::vector<std::string>& choices,
                                      std::size_t most) {
  const std::string t = fold_key(typed);
  if (t.empty()) return {};
  const std::size_t words = static_cast<std::size_t>(std::count(t.begin(), t.end(), ' ')) + 1;
  const std::size_t allowed = std::max<std::size_t>(1, t.size() / 3);
  std::vector<std::pair<std::size_t, std::string>> close;
  for (const std::string& choice : choices) {
    const std::string c = fold_key(choice);
    const std::size_t d = std::min(edit_distance(t, c), edit_distance(t, last_words(c, words)));
    if (d <= allowed) close.emplace_back(d, choice);
  }
  std::sort(close.begin(), close.end());
  close.erase(std::unique(close.begin(), close.end(),
                          [](const auto& x, const auto& y) { return x.second == y.second; }),
              close.end());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < close.size() && i < most; ++i) out.push_back(close[i].second);
  return out;
}

}  // namespace footballdb
