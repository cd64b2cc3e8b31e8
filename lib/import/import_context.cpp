#include "import/import_context.hpp"

#include "import/limits.hpp"

namespace footballdb::import {

void check_club_name(std::string_view name, const SourceLocation& where) {
  if (name.size() > kMaxNameBytes) {
    throw input_error(where, "expected a club name of at most " +
                                 std::to_string(kMaxNameBytes >> 10) + " KiB, got " +
                                 std::to_string(name.size() >> 10) + " KiB");
  }
}

ClubId ClubLookup::followed(ClubId club) const {
  for (auto it = merged_.find(club); it != merged_.end(); it = merged_.find(club)) {
    club = it->second;
  }
  return club;
}

void ClubLookup::apply(const std::vector<Settlement>& settlements) {
  for (const Settlement& s : settlements) {
    if (merged_.count(s.review.club)) continue;  // settled already by this pairing
    const ClubId into = followed(s.into);
    if (into == s.review.club) continue;
    if (!store_.try_accept_review(s.review, into, "tie")) continue;  // a person must decide
    ++report_.reviews_settled;
    merged_.emplace(s.review.club, into);
    resolver_.settled(s.review.club);  // the provisional club is gone
  }
}

ClubId ClubLookup::apply(const Binding& binding, const SourceLocation& where) {
  if (binding.club) {
    const ClubId club = followed(*binding.club);
    if (binding.learn) {
      store_.clubs.add_name(club, binding.name, std::nullopt, source_, binding.method, where.line);
    }
    return club;
  }
  // The other name of the pairing may have been given this placeholder a moment ago.
  if (auto club = resolver_.waiting(binding.name, binding.context)) return *club;
  const ClubId club = store_.clubs.add(binding.name, binding.context.country, std::nullopt,
                                       "import", source_, where.line);
  store_.reviews.add(binding.name, binding.reason, club, binding.candidates, source_, where.line);
  ++report_.clubs_added;
  ++report_.reviews;
  resolver_.placed(binding.name, binding.context, club);
  return club;
}

std::optional<ClubId> ClubLookup::resolved(const std::string& name, const SourceLocation& where,
                                           const std::optional<std::string>& country,
                                           const std::optional<std::string>& competition) {
  check_club_name(name, where);
  auto binding = resolver_.resolved(name, context(country, competition));
  if (!binding) return std::nullopt;
  return apply(*binding, where);
}

ClubId ClubLookup::get(const std::string& name, const SourceLocation& where,
                       const std::optional<std::string>& country) {
  check_club_name(name, where);
  return apply(resolver_.alone(name, context(country, std::nullopt)), where);
}

MatchContext ClubLookup::context(const std::optional<std::string>& country,
                                 const std::optional<std::string>& competition) {
  if (!competition) return match_context(country, std::nullopt);
  if (competition != competition_) {
    competition_ = competition;
    competition_context_ = match_context(std::nullopt, competition);
  }
  MatchContext out = competition_context_;
  if (country) out.country = match_context(country, std::nullopt).country;
  return out;
}

ClubPair ClubLookup::pair(const std::string& a, const std::optional<std::string>& b,
                          const std::optional<std::string>& country_a,
                          const std::optional<std::string>& country_b,
                          const storage::RoundKey& round, const SourceLocation& where) {
  check_club_name(a, where);
  if (b) check_club_name(*b, where);
  const MatchContext context_a = context(country_a, round.competition);
  const MatchContext context_b = context(country_b, round.competition);
  merged_.clear();
  // An earlier source's placeholder for this pairing becomes its known club first.
  if (b) apply(resolver_.earlier_pairings(a, context_a, *b, context_b, round));
  PairBinding bound = resolver_.pair(a, context_a, b, context_b, round);
  apply(bound.settlements);
  ClubPair out;
  out.a = apply(bound.a, where);
  if (bound.b) out.b = apply(*bound.b, where);
  // A placeholder given a tie in this round: the round's placeholder ties are to be read again.
  if (bound.a.placeholder || (bound.b && bound.b->placeholder)) resolver_.round_changed();
  if (out.a && out.b) apply(resolver_.through_pairing(*out.a, *out.b, round));
  out.a = followed(*out.a);
  if (out.b) out.b = followed(*out.b);
  return out;
}

void ClubLookup::expect(const std::string& a, const std::string& b,
                        const std::optional<std::string>& country_a,
                        const std::optional<std::string>& country_b,
                        const storage::RoundKey& round) {
  if (a.size() > kMaxNameBytes || b.size() > kMaxNameBytes) return;
  resolver_.expect(a, context(country_a, round.competition), b,
                   context(country_b, round.competition), round);
}

ClubId ClubLookup::one_of(const std::string& name, const ClubPair& clubs,
                          const SourceLocation& where) {
  check_club_name(name, where);
  if (auto binding = resolver_.one_of(name, clubs.a, clubs.b)) return apply(*binding, where);
  throw input_error(where, "expected \"" + name + "\" to name one of the tie's clubs");
}

void ImportContext::count(const storage::MergeResult& merged) {
  if (merged.tie) ++(merged.added ? report.ties_added : report.ties_merged);
  report.legs_added += merged.legs_added;
  report.legs_confirmed += merged.legs_confirmed;
  report.claims += merged.claims;
  report.conflicts += merged.conflicts;
}

}  // namespace footballdb::import
