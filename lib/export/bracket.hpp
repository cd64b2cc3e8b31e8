// The bracket picture of a season's knockout rounds: where each tie goes (a pure function over
// ties, no database), and the SVG drawn from that.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "footballdb/types.hpp"

namespace footballdb::bracket {

// One round: a column of the picture.
struct Column {
  std::string round;
  int round_order = 0;
  // A group stage lies between this round and the one before (so no tie of that round feeds
  // one of this), or, for the first round, before it.
  bool after_group_stage = false;
  std::vector<std::size_t> ties;  // indices into the ties laid out, top to bottom
};

// Where one tie goes.
struct Box {
  std::size_t column = 0;
  // Vertical position in box heights from the top (0, 1, 2.5, ...): a tie fed by two ties sits
  // halfway between them, one fed by one tie level with it. Boxes of a column are at least 1
  // apart.
  double row = 0;
  // The tie of the next round its winner plays (index into the ties), and as which club of that
  // tie: 0 club_a, 1 club_b. Nullopt when it plays none there (the last round, a group stage
  // next, a winner not known or not in the next round).
  std::optional<std::size_t> feeds;
  int feeds_slot = 0;
};

struct Layout {
  std::vector<Column> columns;  // in round order
  std::vector<Box> boxes;       // one per tie, in the order of the ties
  double rows = 0;              // height of the picture in box heights
};

// Lays out `ties` (the knockout ties of one season of one competition, in any order): a column
// per round, ordered by round_order (rounds of equal order by first appearance); a tie whose
// winner plays a tie of the next round feeds it, unless a group stage (`group_stage_orders`:
// the round orders of the season's group stages) lies between the two rounds. Each final (a
// tie feeding none) is the root of a tree of the ties that fed it, club_a's side above
// club_b's; trees are packed top down, those ending in a later round first, without two boxes
// of one column overlapping. Deterministic; thread-safe.
Layout layout(const std::vector<Tie>& ties, const std::vector<int>& group_stage_orders = {});

// Writes the SVG picture of `ties` laid out as `layout` says, headed by `title` ("UEFA
// Champions League 2011-12"): a column per round with its heading (<text class="round">), a
// box per tie (<g class="tie" data-round="..." data-tie-id="...">) with both clubs (the one
// that went through in bold), each leg's goals, the aggregate, how the tie was decided, and a
// red "!" (<g class="flag"> with a <title> saying why) where a source states another result;
// connectors from each tie to the one it feeds. Every text is XML-escaped. The same input
// gives the same bytes.
void write_svg(const std::string& title, const std::vector<Tie>& ties, const Layout& layout,
               std::ostream& out);

// `text` with & < > " ' escaped for XML text and attributes, and the characters XML 1.0 cannot
// hold (C0 controls but tab, line feed and carriage return) replaced by U+FFFD.
std::string xml_escape(const std::string& text);

}  // namespace footballdb::bracket
