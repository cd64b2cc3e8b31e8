#include "import/import_context.hpp"

#include <algorithm>

#include "vocabulary/countries.hpp"

namespace footballdb::import {
namespace {

// The caches' key: a name means one thing per country ("Dinamo" of ALB is not that of RUS) and
// per competition (the countries it admits).
std::string cache_key(const std::string& name, const MatchContext& context) {
  std::string key = name;
  if (context.country) key += '\x1f' + *context.country;
  for (const std::string& c : context.countries) key += '\x1e' + c;
  return key;
}

}  // namespace

MatchContext ClubLookup::context(const std::optional<std::string>& country,
                                 const std::optional<std::string>& competition) {
  MatchContext out;
  if (country) out.country = vocabulary::canonical_country(*country);
  if (competition) out.countries = vocabulary::admitted_countries(*competition);
  return out;
}

std::optional<ClubLookup::Match> ClubLookup::match(const std::string& name,
                                                  const MatchContext& context) {
  const std::string key = cache_key(name, context);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  Resolution r = matcher().resolve(name, context);
  if (r.status != ResolveStatus::kResolved) return std::nullopt;
  Match m{r.club->id, r.method, store_.open_review_of(r.club->id).has_value()};
  cache_.emplace(key, m);
  return m;
}

void ClubLookup::learn(const std::string& name, const Match& m, const SourceLocation& where) {
  if (m.method != "exact") store_.add_club_name(m.club, name, std::nullopt, source_, m.method, where.line);
}

std::optional<ClubId> ClubLookup::resolved(const std::string& name, const SourceLocation& where,
                                           const std::optional<std::string>& country,
                                           const std::optional<std::string>& competition) {
  auto m = match(name, context(country, competition));
  if (!m) return std::nullopt;
  learn(name, *m, where);
  return m->club;
}

bool ClubLookup::paired_elsewhere(ClubId club, ClubId other, const storage::RoundKey& round) {
  if (!store_.knockout(round)) return false;
  bool elsewhere = false;
  for (const auto& opponent : store_.opponents(round, club)) {
    if (opponent == other) return false;
    if (!opponent) continue;
    const auto review = store_.open_review_of(*opponent);
    elsewhere = elsewhere || !review || !fits(*review, other);
  }
  return elsewhere;
}

namespace {

bool is_candidate(const Resolution& r, ClubId club) {
  return std::any_of(r.candidates.begin(), r.candidates.end(),
                     [club](const Candidate& c) { return c.club.id == club; });
}

}  // namespace

std::optional<ClubId> ClubLookup::through_tie(const std::string& name, const MatchContext& context,
                                              ClubId known, const storage::RoundKey& round,
                                              const SourceLocation& where) {
  const Resolution alone = matcher().resolve(name);
  std::optional<ClubId> found;
  for (const auto& opponent : store_.opponents(round, known)) {
    if (!opponent || opponent == found) continue;
    if (!is_candidate(alone, *opponent) && !matcher().compatible(name, *opponent)) continue;
    if (found) return std::nullopt;  // two opponents may bear the name: no guess
    found = opponent;
  }
  if (!found) return std::nullopt;
  // A name that means nothing else is learned as a spelling of the club; one that may also mean
  // other clubs ("Víkingur") is bound here only, through this tie.
  if (alone.status == ResolveStatus::kUnknown) {
    store_.add_club_name(*found, name, std::nullopt, source_, "tie", where.line);
  }
  settle_name(name, context, *found);
  return found;
}

ClubId ClubLookup::unbound(const std::string& name, const SourceLocation& where,
                           const MatchContext& context) {
  placeholder_given_ = true;
  const std::string key = cache_key(name, context);
  if (auto it = unbound_.find(key); it != unbound_.end()) return it->second;
  // A name already awaiting review keeps the club it was given then.
  if (auto waiting = store_.reviewed_club(name, context.country)) {
    unbound_.emplace(key, *waiting);
    return *waiting;
  }
  const Resolution r = matcher().resolve(name, context);
  const ClubId id =
      store_.add_club(name, context.country, std::nullopt, "import", source_, where.line);
  // A name the matcher resolved comes here when its club cannot be the one of this pairing.
  store_.add_review(name, r.status == ResolveStatus::kUnknown ? "unknown" : "ambiguous", id,
                    storage::candidates_to_json(r.candidates), source_, where.line);
  ++report_.clubs_added;
  ++report_.reviews;
  unbound_.emplace(key, id);
  return id;
}

std::optional<ClubPair> ClubLookup::through_one_tie(const std::string& a,
                                                    const MatchContext& context_a,
                                                    const std::string& b,
                                                    const MatchContext& context_b,
                                                    const storage::RoundKey& round,
                                                    const SourceLocation& where) {
  const Resolution ra = matcher().resolve(a);
  const Resolution rb = matcher().resolve(b);
  std::optional<ClubPair> found;
  for (const Candidate& ca : ra.candidates) {
    for (const auto& opponent : store_.opponents(round, ca.club.id)) {
      if (!opponent || !is_candidate(rb, *opponent)) continue;
      if (found && (found->a != ca.club.id || found->b != opponent)) {
        return std::nullopt;  // two ties fit: no guess
      }
      found = ClubPair{ca.club.id, opponent};
    }
  }
  if (!found) return std::nullopt;
  if (ra.status == ResolveStatus::kUnknown) {
    store_.add_club_name(*found->a, a, std::nullopt, source_, "tie", where.line);
  }
  if (rb.status == ResolveStatus::kUnknown) {
    store_.add_club_name(*found->b, b, std::nullopt, source_, "tie", where.line);
  }
  settle_name(a, context_a, *found->a);
  settle_name(b, context_b, *found->b);
  return found;
}

bool ClubLookup::fits(const storage::OpenReview& review, ClubId club) {
  return std::find(review.candidates.begin(), review.candidates.end(), club) !=
             review.candidates.end() ||
         matcher().compatible(review.name, club);
}

void ClubLookup::forget(ClubId club) {
  for (auto it = cache_.begin(); it != cache_.end();) {
    it = it->second.club == club ? cache_.erase(it) : std::next(it);
  }
  for (auto it = unbound_.begin(); it != unbound_.end();) {
    it = it->second == club ? unbound_.erase(it) : std::next(it);
  }
}

bool ClubLookup::settle(const storage::OpenReview& review, ClubId into) {
  if (!store_.try_accept_review(review, into, "tie")) return false;  // a person must decide
  placeholder_ties_.clear();
  ++report_.reviews_settled;
  forget(review.club);  // the provisional club is gone
  return true;
}

void ClubLookup::settle_name(const std::string& name, const MatchContext& context, ClubId club) {
  auto provisional = store_.reviewed_club(name, context.country);
  if (!provisional) {
    if (auto m = match(name, context); m && m->placeholder) provisional = m->club;
  }
  if (!provisional || *provisional == club) return;
  if (auto review = store_.open_review_of(*provisional)) settle(*review, club);
}

void ClubLookup::settle_through_tie(ClubId known, ClubId other, const storage::RoundKey& round) {
  const std::vector<std::optional<ClubId>> opponents = store_.opponents(round, known);
  if (std::find(opponents.begin(), opponents.end(), other) != opponents.end()) return;
  // In a knockout round a club has one tie: `other` paired already leaves no single answer.
  if (store_.knockout(round) && !store_.opponents(round, other).empty()) return;
  std::optional<storage::OpenReview> found;
  for (const auto& opponent : opponents) {
    if (!opponent) continue;
    auto review = store_.open_review_of(*opponent);
    if (!review || !fits(*review, other)) continue;
    if (found) return;  // two names awaiting review may mean `other`
    found = std::move(review);
  }
  if (!found) return;
  // Another opponent of `known` that may bear the name leaves two answers.
  for (const auto& opponent : opponents) {
    if (opponent && *opponent != found->club && fits(*found, *opponent)) return;
  }
  settle(*found, other);
}

bool ClubLookup::settle_into(ClubId club, const std::string& other_name,
                             std::optional<ClubId> other, const storage::RoundKey& round) {
  if (!store_.opponents(round, club).empty()) return false;
  const Resolution named = matcher().resolve(other_name);
  auto other_fits = [&](const std::optional<ClubId>& opponent) {
    if (!opponent) return false;
    if (!other) {
      return is_candidate(named, *opponent) || matcher().compatible(other_name, *opponent);
    }
    if (*opponent == *other) return true;
    const auto review = store_.open_review_of(*opponent);
    return review && fits(*review, *other);
  };
  std::optional<storage::OpenReview> found;
  auto cached = placeholder_ties_.find(round);
  if (cached == placeholder_ties_.end()) {
    cached = placeholder_ties_.emplace(round, store_.placeholder_ties(round)).first;
  }
  for (const auto& t : cached->second) {
    if (t.review.club == club || !other_fits(t.opponent) || !fits(t.review, club)) continue;
    if (found && found->club != t.review.club) return false;  // two placeholders fit: no guess
    found = t.review;
  }
  return found && settle(*found, club);
}

ClubId ClubLookup::get(const std::string& name, const SourceLocation& where,
                       const std::optional<std::string>& country) {
  if (auto id = resolved(name, where, country, std::nullopt)) return *id;
  return unbound(name, where, context(country, std::nullopt));
}

ClubPair ClubLookup::pair(const std::string& a, const std::optional<std::string>& b,
                          const std::optional<std::string>& country_a,
                          const std::optional<std::string>& country_b,
                          const storage::RoundKey& round, const SourceLocation& where) {
  const MatchContext context_a = context(country_a, round.competition);
  const MatchContext context_b = context(country_b, round.competition);
  std::optional<Match> match_a = match(a, context_a);
  std::optional<Match> match_b = b ? match(*b, context_b) : std::nullopt;
  auto known = [](const std::optional<Match>& m) {
    return m && !m->placeholder ? std::optional<ClubId>(m->club) : std::nullopt;
  };
  if (b) {
    // An earlier source's placeholder for this pairing becomes its known club; a placeholder
    // merged away is no answer any more.
    bool settled = false;
    if (known(match_a)) settled = settle_into(*known(match_a), *b, known(match_b), round);
    if (known(match_b)) settled = settle_into(*known(match_b), a, known(match_a), round) || settled;
    if (settled) {
      match_a = match(a, context_a);
      match_b = match(*b, context_b);
    }
  }
  ClubPair out;
  out.a = known(match_a);
  out.b = known(match_b);
  if (out.a && b && !out.b) out.b = through_tie(*b, context_b, *out.a, round, where);
  if (out.b && !out.a) out.a = through_tie(a, context_a, *out.b, round, where);
  if (b && !out.a && !out.b) {
    // Neither name is one club ("Milan" v "Arsenal"): one stored tie in the round between a
    // club each may mean binds both.
    if (auto both = through_one_tie(a, context_a, *b, context_b, round, where)) {
      out.a = both->a;
      out.b = both->b;
    }
  }
  // A name no tie binds keeps its placeholder (asked again: a settled one is gone), or gets one.
  if (!out.a) {
    match_a = match(a, context_a);
    out.a = match_a ? match_a->club : unbound(a, where, context_a);
  }
  if (b && !out.b) {
    match_b = match(*b, context_b);
    out.b = match_b ? match_b->club : unbound(*b, where, context_b);
  }
  if (b) {
    // A club a fuzzy layer found (a registry club, or another name's placeholder) that already
    // plays another opponent in this knockout round is not the club of this pairing: the name
    // gets a club of its own and awaits review.
    auto refused = [&](const std::optional<Match>& m, ClubId club, ClubId other) {
      return m && m->club == club && m->method != "exact" &&
             paired_elsewhere(club, other, round);
    };
    const bool refuse_a = refused(match_a, *out.a, *out.b);
    const bool refuse_b = refused(match_b, *out.b, *out.a);
    if (refuse_a) out.a = unbound(a, where, context_a);
    if (refuse_b) out.b = unbound(*b, where, context_b);
  }
  // A placeholder given a tie in this round (a new one, or one a name already awaited):
  // the round's placeholder ties are to be read again.
  if ((match_a && match_a->placeholder && out.a == match_a->club) ||
      (match_b && match_b->placeholder && out.b == match_b->club) || placeholder_given_) {
    placeholder_ties_.clear();
    placeholder_given_ = false;
  }
  if (match_a && out.a == match_a->club) learn(a, *match_a, where);
  if (match_b && out.b == match_b->club) learn(*b, *match_b, where);
  if (out.a && out.b) {
    settle_through_tie(*out.a, *out.b, round);
    settle_through_tie(*out.b, *out.a, round);
  }
  return out;
}

ClubId ClubLookup::one_of(const std::string& name, const ClubPair& clubs,
                          const SourceLocation& where) {
  if (auto id = resolved(name, where, std::nullopt, std::nullopt);
      id && (id == clubs.a || id == clubs.b)) {
    return *id;
  }
  std::vector<ClubId> fits;
  for (const auto& club : {clubs.a, clubs.b}) {
    if (club && matcher().compatible(name, *club)) fits.push_back(*club);
  }
  if (fits.size() == 1) return fits.front();
  throw input_error(where, "expected \"" + name + "\" to name one of the tie's clubs" +
                               (fits.empty() ? std::string() : ", not either of them"));
}

void ImportContext::count(const storage::MergeResult& merged) {
  if (merged.tie) ++(merged.added ? report.ties_added : report.ties_merged);
  report.legs_added += merged.legs_added;
  report.legs_confirmed += merged.legs_confirmed;
  report.claims += merged.claims;
  report.conflicts += merged.conflicts;
}

}  // namespace footballdb::import
