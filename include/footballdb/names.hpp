// Club names: the keys used to match spellings, and what resolving a name gives.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "footballdb/types.hpp"

namespace footballdb {

// The normalised key of a name: Unicode NFKC, case folded (Turkish "İ" folds to "i"), the
// comma-below and cedilla forms of s and t unified ("ș" = "ş"), typographic quotes and dashes
// made ASCII, white space collapsed and trimmed. Accents are kept: "Lech Poznań" and
// "lech poznan" have different keys. Invalid UTF-8 is replaced by U+FFFD. Thread-safe.
std::string name_key(std::string_view name);

// name_key with accents and letter variants folded to ASCII letters ("ß" -> "ss", "ø" -> "o",
// "þ" -> "th", "ə" -> "e", "ı" -> "i"), apostrophes and full stops dropped and other punctuation
// made a space: "St Patrick’s Athletic" -> "st patricks athletic",
// "USV Eschen/Mauren" -> "usv eschen mauren". Thread-safe.
std::string fold_key(std::string_view name);

// What a name means.
enum class ResolveStatus { kResolved, kAmbiguous, kUnknown };
// "resolved", "ambiguous", "unknown".
std::string_view to_string(ResolveStatus status) noexcept;

// A club a name may mean, with how it was matched.
struct Candidate {
  ClubRef club;
  std::string matched_name;  // the known spelling that matched
  std::string method;        // the layer that matched: "exact", "normalized", "folded", ...
  double score = 0.0;        // 1.0 for an exact match; lower is weaker
};

struct Resolution {
  std::string query;
  ResolveStatus status = ResolveStatus::kUnknown;
  std::optional<ClubRef> club;     // set when resolved
  std::vector<Candidate> candidates;  // best first; for an ambiguous name, every club it may mean
  std::string method;              // the layer that decided; empty when unknown
};

}  // namespace footballdb
