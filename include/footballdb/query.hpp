// What the query API takes and gives beyond the plain domain types.
#pragma once

#include <optional>
#include <string>

#include "footballdb/types.hpp"

namespace footballdb {

// Which ties Database::ties returns; every field that is set must match.
struct TieFilter {
  std::optional<ClubId> club;         // ties of this club; it is then the tie's first club
  std::optional<ClubId> opponent;     // ...against this club
  std::optional<std::string> competition;  // "UEFA Europa League", "Europa League", any case
  std::optional<std::string> season;       // "2012-13", "2012/13", "2005"
  std::optional<std::string> round;        // "Semi-finals", "Halbfinale", "SF", any case
};

// What a name typed in a query is asked about: the clubs that play a tie under these filters
// (all set ones must match; none set: every club with a tie) are the name's scope, searched
// before the clubs that have no data (Database::resolve).
struct NameScope {
  std::optional<std::string> competition;  // as TieFilter
  std::optional<std::string> season;
  std::optional<std::string> round;
};

// One club's line in a group's table (the standings view).
struct Standing {
  std::string competition;
  std::string season;
  std::string round;
  std::optional<std::string> group;  // "A"; nullopt when the source named no group
  int position = 0;                  // by points, goal difference, goals scored
  ClubRef club;
  int played = 0, won = 0, drawn = 0, lost = 0;
  int goals_for = 0, goals_against = 0;
  int points = 0;  // 3 for a win from 1995-96, 2 before
};

// Which legs Database::fixtures returns: dated legs between from and to (both inclusive).
struct FixtureFilter {
  std::optional<Date> from;
  std::optional<Date> to;
  std::optional<ClubId> club;  // legs this club plays, home or away
};

// A leg with the tie and round it belongs to.
struct Fixture {
  std::string competition;
  std::string season;
  std::string round;
  TieId tie;
  Leg leg;
};

}  // namespace footballdb
