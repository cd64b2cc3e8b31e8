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

std::optional<ClubId> ClubLookup::resolved(const std::string& name, const SourceLocation& where,
                                           const std::optional<std::string>& country,
                                           const std::optional<std::string>& competition) {
  const MatchContext context = this->context(country, competition);
  const std::string key = cache_key(name, context);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  Resolution r = matcher().resolve(name, context);
  if (r.status != ResolveStatus::kResolved) return std::nullopt;
  const ClubId id = r.club->id;
  if (r.method != "exact") store_.add_club_name(id, name, std::nullopt, source_, r.method, where.line);
  cache_.emplace(key, id);
  return id;
}

std::optional<ClubId> ClubLookup::through_tie(const std::string& name, ClubId known,
                                              const storage::RoundKey& round,
                                              const SourceLocation& where) {
  auto opponent = store_.tie_opponent(round, known);
  if (!opponent || !*opponent) return std::nullopt;
  const ClubId other = **opponent;
  const Resolution alone = matcher().resolve(name);
  const bool candidate = std::any_of(alone.candidates.begin(), alone.candidates.end(),
                                     [other](const Candidate& c) { return c.club.id == other; });
  if (!candidate && !matcher().compatible(name, other)) return std::nullopt;
  // A name that means nothing else is learned as a spelling of the club; one that may also mean
  // other clubs ("Víkingur") is bound here only, through this tie.
  if (alone.status == ResolveStatus::kUnknown) {
    store_.add_club_name(other, name, std::nullopt, source_, "tie", where.line);
  }
  return other;
}

ClubId ClubLookup::unbound(const std::string& name, const SourceLocation& where,
                           const std::optional<std::string>& country,
                           const std::optional<std::string>& competition) {
  const MatchContext context = this->context(country, competition);
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
  store_.add_review(name, r.status == ResolveStatus::kAmbiguous ? "ambiguous" : "unknown", id,
                    storage::candidates_to_json(r.candidates), source_, where.line);
  ++report_.clubs_added;
  ++report_.reviews;
  unbound_.emplace(key, id);
  return id;
}

std::optional<ClubPair> ClubLookup::through_one_tie(const std::string& a, const std::string& b,
                                                    const storage::RoundKey& round,
                                                    const SourceLocation& where) {
  const Resolution ra = matcher().resolve(a);
  const Resolution rb = matcher().resolve(b);
  std::optional<ClubPair> found;
  for (const Candidate& ca : ra.candidates) {
    auto opponent = store_.tie_opponent(round, ca.club.id);
    if (!opponent || !*opponent) continue;
    const ClubId other = **opponent;
    const bool fits = std::any_of(rb.candidates.begin(), rb.candidates.end(),
                                  [other](const Candidate& c) { return c.club.id == other; });
    if (!fits) continue;
    if (found) return std::nullopt;  // two ties fit: no guess
    found = ClubPair{ca.club.id, other};
  }
  if (found) {
    if (ra.status == ResolveStatus::kUnknown) {
      store_.add_club_name(*found->a, a, std::nullopt, source_, "tie", where.line);
    }
    if (rb.status == ResolveStatus::kUnknown) {
      store_.add_club_name(*found->b, b, std::nullopt, source_, "tie", where.line);
    }
  }
  return found;
}

void ClubLookup::settle_through_tie(ClubId known, ClubId other, const storage::RoundKey& round) {
  auto opponent = store_.tie_opponent(round, known);
  if (!opponent || !*opponent || **opponent == other) return;
  if (store_.tie_opponent(round, other)) return;  // `other` is paired already: no single answer
  const ClubId provisional = **opponent;
  auto review = store_.open_review_of(provisional);
  if (!review) return;
  const bool candidate = std::find(review->candidates.begin(), review->candidates.end(), other) !=
                         review->candidates.end();
  if (!candidate && !matcher().compatible(review->name, other)) return;
  if (!store_.try_accept_review(*review, other, "tie")) return;  // a person must decide
  ++report_.reviews_settled;
  // The provisional club is gone: forget what pointed at it.
  for (auto* names : {&cache_, &unbound_}) {
    for (auto it = names->begin(); it != names->end();) {
      it = it->second == provisional ? names->erase(it) : std::next(it);
    }
  }
}

ClubId ClubLookup::get(const std::string& name, const SourceLocation& where,
                       const std::optional<std::string>& country) {
  if (auto id = resolved(name, where, country, std::nullopt)) return *id;
  return unbound(name, where, country, std::nullopt);
}

ClubPair ClubLookup::pair(const std::string& a, const std::optional<std::string>& b,
                          const std::optional<std::string>& country_a,
                          const std::optional<std::string>& country_b,
                          const storage::RoundKey& round, const SourceLocation& where) {
  ClubPair out;
  out.a = resolved(a, where, country_a, round.competition);
  if (b) out.b = resolved(*b, where, country_b, round.competition);
  if (out.a && b && !out.b) out.b = through_tie(*b, *out.a, round, where);
  if (out.b && !out.a) out.a = through_tie(a, *out.b, round, where);
  if (b && !out.a && !out.b) {
    // Neither name is one club ("Milan" v "Arsenal"): one stored tie in the round between a
    // club each may mean binds both.
    if (auto both = through_one_tie(a, *b, round, where)) {
      out.a = both->a;
      out.b = both->b;
    }
  }
  if (!out.a) out.a = unbound(a, where, country_a, round.competition);
  if (b && !out.b) out.b = unbound(*b, where, country_b, round.competition);
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
