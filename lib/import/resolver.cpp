#include "import/resolver.hpp"

#include <algorithm>

#include "storage/review.hpp"
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

bool is_candidate(const Resolution& r, ClubId club) {
  return std::any_of(r.candidates.begin(), r.candidates.end(),
                     [club](const Candidate& c) { return c.club.id == club; });
}

}  // namespace

MatchContext match_context(const std::optional<std::string>& country,
                           const std::optional<std::string>& competition) {
  MatchContext out;
  if (country) out.country = vocabulary::canonical_country(*country);
  if (competition) out.countries = vocabulary::admitted_countries(*competition);
  return out;
}

Resolution Resolver::resolve(const std::string& name, const MatchContext& context) {
  const names::Matcher& current = matcher();  // first: building it is a change
  if (clubs_.changes() != resolutions_at_) {
    resolutions_ = {};  // not clear(): that costs the buckets of the largest it ever was
    resolutions_at_ = clubs_.changes();
  }
  const std::string key = cache_key(name, context);
  if (auto it = resolutions_.find(key); it != resolutions_.end()) return it->second;
  return resolutions_.emplace(key, current.resolve(name, context)).first->second;
}

std::optional<Resolver::Match> Resolver::match(const std::string& name,
                                               const MatchContext& context) {
  const std::string key = cache_key(name, context);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  Resolution r = resolve(name, context);
  if (r.status != ResolveStatus::kResolved) return std::nullopt;
  Match m{r.club->id, r.method, store_.reviews.open_review_of(r.club->id).has_value(),
          strength(r)};
  cache_.emplace(key, m);
  return m;
}

Binding Resolver::bound(const std::string& name, const MatchContext& context, const Match& m) {
  Binding out;
  out.name = name;
  out.context = context;
  out.club = m.club;
  out.method = m.method;
  out.learn = m.method != "exact";
  out.placeholder = m.placeholder;
  out.strength = m.strength;
  return out;
}

std::optional<Binding> Resolver::resolved(const std::string& name, const MatchContext& context) {
  if (auto m = match(name, context)) return bound(name, context, *m);
  return std::nullopt;
}

Binding Resolver::alone(const std::string& name, const MatchContext& context) {
  if (auto b = resolved(name, context)) return *b;
  return unbound(name, context);
}

std::optional<ClubId> Resolver::waiting(const std::string& name, const MatchContext& context) {
  const std::string key = cache_key(name, context);
  if (auto it = unbound_.find(key); it != unbound_.end()) return it->second;
  auto club = store_.reviews.reviewed_club(name, context.country);
  if (club) unbound_.emplace(key, *club);
  return club;
}

void Resolver::placed(const std::string& name, const MatchContext& context, ClubId club) {
  unbound_[cache_key(name, context)] = club;
  round_changed();
}

void Resolver::settled(ClubId club) {
  for (auto it = cache_.begin(); it != cache_.end();) {
    it = it->second.club == club ? cache_.erase(it) : std::next(it);
  }
  for (auto it = unbound_.begin(); it != unbound_.end();) {
    it = it->second == club ? unbound_.erase(it) : std::next(it);
  }
  round_changed();
}

Binding Resolver::unbound(const std::string& name, const MatchContext& context) {
  Binding out;
  out.name = name;
  out.context = context;
  out.placeholder = true;
  // A name already awaiting review keeps the club it was given then.
  if (auto club = waiting(name, context)) {
    out.club = club;
    out.method = "review";
    return out;
  }
  const Resolution r = resolve(name, context);
  out.method = "new";
  // A name the matcher resolved comes here when its club cannot be the one of this pairing.
  out.reason = r.status == ResolveStatus::kUnknown ? "unknown" : "ambiguous";
  out.candidates = storage::candidates_to_json(r.candidates);
  return out;
}

bool Resolver::fits(const storage::OpenReview& review, ClubId club) {
  return std::find(review.candidates.begin(), review.candidates.end(), club) !=
             review.candidates.end() ||
         matcher().compatible(review.name, club);
}

int Resolver::strength(const Resolution& r) {
  for (const Candidate& c : r.candidates) {
    if (c.club.id != r.club->id) continue;
    if (c.method != "exact") return kLooser;
    return c.matched_name == r.club->name ? kOwnName : kSpelling;
  }
  return kLooser;
}

void Resolver::expect(const std::string& a, const MatchContext& context_a, const std::string& b,
                      const MatchContext& context_b, const storage::RoundKey& round) {
  if (!claims_round_) {
    claims_round_ = round;
    claims_knockout_ = store_.rounds.knockout(round);
  }
  if (!claims_knockout_) return;
  const std::optional<Match> ma = match(a, context_a);
  const std::optional<Match> mb = match(b, context_b);
  auto claim = [this](const std::optional<Match>& m, std::string_view other,
                      const std::optional<Match>& m_other) {
    if (!m || m->strength == kLooser) return;  // a looser fit outranks nothing
    claims_.push_back({m->club, m->strength, other,
                       m_other ? std::optional(m_other->club) : std::nullopt});
    claims_sorted_ = false;
  };
  claim(ma, b, mb);
  claim(mb, a, ma);
}

bool Resolver::claimed_elsewhere(ClubId club, int strength, std::string_view other_name,
                                 std::optional<ClubId> other, const storage::RoundKey& round) {
  if (claims_.empty() || round != *claims_round_) return false;
  auto by_club = [](const Claim& x, const Claim& y) { return x.club < y.club; };
  if (!claims_sorted_) {
    std::sort(claims_.begin(), claims_.end(), by_club);
    claims_sorted_ = true;
  }
  const auto [first, last] =
      std::equal_range(claims_.begin(), claims_.end(), Claim{club, 0, {}, {}}, by_club);
  bool stronger = false;
  for (auto it = first; it != last; ++it) {
    if (it->strength >= strength) continue;
    if (it->opponent == other_name || (it->opponent_club && it->opponent_club == other)) {
      return false;  // this pairing
    }
    stronger = true;
  }
  return stronger;
}

bool Resolver::paired_elsewhere(ClubId club, ClubId other, const storage::RoundKey& round) {
  if (!store_.rounds.knockout(round)) return false;
  bool elsewhere = false;
  for (const auto& opponent : store_.ties.opponents(round, club)) {
    if (opponent == other) return false;
    if (!opponent) continue;
    const auto review = store_.reviews.open_review_of(*opponent);
    elsewhere = elsewhere || !review || !fits(*review, other);
  }
  return elsewhere;
}

Binding Resolver::by_tie(const std::string& name, const MatchContext& context, ClubId club,
                         const Resolution& alone) {
  Binding out;
  out.name = name;
  out.context = context;
  out.club = club;
  out.method = "tie";
  out.learn = alone.status == ResolveStatus::kUnknown;
  return out;
}

std::optional<Binding> Resolver::through_tie(const std::string& name, const MatchContext& context,
                                             ClubId known, const storage::RoundKey& round,
                                             std::vector<Settlement>& settlements) {
  const Resolution alone = resolve(name);
  std::optional<ClubId> found;
  for (const auto& opponent : store_.ties.opponents(round, known)) {
    if (!opponent || opponent == found) continue;
    if (!is_candidate(alone, *opponent) && !matcher().compatible(name, *opponent)) continue;
    if (found) return std::nullopt;  // two opponents may bear the name: no guess
    found = opponent;
  }
  if (!found) return std::nullopt;
  settle_name(name, context, *found, settlements);
  return by_tie(name, context, *found, alone);
}

std::optional<std::pair<Binding, Binding>> Resolver::through_one_tie(
    const std::string& a, const MatchContext& context_a, const std::string& b,
    const MatchContext& context_b, const storage::RoundKey& round,
    std::vector<Settlement>& settlements) {
  const Resolution ra = resolve(a);
  const Resolution rb = resolve(b);
  std::optional<std::pair<ClubId, ClubId>> found;
  for (const Candidate& ca : ra.candidates) {
    for (const auto& opponent : store_.ties.opponents(round, ca.club.id)) {
      if (!opponent || !is_candidate(rb, *opponent)) continue;
      if (found && (found->first != ca.club.id || found->second != *opponent)) {
        return std::nullopt;  // two ties fit: no guess
      }
      found = std::pair(ca.club.id, *opponent);
    }
  }
  if (!found) return std::nullopt;
  settle_name(a, context_a, found->first, settlements);
  settle_name(b, context_b, found->second, settlements);
  return std::pair(by_tie(a, context_a, found->first, ra), by_tie(b, context_b, found->second, rb));
}

void Resolver::settle_name(const std::string& name, const MatchContext& context, ClubId club,
                           std::vector<Settlement>& settlements) {
  auto provisional = store_.reviews.reviewed_club(name, context.country);
  if (!provisional) {
    if (auto m = match(name, context); m && m->placeholder) provisional = m->club;
  }
  if (!provisional || *provisional == club) return;
  if (auto review = store_.reviews.open_review_of(*provisional)) {
    settlements.push_back({std::move(*review), club});
  }
}

const std::vector<storage::ReviewStore::PlaceholderTie>& Resolver::placeholder_ties(
    const storage::RoundKey& round) {
  auto cached = placeholder_ties_.find(round);
  if (cached == placeholder_ties_.end()) {
    // A file is at a few rounds at a time; one of a century's rounds is read again if it comes
    // back (the store is the truth: a cache cleared is never wrong).
    if (placeholder_ties_.size() >= kCachedRounds) placeholder_ties_.clear();
    cached = placeholder_ties_.emplace(round, store_.reviews.placeholder_ties(round)).first;
  }
  return cached->second;
}

std::optional<Settlement> Resolver::settle_through_tie(ClubId known, ClubId other,
                                                       const storage::RoundKey& round) {
  const std::vector<std::optional<ClubId>> opponents = store_.ties.opponents(round, known);
  if (std::find(opponents.begin(), opponents.end(), other) != opponents.end()) {
    return std::nullopt;
  }
  // In a knockout round a club has one tie: `other` paired already leaves no single answer.
  if (store_.rounds.knockout(round) && !store_.ties.opponents(round, other).empty())
    return std::nullopt;
  // As in settle_into: a placeholder is not `other` when the window names it elsewhere.
  if (claimed_elsewhere(other, kLooser, {}, known, round)) return std::nullopt;
  std::optional<storage::OpenReview> found;
  for (const auto& opponent : opponents) {
    if (!opponent) continue;
    auto review = store_.reviews.open_review_of(*opponent);
    if (!review || !fits(*review, other)) continue;
    if (found) return std::nullopt;  // two names awaiting review may mean `other`
    found = std::move(review);
  }
  if (!found) return std::nullopt;
  // Another opponent of `known` that may bear the name leaves two answers.
  for (const auto& opponent : opponents) {
    if (opponent && *opponent != found->club && fits(*found, *opponent)) return std::nullopt;
  }
  return Settlement{std::move(*found), other};
}

std::optional<Settlement> Resolver::settle_into(ClubId club, const std::string& other_name,
                                                std::optional<ClubId> other,
                                                const storage::RoundKey& round) {
  if (!store_.ties.opponents(round, club).empty()) return std::nullopt;
  // A placeholder is a looser fit than any spelling the window names `club` by elsewhere.
  if (claimed_elsewhere(club, kLooser, other_name, other, round)) return std::nullopt;
  const auto& placeholders = placeholder_ties(round);
  if (placeholders.empty()) return std::nullopt;  // the common case: nothing to settle
  std::optional<Resolution> named;  // resolved when a placeholder's opponent needs it
  auto other_fits = [&](const std::optional<ClubId>& opponent) {
    if (!opponent) return false;
    if (!other) {
      if (!named) named = resolve(other_name);
      return is_candidate(*named, *opponent) || matcher().compatible(other_name, *opponent);
    }
    if (*opponent == *other) return true;
    const auto review = store_.reviews.open_review_of(*opponent);
    return review && fits(*review, *other);
  };
  std::optional<storage::OpenReview> found;
  for (const auto& t : placeholders) {
    if (t.review.club == club || !other_fits(t.opponent) || !fits(t.review, club)) continue;
    if (found && found->club != t.review.club) return std::nullopt;  // two placeholders fit
    found = t.review;
  }
  if (!found) return std::nullopt;
  return Settlement{std::move(*found), club};
}

std::vector<Settlement> Resolver::earlier_pairings(const std::string& a,
                                                   const MatchContext& context_a,
                                                   const std::string& b,
                                                   const MatchContext& context_b,
                                                   const storage::RoundKey& round) {
  std::vector<Settlement> out;
  auto known = [this](const std::string& name, const MatchContext& context) {
    auto m = match(name, context);
    return m && !m->placeholder ? std::optional<ClubId>(m->club) : std::nullopt;
  };
  const std::optional<ClubId> known_a = known(a, context_a);
  const std::optional<ClubId> known_b = known(b, context_b);
  if (known_a) {
    if (auto s = settle_into(*known_a, b, known_b, round)) out.push_back(std::move(*s));
  }
  if (known_b) {
    if (auto s = settle_into(*known_b, a, known_a, round);
        s && (out.empty() || out.front().review.id != s->review.id)) {
      out.push_back(std::move(*s));
    }
  }
  return out;
}

PairBinding Resolver::pair(const std::string& a, const MatchContext& context_a,
                           const std::optional<std::string>& b, const MatchContext& context_b,
                           const storage::RoundKey& round) {
  PairBinding out;
  const std::optional<Match> match_a = match(a, context_a);
  const std::optional<Match> match_b = b ? match(*b, context_b) : std::nullopt;
  std::optional<Binding> bind_a;
  std::optional<Binding> bind_b;
  if (match_a && !match_a->placeholder) bind_a = bound(a, context_a, *match_a);
  if (match_b && !match_b->placeholder) bind_b = bound(*b, context_b, *match_b);
  if (bind_a && b && !bind_b) bind_b = through_tie(*b, context_b, *bind_a->club, round, out.settlements);
  if (bind_b && !bind_a) bind_a = through_tie(a, context_a, *bind_b->club, round, out.settlements);
  if (b && !bind_a && !bind_b) {
    // Neither name is one club ("Milan" v "Arsenal"): one stored tie in the round between a
    // club each may mean binds both.
    if (auto both = through_one_tie(a, context_a, *b, context_b, round, out.settlements)) {
      bind_a = std::move(both->first);
      bind_b = std::move(both->second);
    }
  }
  // A name no tie binds keeps its placeholder, or gets one.
  if (!bind_a) bind_a = match_a ? bound(a, context_a, *match_a) : unbound(a, context_a);
  if (b && !bind_b) bind_b = match_b ? bound(*b, context_b, *match_b) : unbound(*b, context_b);
  if (b) {
    // A club the matcher found (by any layer: a known spelling too, since a source may name two
    // clubs alike) that already plays another opponent in this knockout round is not the club
    // of this pairing: the name gets a club of its own and awaits review, instead of the match
    // becoming a conflict. A placeholder still to be made is no club the round knows.
    // So is a club the window being bound names more strongly in another pairing (expect).
    auto refused = [&](const Binding& m, const Binding& other) {
      return m.club && m.method != "tie" && m.method != "review" &&
             (paired_elsewhere(*m.club, other.club.value_or(ClubId{}), round) ||
              claimed_elsewhere(*m.club, m.strength, other.name, other.club, round));
    };
    const bool refuse_a = refused(*bind_a, *bind_b);
    const bool refuse_b = refused(*bind_b, *bind_a);
    if (refuse_a) bind_a = unbound(a, context_a);
    if (refuse_b) bind_b = unbound(*b, context_b);
  }
  out.a = std::move(*bind_a);
  out.b = std::move(bind_b);
  return out;
}

std::vector<Settlement> Resolver::through_pairing(ClubId a, ClubId b,
                                                  const storage::RoundKey& round) {
  std::vector<Settlement> out;
  if (auto s = settle_through_tie(a, b, round)) out.push_back(std::move(*s));
  if (auto s = settle_through_tie(b, a, round);
      s && (out.empty() || out.front().review.id != s->review.id)) {
    out.push_back(std::move(*s));
  }
  return out;
}

std::optional<Binding> Resolver::one_of(const std::string& name, std::optional<ClubId> a,
                                        std::optional<ClubId> b) {
  if (auto m = match(name, {}); m && (m->club == a || m->club == b)) return bound(name, {}, *m);
  std::optional<Binding> found;
  for (const auto& club : {a, b}) {
    if (!club) continue;
    const auto fit = matcher().compatible(name, *club);
    if (!fit) continue;
    if (found) return std::nullopt;  // it may name either
    found = Binding();
    found->name = name;
    found->club = club;
    found->method = fit->method;
  }
  return found;
}

}  // namespace footballdb::import
