// The tie rules: how a knockout tie is decided from its legs, by competition and era.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "footballdb/api.hpp"
#include "footballdb/types.hpp"

namespace footballdb {

// The rules a competition plays a season by.
struct RuleSet {
  bool away_goals = true;             // equal aggregate goes to the club with more away goals
  bool away_goals_extra_time = true;  // away goals scored in extra time count as away goals
  bool extra_time = true;             // a tie still level after 90 minutes goes to extra time
  bool penalties = true;              // then to a penalty shoot-out
  bool replays = false;               // a tie still level is replayed (before shoot-outs existed)
  int replay_limit = 0;               // the most replays a tie may have; 0: no limit
  bool replay_extra_time = true;      // a replay level after 90 minutes goes to extra time
  bool replay_penalties = true;       // a replay still level goes to penalties (the last one allowed)
  // Matches a tie is played over: 2 (home and away legs) or 1 (one match; a second match of
  // the pairing in the round is a replay), or 0, for a competition whose rules are not known:
  // as the sources number them (a match a source numbers a leg is a leg, one it calls a replay
  // is a replay; a tie of one such match is one match).
  int legs = 2;

  friend bool operator==(const RuleSet& a, const RuleSet& b) {
    return a.away_goals == b.away_goals && a.away_goals_extra_time == b.away_goals_extra_time &&
           a.extra_time == b.extra_time && a.penalties == b.penalties && a.replays == b.replays &&
           a.replay_limit == b.replay_limit && a.replay_extra_time == b.replay_extra_time &&
           a.replay_penalties == b.replay_penalties && a.legs == b.legs;
  }
};

// UEFA's rules for `competition` in the season starting in `season_year`: away goals from
// 1965-66 (the European Cup and Champions League from 1967-68) to 2020-21, counted in extra time
// too; penalty shoot-outs from 1970-71, replays before. The competition is recognised by name as
// imports recognise it ("Champions League", "European Champion Clubs' Cup"); these are the
// defaults (default_rules) of UEFA's competitions that have set no rules of their own
// (Database::set_rules).
FOOTBALLDB_API RuleSet uefa_rules(std::string_view competition, int season_year);

// The rules footballdb knows for round `round` (canonical name; empty: any round) of
// `competition` (canonical name) in the season starting in `season_year`, for a competition
// whose database holds none of its own: the history shipped in data/rules/competitions.txt
// (the FA Cup, the EFL Cup, the national cups of ../data, with their sources), else UEFA's
// (uefa_rules; a final is one match, but the UEFA Cup's two legs until 1996-97), else those of
// a national cup: extra time, penalties, no away goals, no replays, and legs as the sources
// number them (legs = 0: the two-legged semi-finals of a cup no history here covers stay two
// legs; a second match of a level pairing that no source numbers is a replay).
FOOTBALLDB_API RuleSet default_rules(std::string_view competition, int season_year,
                                     std::string_view round = {});

// What decide_tie needs to know of a tie.
struct TieFacts {
  std::optional<ClubId> club_a;
  std::optional<ClubId> club_b;
  std::vector<Leg> legs;  // any order; annulled, cancelled and scheduled legs count for nothing
  std::optional<ClubId> coin_toss_winner;  // evidence of a drawing of lots, if any
};

// Computes aggregate, winner and how the tie was decided from its legs under `rules` (the
// rules of the tie's round). The aggregate counts the regular (non-replay) legs, extra time
// included. A one-match tie (rules.legs == 1) is decided by its first match, in normal time,
// extra time or on penalties; a later match of it is a replay however the source labelled it.
// Under legs = 0 the legs are as numbered: one leg, one match; two, home and away.
// A tie whose legs do not decide it (a leg without a score, level with no shoot-out or replay
// known, a partial tie) has no winner. Pure and thread-safe.
FOOTBALLDB_API TieOutcome decide_tie(const TieFacts& tie, const RuleSet& rules);

// Facts in the legs that the rules of the era do not allow (a penalty shoot-out before they
// existed, away goals ignored ...), one sentence each; empty when none. Pure and thread-safe.
FOOTBALLDB_API std::vector<std::string> rule_anomalies(const TieFacts& tie, const RuleSet& rules);

}  // namespace footballdb
