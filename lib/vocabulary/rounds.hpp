// Round names: the many ways sources name a stage of a competition, mapped to one English name.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace footballdb::vocabulary {

struct CanonicalRound {
  std::string name;  // "Second qualifying round", "Round of 16", "Semi-finals", "Finals", ...
  // Sort key of the stage within a season: preliminary < qualifying rounds < play-off round <
  // first/second/third round < group stage / league phase < knockout round play-offs <
  // round of 32 < round of 16 < quarter-finals < semi-finals < final(s).
  int order = 0;
  bool knockout = true;  // false for a group stage or league phase
};

// The canonical round for a raw round name in English or German, or an engsoccerdata round code:
// "2.Qualifikationsrunde", "Qualifikation 2. Runde", "Q-2", "2nd qualifying round" -> "Second
// qualifying round"; "Halbfinale", "Semi–finals", "SF" -> "Semi-finals"; "Round1" -> "First
// round"; "GroupA" -> "Group stage". Case, dashes, dots and spaces do not matter. "Finals"
// (several final matches, as the Intertoto Cup had) stays distinct from "Final".
// Nullopt when the name is not one it knows: it never guesses.
std::optional<CanonicalRound> canonical_round(std::string_view raw);

// The group a round name names ("Group A", "GroupB", "Gruppe C", "Groupe D", "Grupo E",
// "Group 3", engsoccerdata's "GroupA-prelim") as its letter or number, upper-cased; nullopt for a
// name that names none ("Group stage").
std::optional<std::string> group_of(std::string_view raw);

// The longest run of words in a line of prose that names a round, as written there:
// "Hier die Paarungen der 2.Qualifikationsrunde:" -> "2.Qualifikationsrunde". A run stays within
// a clause (no comma, colon, semicolon or bracket inside). Nullopt when no run of up to five
// words is a round name, or when the longest runs that are name different rounds.
std::optional<std::string> find_round_name(std::string_view prose);

}  // namespace footballdb::vocabulary
