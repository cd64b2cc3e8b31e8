#include "reconcile/reconcile.hpp"

#include <algorithm>

namespace footballdb::reconcile {
namespace {

// Fills `stored` from `claimed` when it is unknown; notes a difference when both are known.
template <class T, class Show>
void fill(std::optional<T>& stored, const std::optional<T>& claimed, const char* field,
          Show show_value, std::vector<Difference>& differences, bool& changed) {
  if (!claimed) return;
  if (!stored) {
    stored = claimed;
    changed = true;
  } else if (!(*stored == *claimed)) {
    differences.push_back({field, show_value(*stored), show_value(*claimed)});
  }
}

Score swapped(const Score& s) { return Score{s.away, s.home}; }
std::optional<Score> swapped(const std::optional<Score>& s) {
  return s ? std::optional<Score>(swapped(*s)) : std::nullopt;
}

// The message of a draft that contradicts its own source, or nullopt when `leg` was not given
// by `source` (or the draft carries other sources' evidence: an interchange file's).
std::optional<std::string> own_contradiction(const StoredLeg& leg, const LegDraft& draft,
                                             SourceId source, const Difference& difference) {
  if (!draft.evidence.empty()) return std::nullopt;
  const auto line = leg.line_of(source);
  if (!line) return std::nullopt;
  return "expected one account of each match: line " + std::to_string(*line) + " gives this " +
         "match's " + difference.field + " as " + difference.stored + ", this line as " +
         difference.claimed;
}

// The stored leg `draft` is: the same clubs home and away, the same replay or not; of
// replays between the same clubs, the one of the same date; of several, the one of the
// draft's number. nullopt: none.
std::optional<std::size_t> same_leg(const StoredTie& tie, const LegDraft& draft) {
  const Leg& d = draft.leg;
  std::optional<std::size_t> found;
  for (std::size_t i = 0; i < tie.legs.size(); ++i) {
    const Leg& leg = tie.legs[i].leg;
    if (leg.home.id != d.home.id || leg.away.id != d.away.id || leg.replay != d.replay) continue;
    // Replays between the same two clubs (a second replay at the first one's ground) are told
    // apart by their dates.
    if (d.replay && d.date && leg.date && *leg.date != *d.date) continue;
    // A replay given as a walkover is not one that was played (a second replay that one
    // club did not turn up for, written like the first).
    if (d.replay && d.status == LegStatus::kWalkover && leg.status == LegStatus::kPlayed &&
        leg.score()) {
      continue;
    }
    if (!found || (draft.numbered && leg.number == d.number)) found = i;
  }
  return found;
}

// The differences of `draft`'s facts from stored `merged`, which takes what they add.
void merge_facts(Leg& merged, const Leg& d, std::vector<Difference>& differences,
                 bool& changed) {
  auto show_date = [](const Date& v) { return v.to_string(); };
  auto show_time = [](const LocalTime& v) { return v.to_string(); };
  auto show_score = [](const Score& v) { return score_text(v); };
  auto show_text = [](const std::string& v) { return v; };
  fill(merged.date, d.date, "date", show_date, differences, changed);
  fill(merged.kickoff, d.kickoff, "kickoff", show_time, differences, changed);
  fill(merged.venue, d.venue, "venue", show_text, differences, changed);
  // The result (status and scores) is one fact: a result for a scheduled leg is news, one
  // that agrees may fill in what is missing, one that differs anywhere is a conflict and
  // changes nothing of it. A source that knows less is no contradiction.
  if (merged.status == LegStatus::kScheduled && d.status != LegStatus::kScheduled) {
    merged.status = d.status;
    merged.awarded_to = d.awarded_to;
    merged.full_time = d.full_time;
    merged.half_time = d.half_time;
    merged.extra_time = d.extra_time;
    merged.penalties = d.penalties;
    changed = true;
  } else if (d.status != LegStatus::kScheduled) {
    std::vector<Difference> result_differences;
    Leg filled = merged;
    bool result_changed = false;
    if (merged.status != d.status) {
      result_differences.push_back({"status", std::string(to_string(merged.status)),
                                    std::string(to_string(d.status))});
    }
    fill(filled.full_time, d.full_time, "full_time", show_score, result_differences,
         result_changed);
    fill(filled.half_time, d.half_time, "half_time", show_score, result_differences,
         result_changed);
    fill(filled.extra_time, d.extra_time, "extra_time", show_score, result_differences,
         result_changed);
    fill(filled.penalties, d.penalties, "penalties", show_score, result_differences,
         result_changed);
    if (result_differences.empty() && result_changed && leg_problem(filled)) {
      // Each part agrees, yet together they do not fit (a half-time score above the
      // full-time one): the stored result stands and the new one is a conflict.
      result_differences.push_back({"result", score_text(merged.score()), score_text(d.score())});
    }
    if (result_differences.empty()) {
      merged = filled;
      changed = changed || result_changed;
    }
    differences.insert(differences.end(), result_differences.begin(), result_differences.end());
  }
  if (d.neutral_venue && !merged.neutral_venue) {
    merged.neutral_venue = true;
    changed = true;
  }
}

}  // namespace

int stated_facts(const Leg& leg) {
  int facts = 0;
  if (leg.date) facts |= kFactDate;
  if (leg.kickoff) facts |= kFactKickoff;
  if (leg.venue) facts |= kFactVenue;
  if (leg.neutral_venue) facts |= kFactNeutral;
  if (leg.status != LegStatus::kScheduled) facts |= kFactResult;
  if (leg.half_time) facts |= kFactHalfTime;
  if (leg.extra_time) facts |= kFactExtraTime;
  if (leg.penalties) facts |= kFactPenalties;
  return facts;
}

std::string score_text(const std::optional<Score>& score) {
  if (!score) return "";
  return std::to_string(score->home) + "-" + std::to_string(score->away);
}

std::optional<int> StoredLeg::line_of(SourceId source) const {
  for (const auto& [src, line] : sources) {
    if (src == source) return line;
  }
  return std::nullopt;
}

std::string pair_text(std::optional<ClubId> a, std::optional<ClubId> b, const NameOf& name_of) {
  auto one = [&name_of](std::optional<ClubId> c) { return c ? name_of(*c) : std::string("?"); };
  return one(a) + " v " + one(b);
}

TieMatch match_tie(const std::vector<const StoredTie*>& candidates, const TieDraft& d,
                   bool knockout, const NameOf& name_of) {
  TieMatch out;
  out.club_a = d.club_a;
  out.club_b = d.club_b;
  out.number = d.number;
  out.coin_toss_winner = d.coin_toss_winner;
  std::vector<const StoredTie*> found;
  for (const StoredTie* s : candidates) {
    // Outside knockout rounds a club meets many opponents: only the same pair is the same tie.
    if (knockout || (s->club_a == d.club_a && s->club_b == d.club_b) ||
        (s->club_a == d.club_b && s->club_b == d.club_a)) {
      found.push_back(s);
    }
  }
  if (found.empty()) return out;
  const StoredTie& s = *found.front();
  out.tie = &s;
  // The draft's text is built only when there is a conflict to show it in.
  auto pairing = [&] {
    out.pairing = Difference{"pairing", pair_text(s.club_a, s.club_b, name_of),
                             pair_text(d.club_a, d.club_b, name_of)};
    return out;
  };
  if (found.size() > 1) return pairing();
  out.club_a = s.club_a;
  out.club_b = s.club_b;
  // The draft's other club must be the stored opponent, or fill the empty place.
  std::vector<ClubId> missing;
  for (auto club : {d.club_a, d.club_b}) {
    if (club && club != s.club_a && club != s.club_b) missing.push_back(*club);
  }
  const std::size_t free_places = (s.club_a ? 0U : 1U) + (s.club_b ? 0U : 1U);
  if (missing.size() > free_places) return pairing();
  for (ClubId club : missing) {
    (out.club_a ? out.club_b : out.club_a) = club;
    out.clubs_changed = true;
  }
  out.changed = out.clubs_changed;
  out.number = s.number;
  out.coin_toss_winner = s.coin_toss_winner;
  fill(out.number, d.number, "number", [](int v) { return std::to_string(v); },
       out.differences, out.changed);
  fill(out.coin_toss_winner, d.coin_toss_winner, "coin_toss_winner", name_of, out.differences,
       out.changed);
  return out;
}

LegDraft placed_leg(const StoredTie& tie, const LegDraft& draft, const RuleSet& rules) {
  if (rules.legs == 2 || draft.leg.replay) return draft;
  const bool may_have_legs = rules.legs == 0 && !rules.replays;
  // A source that numbers a second leg knows the tie had legs (the FA Cup of 1945-46).
  if (draft.numbered && draft.leg.number > 1) return draft;
  const auto first = std::find_if(tie.legs.begin(), tie.legs.end(), [](const StoredLeg& l) {
    return !l.leg.replay && l.leg.status != LegStatus::kAnnulled &&
           l.leg.status != LegStatus::kCancelled;
  });
  if (first == tie.legs.end()) return draft;  // the tie's first match
  const Leg& match = first->leg;
  const Leg& d = draft.leg;
  const bool same_way = match.home.id == d.home.id && match.away.id == d.away.id;
  const bool same_date = match.date && d.date && *match.date == *d.date;
  const bool other_date = match.date && d.date && *match.date != *d.date;
  if (may_have_legs && !same_way && other_date) return draft;
  // Only a match left level (no shoot-out) is replayed.
  const auto score = match.score();
  const bool level = score && score->home == score->away && !match.penalties;
  LegDraft out = draft;
  if ((same_way && other_date && level) || (!same_way && !same_date && level)) {
    out.leg.replay = true;
    out.numbered = false;
    return out;
  }
  if (same_way) return out;
  // The match itself, told the other way round: at a neutral ground, which club is "home" is
  // the source's choice.
  std::swap(out.leg.home, out.leg.away);
  out.leg.full_time = swapped(d.full_time);
  out.leg.half_time = swapped(d.half_time);
  out.leg.extra_time = swapped(d.extra_time);
  out.leg.penalties = swapped(d.penalties);
  out.leg.neutral_venue = true;
  out.numbered = false;
  return out;
}

LegMerge merge_leg(const StoredTie& tie, const LegDraft& draft, SourceId source,
                   const NameOf& name_of) {
  const Leg& d = draft.leg;
  LegMerge out;
  const std::optional<std::size_t> same = same_leg(tie, draft);
  std::optional<int> number = draft.numbered ? std::optional<int>(d.number) : std::nullopt;
  if (!same && draft.numbered) {
    const auto other_it = std::find_if(tie.legs.begin(), tie.legs.end(), [&d](const StoredLeg& l) {
      return l.leg.number == d.number;
    });
    if (other_it != tie.legs.end()) {
      const StoredLeg& other = *other_it;
      const Leg& o = other.leg;
      out.index = static_cast<std::size_t>(other_it - tie.legs.begin());
      // A source that labels both legs alike: the legs are told apart by the swap of home and
      // away and numbered 1 and 2 by date (the stored one first when the dates do not tell).
      if (!d.replay && !o.replay && o.home.id == d.away.id && o.away.id == d.home.id &&
          other.line_of(source) && tie.legs.size() == 1) {
        const bool draft_first = d.date && o.date && *d.date < *o.date;
        out.renumbered = std::pair(out.index, draft_first ? 2 : 1);
        number = draft_first ? 1 : 2;
      } else {
        const Difference difference{"leg " + std::to_string(d.number),
                                    name_of(o.home.id) + " v " + name_of(o.away.id),
                                    name_of(d.home.id) + " v " + name_of(d.away.id)};
        if (auto own = own_contradiction(other, draft, source, difference)) {
          out.action = LegMerge::Action::kOwnSource;
          out.contradiction = std::move(*own);
          return out;
        }
        out.action = LegMerge::Action::kConflict;
        out.differences.push_back({"home_away", difference.stored, difference.claimed});
        return out;
      }
    }
  }
  if (!same) {
    out.action = LegMerge::Action::kInsert;
    out.leg = d;
    if (number) {
      out.leg.number = *number;
    } else {
      int last = 0;
      for (const StoredLeg& l : tie.legs) last = std::max(last, l.leg.number);
      out.leg.number = last + 1;
    }
    return out;
  }
  out.action = LegMerge::Action::kMerge;
  out.index = *same;
  const StoredLeg& stored = tie.legs[*same];
  out.leg = stored.leg;
  merge_facts(out.leg, d, out.differences, out.changed);
  if (!out.differences.empty()) {
    if (auto own = own_contradiction(stored, draft, source, out.differences.front())) {
      out.action = LegMerge::Action::kOwnSource;
      out.contradiction = std::move(*own);
      out.differences.clear();
    }
  }
  return out;
}

}  // namespace footballdb::reconcile
