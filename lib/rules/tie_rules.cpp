#include <algorithm>
#include <string>

#include "footballdb/rules.hpp"
#include "rules/uefa_rules.hpp"
#include "vocabulary/competition_names.hpp"

namespace footballdb {
namespace {

constexpr int kAwayGoalsLastSeason = 2020;   // abolished from 2021-22
constexpr int kShootOutFirstSeason = 1970;   // penalty shoot-outs from 1970-71

bool counts(const Leg& leg) {
  return leg.status != LegStatus::kAnnulled && leg.status != LegStatus::kScheduled &&
         leg.status != LegStatus::kCancelled;
}

// Goals of `club` in `leg` from `score`.
int goals_of(ClubId club, const Leg& leg, const Score& score) {
  return leg.home.id == club ? score.home : score.away;
}

// The winner of a penalty shoot-out in `leg`.
ClubId shoot_out_winner(const Leg& leg) {
  return leg.penalties->home > leg.penalties->away ? leg.home.id : leg.away.id;
}

// The matches of a tie that count, in order: the regular ones (the legs, or the one match) and
// the replays. A one-match tie has one match: the first that counts (a replay of a match
// declared void is the match); any later one is a replay, however a source labelled it.
struct Matches {
  std::vector<const Leg*> regular;
  std::vector<const Leg*> replays;
};

Matches matches_of(const TieFacts& tie, const RuleSet& rules) {
  const bool one_match = rules.legs == 1;  // legs = 0: as numbered, replays apart
  Matches m;
  for (const Leg& leg : tie.legs) {
    if (!counts(leg)) continue;
    (leg.replay && !one_match ? m.replays : m.regular).push_back(&leg);
  }
  auto by_number = [](const Leg* x, const Leg* y) { return x->number < y->number; };
  std::sort(m.regular.begin(), m.regular.end(), by_number);
  if (one_match && m.regular.size() > 1) {
    m.replays.insert(m.replays.begin(), m.regular.begin() + 1, m.regular.end());
    m.regular.resize(1);
  }
  std::sort(m.replays.begin(), m.replays.end(), by_number);
  return m;
}

// Whether the tie whose regular matches are `regular` is one match: by the rules, or, where the
// rules leave it to the sources (legs = 0), when the sources number no second leg.
bool is_one_match(const RuleSet& rules, const std::vector<const Leg*>& regular) {
  return rules.legs == 1 || (rules.legs == 0 && regular.size() <= 1);
}

}  // namespace

namespace rules {

RuleSet uefa_era_rules(bool european_cup, int season_year) {
  const int away_goals_from = european_cup ? 1967 : 1965;
  RuleSet rules;
  rules.away_goals = season_year >= away_goals_from && season_year <= kAwayGoalsLastSeason;
  rules.away_goals_extra_time = rules.away_goals;
  rules.extra_time = true;
  rules.penalties = season_year >= kShootOutFirstSeason;
  rules.replays = season_year < kShootOutFirstSeason;
  // Before shoot-outs: one play-off match, then the toss of a coin.
  if (rules.replays) {
    rules.replay_limit = 1;
    rules.replay_penalties = false;
  }
  return rules;
}

}  // namespace rules

RuleSet uefa_rules(std::string_view competition, int season_year) {
  return rules::uefa_era_rules(vocabulary::uefa_competition(competition, season_year) ==
                                   vocabulary::UefaCompetition::kEuropeanCup,
                               season_year);
}

TieOutcome decide_tie(const TieFacts& tie, const RuleSet& rules) {
  TieOutcome out;
  if (!tie.club_a || !tie.club_b) return out;
  const ClubId a = *tie.club_a;
  const ClubId b = *tie.club_b;

  const auto [regular, replays] = matches_of(tie, rules);
  const bool one_match = is_one_match(rules, regular);

  for (const Leg* leg : regular) {
    if (leg->status == LegStatus::kWalkover) {
      out.winner = leg->awarded_to;
      out.decided_by = DecidedBy::kWalkover;
      return out;
    }
  }
  if (regular.empty()) return out;

  Aggregate agg;
  bool awarded = false;
  for (const Leg* leg : regular) {
    auto score = leg->score();
    if (!score) return out;  // a leg without a result: the tie is not decided yet
    agg.a += goals_of(a, *leg, *score);
    agg.b += goals_of(b, *leg, *score);
    awarded = awarded || leg->status == LegStatus::kAwarded;
  }
  out.aggregate = agg;
  // A leg still to be played: the aggregate so far, no winner yet.
  const bool pending = std::any_of(tie.legs.begin(), tie.legs.end(), [](const Leg& l) {
    return l.status == LegStatus::kScheduled && !l.replay;
  });
  if (pending) return out;
  out.extra_time = std::any_of(regular.begin(), regular.end(),
                               [](const Leg* l) { return l->extra_time.has_value(); });

  auto decide = [&out](ClubId winner, DecidedBy how) {
    out.winner = winner;
    out.decided_by = how;
    return out;
  };
  if (agg.a != agg.b) {
    const DecidedBy how = awarded        ? DecidedBy::kAwarded
                          : !one_match    ? DecidedBy::kAggregate
                          : out.extra_time ? DecidedBy::kExtraTime
                                           : DecidedBy::kNormalTime;
    return decide(agg.a > agg.b ? a : b, how);
  }

  const bool neutral = std::any_of(regular.begin(), regular.end(),
                                   [](const Leg* l) { return l->neutral_venue; });
  // A play-off played after level legs says that away goals did not decide the tie, whatever
  // they say: a leg awarded after it was played, as sources keep its score (VfB Stuttgart v
  // Leeds United, 1992-93: 3-0 and 1-4, the second leg awarded 3-0 to Leeds, who won the
  // play-off), or rules the era's table does not know.
  const bool played_off = std::any_of(replays.begin(), replays.end(), [](const Leg* l) {
    return l->score() || l->status == LegStatus::kWalkover;
  });
  if (rules.away_goals && regular.size() >= 2 && !neutral && !played_off) {
    int away_a = 0;
    int away_b = 0;
    for (const Leg* leg : regular) {
      const std::optional<Score> s =
          leg->extra_time && rules.away_goals_extra_time ? leg->extra_time : leg->full_time;
      if (!s) return out;  // only the score after extra time is known: away goals cannot tell
      (leg->away.id == a ? away_a : away_b) += s->away;
    }
    if (away_a != away_b) return decide(away_a > away_b ? a : b, DecidedBy::kAwayGoals);
  }

  if (regular.back()->penalties) return decide(shoot_out_winner(*regular.back()),
                                               DecidedBy::kPenalties);

  for (const Leg* replay : replays) {
    if (replay->status == LegStatus::kWalkover) return decide(*replay->awarded_to,
                                                              DecidedBy::kWalkover);
    auto score = replay->score();
    if (!score) return out;
    out.extra_time = out.extra_time || replay->extra_time.has_value();
    if (score->home != score->away) {
      return decide(score->home > score->away ? replay->home.id : replay->away.id,
                    DecidedBy::kReplay);
    }
    if (replay->penalties) return decide(shoot_out_winner(*replay), DecidedBy::kPenalties);
  }

  if (tie.coin_toss_winner) return decide(*tie.coin_toss_winner, DecidedBy::kCoinToss);
  return out;
}

std::vector<std::string> rule_anomalies(const TieFacts& tie, const RuleSet& rules) {
  std::vector<std::string> found;
  const auto [regular, replays] = matches_of(tie, rules);
  auto name = [](const Leg& leg) { return "leg " + std::to_string(leg.number); };
  for (const Leg* leg : regular) {
    if (leg->penalties && !rules.penalties) {
      found.push_back(name(*leg) + " has a penalty shoot-out, which the rules of the era do not have");
    }
    if (leg->extra_time && !rules.extra_time) {
      found.push_back(name(*leg) + " has extra time, which the rules of the era do not have");
    }
  }
  if (replays.empty()) return found;
  if (!rules.replays) {
    for (const Leg* replay : replays) {
      found.push_back(name(*replay) + " is a replay, which the rules of the era do not have");
    }
    return found;
  }
  if (rules.replay_limit > 0 && replays.size() > static_cast<std::size_t>(rules.replay_limit)) {
    found.push_back("the tie has " + std::to_string(replays.size()) +
                    " replays; the rules of the era allow " + std::to_string(rules.replay_limit));
  }
  for (const Leg* replay : replays) {
    if (replay->extra_time && !rules.replay_extra_time) {
      found.push_back(name(*replay) +
                      " is a replay with extra time, which the rules of the era do not have");
    }
    if (replay->penalties && !rules.replay_penalties) {
      found.push_back(name(*replay) +
                      " is a replay with a penalty shoot-out, which the rules of the era do not have");
    }
  }
  // A replay follows a level match: one after a match with a winner, or settled on penalties,
  // is no replay of this tie. (After two legs, the aggregate and away goals say; decide_tie.)
  const Leg* before = is_one_match(rules, regular) && !regular.empty() ? regular.back() : nullptr;
  for (const Leg* replay : replays) {
    if (before && before->status == LegStatus::kPlayed) {
      const std::optional<Score> score = before->score();
      if (before->penalties) {
        found.push_back(name(*replay) + " is a replay after " + name(*before) +
                        ", which was settled on penalties");
      } else if (score && score->home != score->away) {
        found.push_back(name(*replay) + " is a replay after " + name(*before) +
                        ", which had a winner");
      }
    }
    before = replay;
  }
  return found;
}

}  // namespace footballdb
