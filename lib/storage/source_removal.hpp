// Taking a source back: what of a leg the other sources still support.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "footballdb/types.hpp"

namespace footballdb::storage {

// A remaining source of a leg and the facts it stated (LegFact bits).
struct LegSupport {
  SourceId source;
  int facts = 0;
};

// A conflict a remaining source recorded on a leg: its field ("date", "full_time", ...), the
// value stored when it was met and the value the source claimed, as conflicts keeps them.
struct LegConflict {
  std::int64_t id = 0;
  SourceId source;
  std::string field;
  std::string stored;
  std::string claimed;
};

struct RederivedLeg {
  Leg leg;                            // the leg as the remaining sources give it
  bool changed = false;               // leg differs from the stored one
  std::vector<std::int64_t> settled;  // conflicts that agree with the new value: they go
  std::vector<std::pair<std::int64_t, std::string>> restated;  // conflicts' new stored text
};

// The stored leg `leg` once a source that stated `removed_facts` of it is taken back, from the
// facts the remaining sources `support` stated and the conflicts they met (a pure function).
// For each fact the removed source stated:
// - a remaining source stated it and met no conflict on it: the stored value is that source's
//   too, and stands;
// - only sources that conflicted stated it: the stored value was the removed source's alone,
//   and the claim of the first of them (the lowest conflict id) takes its place; its conflicts
//   are settled and the others' are restated against the new value. A result is one fact: the
//   first conflicting source's result replaces it whole (half time, extra time, penalties);
// - no remaining source stated it: it is forgotten (a result goes back to "scheduled").
// A claim that does not read back as a value (or gives a leg whose facts do not fit together)
// leaves the stored value as it is.
RederivedLeg rederive_leg(const Leg& leg, int removed_facts, const std::vector<LegSupport>& support,
                          const std::vector<LegConflict>& conflicts);

}  // namespace footballdb::storage
