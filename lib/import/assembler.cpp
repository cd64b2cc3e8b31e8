#include "import/assembler.hpp"

#include <algorithm>

#include "footballdb/error.hpp"
#include "footballdb/names.hpp"
#include "vocabulary/rounds.hpp"
#include "import/text.hpp"

namespace footballdb::import {
namespace {


// The qualifying round a "First/Second/Third round" of a qualifying competition is.
std::optional<std::string> qualifying_round(const std::string& canonical) {
  if (canonical == "First round") return "First qualifying round";
  if (canonical == "Second round") return "Second qualifying round";
  if (canonical == "Third round") return "Third qualifying round";
  return std::nullopt;
}

// The round a heading names: its canonical round, or that of the part after a comma ("Finals,
// Round of 16" is the round of 16) or before it ("League, Matchday 3" is the league phase). A
// play-off round played from January to June is the knockout round play-offs of a competition
// with a league phase, not the qualifying play-off round of August.
std::optional<vocabulary::CanonicalRound> round_named(std::string_view raw, const std::optional<Date>& date) {
  auto round = vocabulary::canonical_round(raw);
  if (const auto comma = raw.find(", "); !round && comma != std::string_view::npos) {
    round = vocabulary::canonical_round(raw.substr(comma + 2));
    if (!round) round = vocabulary::canonical_round(raw.substr(0, comma));
  }
  if (round && round->name == "Play-off round" && date && date->month <= 6) {
    round = vocabulary::canonical_round("Knockout round play-offs");
  }
  return round;
}

}  // namespace

storage::RoundKey Assembler::round_of(const Context& context, const SourceLocation& where,
                                      const std::optional<Date>& date, std::optional<bool> knockout,
                                      std::optional<int> order, bool listed) {
  // Season: the record's, the command line's, or the split season of its date.
  std::optional<std::string> season;
  if (context.season) {
    season = Season::normalize(*context.season);
    if (!season) {
      throw input_error(where, "expected a season like 2012-13 or 2005, got \"" +
                                   *context.season + "\"");
    }
  } else if (ctx_.options.season) {
    season = Season::normalize(*ctx_.options.season);
  } else if (date) {
    season = Season::split_season_of(*date);
  } else {
    season = last_season_;
  }
  if (!season) {
    throw input_error(where, "expected a season: the file gives none here; use --season");
  }
  if (date && !context.season && !ctx_.options.season) last_season_ = season;

  // The same context comes back record after record: work it out once.
  std::string memo_key = context.competition.value_or("") + '\x1f' + *season + '\x1f' +
                         context.round.value_or("") + '\x1f' + context.round_stated.value_or("") +
                         '\x1f' + (date && date->month <= 6 ? "H2" : "") +
                         (knockout ? (*knockout ? "K" : "G") : "") + '\x1f' +
                         (order ? std::to_string(*order) : "") + (listed ? "L" : "");
  if (auto it = memo_.find(memo_key); it != memo_.end()) return it->second;
  const int year = *Season::start_year(*season);

  std::optional<std::string> competition = context.competition;
  if (!competition) competition = ctx_.options.competition;
  if (!competition) competition = vocabulary::competition_from_path(ctx_.path);
  if (!competition) {
    throw input_error(where, "expected a competition: the file names none; use --competition");
  }
  bool qualifying = false;
  storage::RoundKey out;
  out.competition = vocabulary::canonical_competition(*competition, year, &qualifying);
  out.season = *season;

  std::optional<std::string> round = context.round;
  if (!round) round = ctx_.options.round;
  if (!round) throw input_error(where, "expected a round: the file names none here; use --round");
  std::int64_t round_id = 0;
  if (auto canonical = round_named(*round, date)) {
    out.round = canonical->name;
    if (qualifying) {
      if (auto q = qualifying_round(canonical->name)) out.round = *q;
    }
    if (!order && !listed) {
      if (auto place = vocabulary::canonical_round(out.round)) order = place->order;
    }
    round_id = ctx_.store.rounds.round_id(out, order, canonical->knockout);
  } else {
    out.round = std::string(trim(*round));
    round_id = ctx_.store.rounds.round_id(out, order, knockout.value_or(true));
  }
  // The source's own words for the round (not those of --round).
  if (context.round) {
    ctx_.store.rounds.add_name(round_id, ctx_.source,
                               trim(context.round_stated.value_or(*context.round)));
  }
  // Sources come round by round: a bounded memo holds the rounds a file is at.
  if (memo_.size() >= kMemoRounds) memo_.clear();
  memo_.emplace(std::move(memo_key), out);
  return out;
}

void Assembler::flush() {
  if (!pending_) return;
  Pending pending = std::move(*pending_);
  pending_.reset();
  merge(pending.draft, pending.where);
}

void Assembler::finish() {
  release();
  flush();
}

bool Assembler::same_row(const TieRecord& t, const SourceLocation& where, const std::string& home,
                         const std::string& away, const std::optional<std::string>& home_country,
                         const std::optional<std::string>& away_country,
                         std::optional<int> number) {
  return t.where.line == where.line && t.club_a == home && t.club_b == away &&
         t.country_a == home_country && t.country_b == away_country &&
         (!t.number || t.number == number);
}

storage::RoundKey Assembler::round_key(Record& record) {
  if (auto* r = std::get_if<TieRecord>(&record)) {
    return round_of(r->context, r->where, std::nullopt);
  }
  if (auto* r = std::get_if<LegRecord>(&record)) return round_of(r->context, r->where, r->date);
  auto& r = std::get<DraftRecord>(record);
  std::optional<Date> date;
  for (const storage::LegDraft& leg : r.draft.legs) {
    if (leg.leg.date && (!date || *leg.leg.date < *date)) date = leg.leg.date;
  }
  // The document orders its rounds: by its rounds section, else as its ties list them.
  return round_of(r.context, r.where, date, std::nullopt, std::nullopt, true);
}

void Assembler::operator()(Record&& record) {
  ++ctx_.report.records;
  if (auto* r = std::get_if<RoundRecord>(&record)) {
    release();
    flush();
    round(*r);
    return;
  }
  // A CSV row's stated winner joins the row's leg (take), in its round.
  const auto* stated = std::get_if<TieRecord>(&record);
  const auto* leg = window_.empty() ? nullptr : std::get_if<LegRecord>(&window_.back().record);
  if (stated && leg &&
      same_row(*stated, leg->where, leg->home, leg->away, leg->home_country, leg->away_country,
               leg->tie_number)) {
    storage::RoundKey round = window_.back().round;
    window_.push_back({std::move(record), std::move(round)});
    return;
  }
  storage::RoundKey round;
  try {
    round = round_key(record);
  } catch (...) {
    release();  // the records before this one first, with their own errors
    throw;
  }
  if (!window_.empty() && (window_.back().round != round || window_.size() >= kWindowRecords)) {
    release();
  }
  window_.push_back({std::move(record), std::move(round)});
}

void Assembler::release() {
  if (window_.size() > 1) {
    for (const Held& h : window_) {
      if (const auto* r = std::get_if<LegRecord>(&h.record)) {
        ctx_.clubs.expect(r->home, r->away, r->home_country, r->away_country, h.round);
      } else if (const auto* t = std::get_if<TieRecord>(&h.record); t && t->club_b) {
        ctx_.clubs.expect(t->club_a, *t->club_b, t->country_a, t->country_b, h.round);
      }
    }
  }
  for (Held& h : window_) take(h.record, h.round);
  window_.clear();
  ctx_.clubs.expected_done();
}

void Assembler::take(Record& record, const storage::RoundKey& round) {
  const auto* stated = std::get_if<TieRecord>(&record);
  if (!stated || !pending_ ||
      !same_row(*stated, pending_->where, pending_->home, pending_->away,
                pending_->home_country, pending_->away_country, pending_->draft.number)) {
    flush();
  }
  if (stated) {
    tie(*stated, round);
  } else if (const auto* l = std::get_if<LegRecord>(&record)) {
    leg(*l, round);
  } else {
    auto& bound = std::get<DraftRecord>(record);
    bound.draft.round = round;
    merge(bound.draft, bound.where);
  }
}

void Assembler::round(const RoundRecord& r) {
  // A heading creates its round in its place, so a file's rounds keep their order. A heading
  // whose season will only be known from the dates below it waits for its first match.
  if (!r.context.round) return;
  const bool season_known = r.context.season || ctx_.options.season || last_season_;
  // Which play-off round a "Playoffs" heading means only its matches' dates tell.
  const auto named = round_named(*r.context.round, std::nullopt);
  // A round whose place the source states is the round it names.
  const bool play_off = named && named->name == "Play-off round" && !r.order;
  if (!season_known || play_off) return;
  const storage::RoundKey key = round_of(r.context, r.where, std::nullopt, r.knockout, r.order);
  if (r.stated.empty()) return;
  const std::int64_t id = ctx_.store.rounds.round_id(key);
  for (const auto& [source, name] : r.stated) ctx_.store.rounds.add_name(id, source, name);
}

storage::TieDraft Assembler::draft_of(const storage::RoundKey& round, std::optional<int> number,
                                      const ClubPair& clubs, const SourceLocation& where) const {
  storage::TieDraft draft;
  draft.round = round;
  draft.number = number;
  draft.club_a = clubs.a;
  draft.club_b = clubs.b;
  draft.evidence.emplace_back(ctx_.source, where.line);
  return draft;
}

std::optional<std::string> Assembler::group_of(const Context& context) const {
  const auto& raw = context.round ? context.round : ctx_.options.round;
  return raw ? vocabulary::group_of(*raw) : std::nullopt;
}

void Assembler::tie(const TieRecord& r, const storage::RoundKey& round) {
  // The tie of the leg held back (its row's claim): its clubs and round are the leg's.
  std::optional<Pending> joined = std::move(pending_);
  pending_.reset();
  ClubPair clubs;
  storage::TieDraft draft;
  if (joined) {
    clubs = joined->clubs;
    draft = std::move(joined->draft);
  } else {
    clubs = ctx_.clubs.pair(r.club_a, r.club_b, r.country_a, r.country_b, round, r.where);
    draft = draft_of(round, r.number, clubs, r.where);
    draft.group = group_of(r.context);
  }
  // A stated club must be one of the tie's: bind it through them before anything else.
  auto stated = [&](const std::optional<std::string>& name) -> std::optional<ClubId> {
    if (!name) return std::nullopt;
    if (*name == r.club_a) return clubs.a;  // the record's own spelling of a club
    if (r.club_b && *name == *r.club_b) return clubs.b;
    return ctx_.clubs.one_of(*name, clubs, r.where);
  };
  draft.coin_toss_winner = stated(r.stated_coin_toss_winner);
  if (r.stated_winner || r.stated_aggregate || r.stated_decided_by) {
    storage::ClaimDraft claim;
    claim.winner = stated(r.stated_winner);
    claim.aggregate = r.stated_aggregate;
    claim.decided_by = r.stated_decided_by;
    claim.text = r.text;
    claim.line = r.where.line;
    draft.claims.push_back(std::move(claim));
  }
  merge(draft, r.where);
}

void Assembler::merge(const storage::TieDraft& draft, const SourceLocation& where) {
  const storage::MergeResult merged = ctx_.store.ties.merge(draft);
  if (merged.contradicts_own_source) {
    throw input_error({where.file, where.line, 0}, *merged.contradicts_own_source);
  }
  ctx_.count(merged);
}

void Assembler::leg(const LegRecord& r, const storage::RoundKey& round) {
  const ClubPair clubs = ctx_.clubs.pair(r.home, r.away, r.home_country, r.away_country,
                                         round, r.where);
  if (!clubs.b || *clubs.a == *clubs.b) {
    throw input_error(r.where, "expected two different clubs, got \"" + r.home + "\" and \"" +
                                   r.away + "\"");
  }
  storage::LegDraft d;
  d.line = r.where.line;
  Leg& leg = d.leg;
  leg.home.id = *clubs.a;
  leg.away.id = *clubs.b;
  if (r.leg_number && !r.replay) {  // replays take the next number after the legs
    leg.number = *r.leg_number;
    d.numbered = true;
  }
  leg.replay = r.replay;
  leg.status = r.status;
  leg.date = r.date;
  leg.kickoff = r.kickoff;
  leg.neutral_venue = r.neutral_venue;
  leg.venue = r.venue;
  leg.full_time = r.full_time;
  leg.half_time = r.half_time;
  leg.extra_time = r.extra_time;
  leg.penalties = r.penalties;
  if (r.awarded_to) {
    leg.awarded_to = *r.awarded_to == r.home   ? *clubs.a
                     : *r.awarded_to == r.away ? *clubs.b
                                               : ctx_.clubs.one_of(*r.awarded_to, clubs, r.where);
  }
  if (leg.status == LegStatus::kWalkover && (leg.full_time || !leg.awarded_to)) {
    // A "walkover" with a score is a result awarded by the organiser; one that names nobody
    // as going through was simply not played.
    leg.status = leg.full_time ? LegStatus::kAwarded : LegStatus::kCancelled;
    leg.awarded_to.reset();
  }
  if (leg.status == LegStatus::kPlayed && !leg.score()) leg.status = LegStatus::kScheduled;
  if (leg.status == LegStatus::kScheduled || leg.status == LegStatus::kCancelled) {
    leg.full_time.reset();
    leg.half_time.reset();
    leg.extra_time.reset();
    leg.penalties.reset();
  }

  if (auto problem = leg_problem(leg)) throw input_error(r.where, "expected " + *problem);
  storage::TieDraft draft = draft_of(round, r.tie_number, clubs, r.where);
  draft.group = group_of(r.context);
  draft.legs.push_back(std::move(d));
  pending_ = Pending{std::move(draft), r.where, clubs, r.home, r.away, r.home_country,
                     r.away_country};
}

}  // namespace footballdb::import
