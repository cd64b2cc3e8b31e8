// The club-name matcher's decisions: which layer finds what, and when a name means one club.
#include "names/matcher.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <utility>
#include <vector>

#include "footballdb/error.hpp"
#include "names/matcher_index.hpp"

namespace footballdb::names {
namespace {

// kCity is no layer that matches: it marks a club of the city a city-only name names, listed as
// a rival of the club whose name holds the city.
enum Layer { kExact, kNormalized, kFolded, kTransliterated, kTokens, kExonym, kAbbreviation, kCity };
constexpr std::array<const char*, 8> kLayerName = {
    "exact", "normalized", "folded", "transliterated", "tokens", "exonym", "abbreviation", "city"};
constexpr std::array<double, 8> kLayerScore = {1.0, 0.95, 0.9, 0.8, 0.7, 0.65, 0.6, 0.3};
// A candidate that shares all but one distinctive word: only ever proposed, never resolved.
constexpr double kPartialScore = 0.5;
// A short name that is a whole word of a club's name, the rest legal forms (Helsingborg:
// Helsingborgs IF), or the rest a city or common words (Sturm: SK Sturm Graz).
constexpr double kWholeFitScore = 0.7;
constexpr double kPlaceFitScore = 0.6;
// Capitals alone that are one word of a name saying more ("FCB" of FCB Magpies): capitals stand
// for too many names to mean this one even where it is the only club in scope with data.
constexpr double kProposalScore = 0.4;
constexpr std::size_t kMaxProposals = 3;
// A word that this many clubs or more hold in their names is a common one ("Red", "Dinamo",
// "Olympic"): alone, it says little of which club is meant.
constexpr std::size_t kCommonWordClubs = 5;

bool contains(const std::vector<ClubId>& sorted, ClubId id) {
  return std::binary_search(sorted.begin(), sorted.end(), id);
}

// A club found by a layer, with the spelling that matched.
struct Hit {
  ClubId club;
  std::size_t name;
  Layer layer;
  double score;
};

// One candidate per club, best first (by club id among equals, so that the order never depends
// on the order the clubs became known).
std::vector<Hit> per_club(const std::vector<Hit>& hits) {
  std::vector<Hit> out;
  for (const Hit& h : hits) {
    auto it = std::find_if(out.begin(), out.end(), [&](const Hit& o) { return o.club == h.club; });
    if (it == out.end()) {
      out.push_back(h);
    } else if (h.score > it->score) {
      *it = h;
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Hit& a, const Hit& b) {
    return a.score != b.score ? a.score > b.score : a.club < b.club;
  });
  return out;
}

// Short: one word, or only city words, with no legal form or number (Baku, Santa Coloma).
bool is_short(const Parts& p) {
  if (!p.legal.empty() || !p.numbers.empty()) return false;
  if (p.strong.empty()) return !p.cities.empty();
  return p.strong.size() == 1 && p.cities.empty();
}

// Names of only weak words need a legal form of the same kind: FC Gomel = FK Gomel,
// FC Santa Coloma is not UE Santa Coloma.
bool shares_legal_form(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& x) {
    return std::find(b.begin(), b.end(), x) != b.end();
  });
}

}  // namespace

struct Matcher::Impl {
  MatcherIndex index;

  explicit Impl(std::unique_ptr<ClubSource> source = nullptr) : index(std::move(source)) {}

  // The query in every form the layers use; computed once per call.
  struct Query {
    std::string raw;
    std::string normalized;
    Analysis analysis;
    std::array<Parts, kVariants> parts;
    bool reserve = false;  // names a reserve or youth team ("Bayern II", "Jong Ajax")
  };

  Query make_query(std::string_view raw) const {
    Query q;
    std::string_view trimmed = raw;
    while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t')) {
      trimmed.remove_prefix(1);
    }
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t')) {
      trimmed.remove_suffix(1);
    }
    q.raw = std::string(trimmed);
    q.normalized = name_key(q.raw);
    q.analysis = index.analyzer().analyse(q.raw);
    index.mark_cities(q.analysis);
    for (std::size_t v = 0; v < kVariants; ++v) q.parts[v] = index.parts(q.analysis.words[v]);
    q.reserve = has_reserve_word(q.analysis.words[kGeneric]);
    return q;
  }

  void collect(char kind, const std::string& key, Layer layer, std::vector<Hit>& hits) {
    if (key.empty()) return;
    for (std::size_t n : index.lookup(key_of(kind, key))) {
      hits.push_back({index.name(n).club, n, layer, kLayerScore[layer]});
    }
  }

  // Whether the city words and numbers of a query fit the club of name `n`: kNo, kUnknown (nothing
  // is known of where the club is), kYes.
  enum class Place { kNo, kUnknown, kYes };

  // A number is a club's own (Crystal Palace 1861 is not Crystal Palace FC): some spelling of
  // the club must carry the query's numbers.
  bool carries_numbers(const std::vector<std::string>& numbers, ClubId id) const {
    if (numbers.empty()) return true;
    const Club& club = index.club(id);
    return std::any_of(club.names.begin(), club.names.end(),
                       [&](std::size_t m) { return index.name(m).numbers == numbers; });
  }

  Place fits_place(const Parts& q, std::size_t n) const {
    const Name& name = index.name(n);
    const Club& club = index.club(name.club);
    if (!q.numbers.empty() && q.numbers != name.numbers) {
      if (!name.numbers.empty() || !carries_numbers(q.numbers, name.club)) return Place::kNo;
    }
    if (q.cities.empty()) return Place::kYes;
    // The club's place: its city, and the words of its spellings.
    bool located = !club.city_stems.empty();
    for (std::size_t m = 0; m < club.names.size() && !located; ++m) {
      const auto& words = index.name(club.names[m]).words();
      located = std::any_of(words.begin(), words.end(), [](const Word& w) { return w.city; });
    }
    if (!located) return Place::kUnknown;
    auto in_place = [&](const std::string& c) {
      if (std::find(club.city_stems.begin(), club.city_stems.end(), c) != club.city_stems.end()) {
        return true;
      }
      return std::any_of(club.names.begin(), club.names.end(), [&](std::size_t m) {
        const auto& words = index.name(m).words();
        return std::any_of(words.begin(), words.end(), [&](const Word& w) { return w.stem == c; });
      });
    };
    return std::all_of(q.cities.begin(), q.cities.end(), in_place) ? Place::kYes : Place::kNo;
  }

  // Adds the names of `list` that fit the query's place to `out`. A club whose place is not
  // known fits a query that names a city only as a proposal (`unknown`): "Darwen Ramblers" is
  // not proven to be a club called Ramblers.
  void placed_hits(const Parts& p, int v, const std::vector<std::size_t>& list, double score,
                   std::vector<Hit>& out, std::vector<Hit>& unknown) const {
    for (std::size_t n : list) {
      const Name& name = index.name(n);
      if (name.variant != v) continue;
      if (p.strong.empty() && !shares_legal_form(p.legal, name.legal)) continue;
      Place place = fits_place(p, n);
      if (place == Place::kNo) continue;
      if (place == Place::kYes) {
        out.push_back({name.club, n, kTokens, score});
      } else {
        unknown.push_back({name.club, n, kTokens, kPartialScore});
      }
    }
  }

  // Whether kCommonWordClubs clubs or more hold a word of stem `stem`.
  bool common_word(const std::string& stem) {
    return index.club_count(key_of('s', stem), kCommonWordClubs) >= kCommonWordClubs;
  }

  // Whether a short legal form of a query of one distinctive word (CF, UE, FK) names another
  // kind of club than `name`'s: no spelling of the club holds one of its kind, and the club's
  // own name holds a short club word of another kind in its stead (SL of SL Benfica, FC of
  // Wimbledon FC): CF Benfica is not SL Benfica, though it holds every word of the spelling
  // "Benfica", as AFC Wimbledon is not Wimbledon FC. A legal form added to a club whose name
  // holds none stays a match (Rosenborg BK, Rosenborg), as does one written out (Stabæk
  // Fotball, Stabæk IF) or one of a name whose words say more (FK Liepājas Metalurgs, SK
  // Liepājas Metalurgs).
  bool names_other_kind(const Query& q, const Name& name) const {
    constexpr std::size_t kShort = 3;  // FC, AFC; not Fotball, Klub
    const auto v = static_cast<std::size_t>(name.variant);
    if (q.parts[v].strong.size() != 1) return false;
    const auto& qwords = q.analysis.words[v];
    std::vector<std::string> kinds;
    for (const Word& w : qwords) {
      if (w.legal && !w.stop && w.folded.size() <= kShort) kinds.push_back(*w.legal);
    }
    if (kinds.empty()) return false;
    const Club& club = index.club(name.club);
    const Name* own = nullptr;
    for (std::size_t m : club.names) {
      const Name& spelling = index.name(m);
      if (!spelling.live) continue;
      if (shares_legal_form(kinds, spelling.legal)) return false;
      if (spelling.text == club.canonical) own = &spelling;
    }
    if (own == nullptr) return false;
    return std::any_of(own->words().begin(), own->words().end(), [&](const Word& w) {
      const bool club_word =
          !w.stop && !w.number && w.folded.size() <= kShort && (w.legal || w.abbreviation);
      return club_word && std::none_of(qwords.begin(), qwords.end(), [&](const Word& x) {
               return x.folded == w.folded;
             });
    });
  }

  // Whether the words a token hit on name `n` shares with the query are real evidence. A merged
  // club's name ("Hayes & Yeading United") is not met by one side of it ("Yeading"); a query
  // whose distinctive words are only common ones ("West End", "United of Manchester") must be
  // the name's words in their order, no place dropped or moved.
  bool real_token_match(const Query& q, std::size_t n) {
    const Name& name = index.name(n);
    const auto& nwords = name.words();
    const auto& qwords = q.analysis.words[static_cast<std::size_t>(name.variant)];
    if (names_other_kind(q, name)) return false;
    auto has_stem = [](const std::vector<Word>& words, const std::string& s) {
      return std::any_of(words.begin(), words.end(), [&](const Word& w) { return w.stem == s; });
    };
    // Words of three letters' stem meet only when they sound alike as a whole: Jaga is not
    // Jags (a stem that short is mostly ending), Bohemians is Bohemian.
    for (const Word& w : qwords) {
      if (w.stop || index.kind(w) != WordKind::kStrong || w.stem.size() >= 4) continue;
      if (std::none_of(nwords.begin(), nwords.end(), [&](const Word& x) {
            return x.skeleton == w.skeleton || (x.stem == w.stem && x.stem.size() >= 4);
          })) {
        return false;
      }
    }
    // One common word alone does not name a club whose name says more: "Reds" is not Urawa
    // Reds, "Olympic" is not Blackburn Olympic (Rosenborg is Rosenborg BK Trondheim).
    const Parts& qp = q.parts[static_cast<std::size_t>(name.variant)];
    if (qp.strong.size() == 1 && qp.cities.empty()) {
      const bool says_more = std::any_of(nwords.begin(), nwords.end(), [&](const Word& w) {
        const WordKind k = index.kind(w);
        return !w.stop && k != WordKind::kLegal && k != WordKind::kNumber &&
               !has_stem(qwords, w.stem);
      });
      if (says_more && common_word(qp.strong.front())) {
        return false;
      }
    }
    // A club an import made is known only by the whole names sources gave it: a name that
    // leaves out a word of one ("Vauxhall Motors" of "Vauxhall Motors (Luton)", "Ramblers" of
    // "Darwen Ramblers") may be another club of the same words.
    const bool merged = name.text.find(" & ") != std::string::npos ||
                        name.text.find(" and ") != std::string::npos;
    if (merged || index.club(name.club).from_import) {
      for (const Word& w : nwords) {
        if (index.kind(w) != WordKind::kLegal && !w.stop && !has_stem(qwords, w.stem)) {
          return false;
        }
      }
    }
    bool only_common = true;
    for (const Word& w : qwords) {
      if (index.kind(w) == WordKind::kStrong && !is_place_word(w.folded)) only_common = false;
    }
    if (!only_common) return true;
    auto sequence = [&](const std::vector<Word>& words) {
      std::vector<std::string> out;
      for (const Word& w : words) {
        const WordKind k = index.kind(w);
        if (!w.stop && k != WordKind::kLegal && k != WordKind::kNumber) {
          out.push_back(w.stem);
        }
      }
      return out;
    };
    return sequence(qwords) == sequence(nwords);
  }

  void token_hits(const Query& q, std::vector<Hit>& hits, std::vector<Hit>& partial) {
    const std::size_t first = hits.size();
    collect_token_hits(q, hits, partial);
    for (std::size_t i = first; i < hits.size();) {
      if (real_token_match(q, hits[i].name)) {
        ++i;
        continue;
      }
      partial.push_back({hits[i].club, hits[i].name, kTokens, kPartialScore});
      hits.erase(hits.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }

  void collect_token_hits(const Query& q, std::vector<Hit>& hits, std::vector<Hit>& partial) {
    for (int v = 0; v < kVariants; ++v) {
      const Parts& p = q.parts[static_cast<std::size_t>(v)];
      std::string key = MatcherIndex::token_key(v, p);
      if (key.empty()) continue;
      placed_hits(p, v, index.lookup(key), kLayerScore[kTokens], hits, partial);
      if (p.strong.empty() && !p.legal.empty() && p.cities.size() >= 2) {
        // FK Zeta Golubovci = FK Zeta: a city word more, which must fit the club's place.
        for (std::size_t drop = 0; drop < p.cities.size(); ++drop) {
          std::vector<std::string> fewer = p.cities;
          fewer.erase(fewer.begin() + static_cast<std::ptrdiff_t>(drop));
          placed_hits(p, v, index.lookup(MatcherIndex::weak_key(v, fewer)), kLayerScore[kTokens],
                      hits, partial);
        }
      }
      if (p.strong.size() < 2) continue;
      std::vector<Hit> fewer_hits;
      for (std::size_t drop = 0; drop < p.strong.size(); ++drop) {
        std::vector<std::string> fewer = p.strong;
        fewer.erase(fewer.begin() + static_cast<std::ptrdiff_t>(drop));
        placed_hits(p, v, index.lookup(MatcherIndex::strong_key(v, fewer)), kPartialScore,
                    fewer_hits, fewer_hits);
      }
      // A proposal is only worth a review when it is one of a few.
      if (per_club(fewer_hits).size() <= kMaxProposals) {
        partial.insert(partial.end(), fewer_hits.begin(), fewer_hits.end());
      }
    }
  }

  // Clubs with a spelling holding every word of a short query as a whole word (same_whole_word):
  // "Hertha" fits Hertha BSC and WSC Hertha Wels; "Vaduz" does not fit Wadi Degla.
  std::vector<Hit> fitting(const Query& q) {
    std::vector<Hit> out;
    for (std::size_t v = 0; v < kVariants; ++v) {
      const Parts& p = q.parts[v];
      if (!is_short(p)) continue;
      std::vector<const Word*> wanted;
      for (const Word& w : q.analysis.words[v]) {
        if (w.stop) continue;
        const WordKind k = index.kind(w);
        if (k == WordKind::kStrong || k == WordKind::kCity) wanted.push_back(&w);
      }
      // A word of the query fits a word of the same kind: a club's name is no city.
      auto fits = [&](const Word& s, const Word& w) {
        return !w.stop && index.kind(w) == index.kind(s) && same_whole_word(s, w);
      };
      // The spellings holding every wanted word are among those holding the rarest one.
      std::string rarest;
      std::size_t fewest = 0;
      for (const Word* w : wanted) {
        const std::string key = key_of('s', w->stem);
        const std::size_t n = index.count(key);
        if (n == 0) {
          rarest.clear();
          break;
        }
        if (rarest.empty() || n < fewest) rarest = key, fewest = n;
      }
      if (rarest.empty()) continue;
      // A common word alone fits a club whose name says more only as a proposal.
      const bool common = wanted.size() == 1 && common_word(wanted.front()->stem);
      const bool capitals = capitals_only(q.raw);
      for (std::size_t n : index.lookup(rarest)) {
        const Name& name = index.name(n);
        if (!name.live || static_cast<std::size_t>(name.variant) != v) continue;
        const auto& words = name.words();
        const bool all = std::all_of(wanted.begin(), wanted.end(), [&](const Word* s) {
          return std::any_of(words.begin(), words.end(), [&](const Word& w) { return fits(*s, w); });
        });
        if (!all) continue;
        // How much more the club's name says: nothing but legal forms (a whole fit), a city or
        // a common word, or a distinctive word of its own (Hayes & Yeading United).
        double score = kWholeFitScore;
        for (const Word& w : words) {
          if (std::any_of(wanted.begin(), wanted.end(), [&](const Word* s) { return fits(*s, w); }) ||
              w.stop) {
            continue;
          }
          const WordKind k = index.kind(w);
          if (k == WordKind::kLegal || k == WordKind::kNumber) continue;
          const bool place = k == WordKind::kCity || is_place_word(w.folded);
          score = std::min(score, common ? kProposalScore : place ? kPlaceFitScore : kPartialScore);
        }
        if (score == kPartialScore && capitals) score = kProposalScore;
        out.push_back({name.club, n, kTokens, score});
      }
    }
    return out;
  }

  // The query with city exonyms replaced, or "" when it names none.
  std::string without_exonyms(const Query& q) const {
    if (!index.has_exonyms()) return {};
    std::vector<std::string> words = split_words(q.analysis.folded);
    bool changed = false;
    for (auto& w : words) {
      if (const std::string* city = index.exonym(w)) {
        w = *city;
        changed = true;
      }
    }
    return changed ? join(words) : std::string();
  }

  // Abbreviation matching: words of `a` marked as abbreviations stand for runs of words of `b`.
  void cover(const std::string& text, std::size_t pos, const std::vector<Word>& b, std::size_t j,
             std::vector<std::size_t>& ends) const {
    if (pos == text.size()) {
      ends.push_back(j);
      return;
    }
    if (j == b.size() || b[j].stop || index.kind(b[j]) == WordKind::kLegal) return;
    const std::string& w = b[j].folded;
    for (std::size_t len = 1; len <= w.size() && pos + len <= text.size(); ++len) {
      if (text.compare(pos, len, w, 0, len) != 0) break;
      cover(text, pos + len, b, j + 1, ends);
    }
  }

  bool droppable(const Word& w) const {
    return w.stop || index.kind(w) != WordKind::kStrong;
  }

  bool expand(const std::vector<Word>& a, std::size_t i, const std::vector<Word>& b, std::size_t j,
              bool used, int depth) const {
    if (depth > 32) return false;
    if (i == a.size()) {
      return used && std::all_of(b.begin() + static_cast<std::ptrdiff_t>(j), b.end(),
                                 [&](const Word& w) { return droppable(w); });
    }
    if (j == b.size()) {
      return used && std::all_of(a.begin() + static_cast<std::ptrdiff_t>(i), a.end(),
                                 [&](const Word& w) { return droppable(w); });
    }
    if (a[i].abbreviation && index.kind(a[i]) != WordKind::kLegal) {
      std::vector<std::size_t> ends;
      cover(a[i].folded, 0, b, j, ends);
      for (std::size_t end : ends) {
        if (end < j + 2) continue;  // an abbreviation stands for at least two words
        if (expand(a, i + 1, b, end, true, depth + 1)) return true;
        if (expand(a, i + 1, b, end - 1, true, depth + 1)) return true;  // ÍBV Vestmannaeyjar
      }
    }
    if (same_word(a[i], b[j]) && expand(a, i + 1, b, j + 1, used, depth + 1)) return true;
    if (droppable(a[i]) && expand(a, i + 1, b, j, used, depth + 1)) return true;
    if (droppable(b[j]) && expand(a, i, b, j + 1, used, depth + 1)) return true;
    return false;
  }

  void abbreviation_hits(const Query& q, std::vector<Hit>& hits, std::vector<Hit>& partial) {
    const auto& qwords = q.analysis.words[kGeneric];
    bool any_abbreviation = false;
    std::string rarest;
    std::size_t fewest = 0;
    for (const auto& w : qwords) {
      if (w.abbreviation) {
        any_abbreviation = true;
        continue;
      }
      const std::string key = key_of('p', w.skeleton.substr(0, 5));
      const std::size_t n = index.count(key);
      if (n > 0 && (rarest.empty() || n < fewest)) rarest = key, fewest = n;
    }
    // expand(a, ..., b) uses an abbreviation of `a` or fails.
    const bool query_abbreviates =
        any_abbreviation && std::any_of(qwords.begin(), qwords.end(), [&](const Word& w) {
          return w.abbreviation && index.kind(w) != WordKind::kLegal;
        });
    std::vector<std::size_t> candidates;
    if (!rarest.empty()) {
      // A query that abbreviates nothing is met only by a spelling that does.
      candidates = query_abbreviates ? index.lookup(rarest) : index.lookup_abbreviating(rarest);
    } else if (any_abbreviation) {
      // Only abbreviations: look the spellings up by their first two initials.
      const std::string capitals = capital_initials(q.raw);
      if (!capitals.empty()) candidates = index.lookup(key_of('i', capitals));
    }
    for (std::size_t n : candidates) {
      const Name& name = index.name(n);
      const bool name_abbreviates = name.abbreviates;
      if (!name.live || (!query_abbreviates && !name_abbreviates)) continue;
      const auto& nwords = name.analysis.words[kGeneric];
      if (!carries_numbers(q.parts[kGeneric].numbers, name.club)) continue;  // ADO '20
      if ((query_abbreviates && expand(qwords, 0, nwords, 0, false, 0)) ||
          (name_abbreviates && expand(nwords, 0, qwords, 0, false, 0))) {
        // Capitals alone ("EVV") stand for too many names: a proposal only. Written as one
        // writes a club's own short form (MyPa, KuPS), with a word or a number, they bind.
        const bool binds =
            !rarest.empty() || !capitals_only(q.raw) || !q.parts[kGeneric].numbers.empty();
        (binds ? hits : partial).push_back({name.club, n, kAbbreviation, kLayerScore[kAbbreviation]});
      }
    }
  }

  // A name whose last word is cut to its first letters, as league tables write it ("Bristol C",
  // "Notts Co", "Sheffield W"): the other words (legal forms and stop words aside) are a
  // spelling's words in order, and the cut word begins a word of the spelling that they leave,
  // the rest of it legal forms, stop words and city words. A reserve team's mark ("Barcelona
  // B") is no cut word.
  void truncation_hits(const Query& q, std::vector<Hit>& hits) {
    const auto& qwords = q.analysis.words[kGeneric];
    if (qwords.size() < 2) return;
    const Word& cut = qwords.back();
    if (cut.folded.size() > kMaxCut || cut.stop || cut.number || cut.legal ||
        is_reserve_word(cut.folded)) {
      return;
    }
    // A word of three letters or more that a club's name holds is that word ("Bay", "Town").
    if (cut.folded.size() >= 3) {
      for (std::size_t n : index.lookup(key_of('s', cut.stem))) {
        const auto& words = index.name(n).analysis.words[kGeneric];
        if (std::any_of(words.begin(), words.end(),
                        [&](const Word& w) { return w.folded == cut.folded; })) {
          return;
        }
      }
    }
    std::string rarest;
    std::size_t fewest = 0;
    for (std::size_t i = 0; i + 1 < qwords.size(); ++i) {
      if (qwords[i].stop || qwords[i].legal) continue;
      const std::string key = key_of('p', qwords[i].skeleton.substr(0, 5));
      const std::size_t n = index.count(key);
      if (n == 0) return;
      if (rarest.empty() || n < fewest) rarest = key, fewest = n;
    }
    if (rarest.empty()) return;
    for (std::size_t n : index.lookup(rarest)) {
      const Name& name = index.name(n);
      if (name.live && cut_fits(qwords, name.analysis.words[kGeneric])) {
        hits.push_back({name.club, n, kAbbreviation, kLayerScore[kAbbreviation]});
      }
    }
  }
  static constexpr std::size_t kMaxCut = 4;

  // truncation_hits' test of one spelling's words `b`.
  bool cut_fits(const std::vector<Word>& a, const std::vector<Word>& b) const {
    std::size_t j = 0;
    for (std::size_t i = 0; i + 1 < a.size(); ++i) {
      if (a[i].stop || a[i].legal) continue;  // a city word of the query is to be met
      while (j < b.size() && !same_word(a[i], b[j])) {
        if (!droppable(b[j])) return false;
        ++j;
      }
      if (j == b.size()) return false;
      ++j;
    }
    const std::string& cut = a.back().folded;
    bool cut_used = false;
    for (; j < b.size(); ++j) {
      const Word& w = b[j];
      const bool begins = !cut_used && !w.stop && !w.legal && w.folded.size() > cut.size() &&
                          w.folded.compare(0, cut.size(), cut) == 0;
      if (begins) {
        cut_used = true;
      } else if (!droppable(w)) {
        return false;
      }
    }
    return cut_used;
  }

  // The hits of one layer; `partial` gets candidates that may only be proposed.
  std::vector<Hit> layer_hits(const Query& q, Layer layer, std::vector<Hit>& partial) {
    std::vector<Hit> hits;
    switch (layer) {
      case kExact:
        collect('x', q.raw, kExact, hits);
        break;
      case kNormalized:
        collect('n', q.normalized, kNormalized, hits);
        break;
      case kFolded:
        collect('f', q.analysis.folded, kFolded, hits);
        break;
      case kTransliterated:
        for (std::size_t v = 0; v < kVariants; ++v) {
          if (q.analysis.skeleton[v].empty()) continue;
          collect('t', std::to_string(v) + q.analysis.skeleton[v], kTransliterated, hits);
        }
        break;
      case kTokens:
        token_hits(q, hits, partial);
        break;
      case kExonym:  // resolve() and compatible() rewrite the query and start again
      case kCity:    // no layer: rivals of a city-only name (decide())
        break;
      case kAbbreviation:
        abbreviation_hits(q, hits, partial);
        truncation_hits(q, hits);
        break;
    }
    return hits;
  }

  Candidate candidate(const Hit& h) const {
    const Club& club = index.club(h.club);
    return Candidate{ClubRef{club.id, club.canonical}, index.name(h.name).text, kLayerName[h.layer],
                     h.score, {}, {}, 0};
  }

  // Whether club `id` may be meant in `context`: of the stated or an admitted country (or of no
  // known country), not excluded, in the scope when `scoped`, and no reserve team unless the
  // query names one.
  bool admitted(ClubId id, const Query& q, const MatchContext& context, bool scoped) const {
    const Club& club = index.club(id);
    if (club.reserve && !q.reserve) return false;
    if (club.country) {
      if (context.country && !club.of_country(*context.country)) return false;
      if (!context.countries.empty() &&
          std::none_of(context.countries.begin(), context.countries.end(),
                       [&](const std::string& c) { return club.of_country(c); })) {
        return false;
      }
    }
    if (contains(context.excluded, id)) return false;
    if (!scoped) return true;
    return context.in_scope ? context.in_scope(id) : contains(context.scope, id);
  }

  std::vector<Hit> admit(std::vector<Hit> hits, const Query& q, const MatchContext& context,
                         bool scoped) const {
    hits.erase(std::remove_if(hits.begin(), hits.end(),
                              [&](const Hit& h) { return !admitted(h.club, q, context, scoped); }),
               hits.end());
    return hits;
  }

  // Whether the query is the canonical name of club `id` without its legal forms and numbers,
  // word for word as folded; with `generic`, also without place words and by stems (the query
  // "Hereford" and "Hereford United FC", "Hibernian" and "Hibernians FC").
  bool bare_canonical(const Query& q, ClubId id, bool generic) const {
    const Club& club = index.club(id);
    auto bare = [generic](const std::vector<Word>& words) {
      std::vector<std::string> out;
      for (const Word& w : words) {
        if (!w.legal && !w.number && !(generic && is_place_word(w.folded))) {
          out.push_back(generic ? w.stem : w.folded);
        }
      }
      return out;
    };
    for (std::size_t n : club.names) {
      const Name& name = index.name(n);
      if (name.normalized != club.canonical_key) continue;
      const auto own = bare(name.words());
      return (generic || (!own.empty() && own.size() < name.words().size())) &&
             own == bare(q.analysis.words[static_cast<std::size_t>(name.variant)]);
    }
    return false;
  }

  // The answer from the admitted hits of the first layer that found any (`from_layer`), or, for
  // a short query that no layer matched, from the clubs it fits. A short name is only as good as
  // the number of clubs it fits: each is a rival at the same strength. Lower layers add no rivals.
  Resolution decide(const Query& q, std::vector<Hit> hits, const MatchContext& context,
                    bool scoped) {
    Resolution r;
    r.query = q.raw;
    hits = per_club(hits);
    const Layer layer = hits.empty() ? kTokens : hits.front().layer;
    // A short name no layer matched resolves only as far as its fit allows (MatchContext::typed).
    const double least_fit = !context.typed ? kWholeFitScore
                             : scoped       ? kPartialScore
                                            : kPlaceFitScore;
    bool may_resolve = true;
    const bool fits_only = hits.empty();
    // A club's own canonical name, spelled as it is, or a nickname of it, has no rival that
    // merely holds its word (only the clubs that hold the same spelling).
    const bool canonical = !hits.empty() && layer <= kFolded &&
                           std::any_of(hits.begin(), hits.end(), [&](const Hit& h) {
                             const Club& club = index.club(h.club);
                             const Name& name = index.name(h.name);
                             return !club.from_import &&
                                    (name.nickname || name.normalized == club.canonical_key);
                           });
    // In a country a source states, a known spelling that is a club's own name without its
    // legal form ("Barcelona" of "FC Barcelona", "Koln" of "1. FC Köln") has as rivals only the
    // clubs whose own names are that too, but for legal forms and place words (UE Santa Coloma
    // of FC Santa Coloma, Hereford United of Hereford FC), not every club of its city (RCD
    // Espanyol). Without a country the city's name may be a club of another.
    const bool bare = context.country && !hits.empty() && layer <= kFolded && !canonical &&
                      std::any_of(hits.begin(), hits.end(), [&](const Hit& h) {
                        return !index.club(h.club).from_import && bare_canonical(q, h.club, false);
                      });
    if (short_query(q) && !canonical) {
      const bool known_spelling = !fits_only && layer <= kFolded;
      for (const Hit& f : admit(per_club(fitting(q)), q, context, scoped)) {
        // A club known only from imports was seen under its whole name ("Liverpool
        // Ramblers"): no rival to a recorded spelling ("Liverpool") that merely holds its word.
        if (known_spelling && index.club(f.club).from_import) continue;
        if (bare && !bare_canonical(q, f.club, true)) continue;
        if (std::none_of(hits.begin(), hits.end(), [&](const Hit& h) { return h.club == f.club; })) {
          hits.push_back(f);
        }
      }
      // Only city words: one club may be meant only when no other club is there (in the scope),
      // unless the city is a recorded spelling of the club ("Liverpool": Everton is no rival).
      const bool only_weak = q.parts[kGeneric].strong.empty() && q.parts[kAzeri].strong.empty();
      if (only_weak && hits.size() == 1 && !known_spelling) {
        const ClubId first = hits.front().club;
        for (ClubId id : index.located_in(q.parts[kGeneric].cities)) {
          if (id == first || !admitted(id, q, context, scoped)) continue;
          hits.push_back({id, index.club(id).names.front(), kCity, kLayerScore[kCity]});
        }
      }
    }
    if (hits.empty()) return r;
    hits = per_club(hits);
    if (fits_only && hits.front().score < least_fit) may_resolve = false;
    if (hits.size() == 1 && layer >= kTransliterated &&
        distinct_rival(q, hits.front().club, layer, context, scoped)) {
      may_resolve = false;
    }
    for (const Hit& h : hits) r.candidates.push_back(candidate(h));
    if (may_resolve && hits.size() == 1) {
      r.status = ResolveStatus::kResolved;
      r.club = r.candidates.front().club;
      r.method = r.candidates.front().method;
    } else {
      r.status = ResolveStatus::kAmbiguous;
    }
    return r;
  }

  // Whether a club recorded as distinct from `club` also fits the query at a fuzzy layer.
  bool distinct_rival(const Query& q, ClubId club, Layer from, const MatchContext& context,
                      bool scoped) {
    if (!index.has_distinct(club)) return false;
    std::vector<Hit> rivals = fitting(q);
    for (int l = from; l <= kAbbreviation; ++l) {
      std::vector<Hit> partial;
      std::vector<Hit> more = layer_hits(q, static_cast<Layer>(l), partial);
      rivals.insert(rivals.end(), more.begin(), more.end());
    }
    return std::any_of(rivals.begin(), rivals.end(), [&](const Hit& h) {
      return h.club != club && index.are_distinct(h.club, club) &&
             admitted(h.club, q, context, scoped);
    });
  }

  Resolution resolve(std::string_view raw, const MatchContext& context) {
    Query q = make_query(raw);
    if (context.in_scope ? context.scope_empty : context.scope.empty()) {
      return resolve(q, context, false);
    }
    // The scope's answer, unless a club outside it fits by stronger evidence: a query for
    // "Víkingur Reykjavík" means that club even when only Víkingur Gøta has data.
    Resolution scoped = resolve(q, context, true);
    if (scoped.status == ResolveStatus::kUnknown) return resolve(q, context, false);
    auto best = [](const Resolution& r) {
      double score = 0.0;
      for (const Candidate& c : r.candidates) score = std::max(score, c.score);
      return score;
    };
    // Nothing outside the scope can be stronger than the scope's own known spelling.
    if (best(scoped) >= kLayerScore[kExact]) return scoped;
    Resolution all = resolve(q, context, false);
    return best(all) > best(scoped) ? all : scoped;
  }

  // The layers in order over the admitted clubs; the first that finds any decides.
  Resolution resolve(const Query& q, const MatchContext& context, bool scoped) {
    std::vector<Hit> partial;
    for (int l = kExact; l <= kAbbreviation; ++l) {
      if (l == kExonym) {
        std::string rewritten = without_exonyms(q);
        if (rewritten.empty()) continue;
        Resolution r = resolve(make_query(rewritten), context, scoped);
        if (r.status == ResolveStatus::kUnknown) continue;
        r.query = q.raw;
        for (auto& c : r.candidates) {
          c.method = kLayerName[kExonym];
          c.score = std::min(c.score, kLayerScore[kExonym]);
        }
        if (r.club) r.method = kLayerName[kExonym];
        return r;
      }
      std::vector<Hit> hits = admit(layer_hits(q, static_cast<Layer>(l), partial), q, context, scoped);
      if (!hits.empty()) return decide(q, std::move(hits), context, scoped);
    }
    if (short_query(q)) {
      Resolution r = decide(q, {}, context, scoped);
      if (r.status != ResolveStatus::kUnknown) return r;
    }
    // Clubs that share all but one distinctive word are proposals only: never resolved.
    Resolution r;
    r.query = q.raw;
    for (const Hit& h : per_club(admit(std::move(partial), q, context, scoped))) {
      r.candidates.push_back(candidate(h));
    }
    if (!r.candidates.empty()) r.status = ResolveStatus::kAmbiguous;
    return r;
  }

  static bool short_query(const Query& q) {
    return is_short(q.parts[kGeneric]) || is_short(q.parts[kAzeri]);
  }

  std::optional<Candidate> compatible(std::string_view raw, ClubId id) {
    if (!index.find_club(id)) return std::nullopt;
    Query q = make_query(raw);
    std::vector<Hit> partial;
    for (int l = kExact; l <= kAbbreviation; ++l) {
      std::vector<Hit> hits = layer_hits(q, static_cast<Layer>(l), partial);
      if (l == kTokens) {
        std::vector<Hit> fits = fitting(q);
        hits.insert(hits.end(), fits.begin(), fits.end());
      }
      for (const Hit& h : hits) {
        if (h.club != id && index.are_distinct(h.club, id)) return std::nullopt;
      }
      for (const Hit& h : hits) {
        if (h.club == id) return candidate(h);
      }
    }
    std::string rewritten = without_exonyms(q);
    if (!rewritten.empty()) {
      std::optional<Candidate> c = compatible(rewritten, id);
      if (c) {
        c->method = kLayerName[kExonym];
        c->score = std::min(c->score, kLayerScore[kExonym]);
        return c;
      }
    }
    for (const Hit& h : partial) {
      if (h.club == id) return candidate(h);
    }
    return std::nullopt;
  }
};

Matcher::Matcher() : impl_(std::make_unique<Impl>()) {}
Matcher::Matcher(std::unique_ptr<ClubSource> source)
    : impl_(std::make_unique<Impl>(std::move(source))) {}
Matcher::~Matcher() = default;
Matcher::Matcher(Matcher&&) noexcept = default;
Matcher& Matcher::operator=(Matcher&&) noexcept = default;

MatcherIndex& Matcher::writable(const char* what) {
  if (impl_->index.sourced()) {
    throw Error(ErrorCode::kUsage, std::string(what) + ": a matcher over a database takes no writes");
  }
  return impl_->index;
}

void Matcher::add_club(ClubId id, std::string canonical, std::optional<std::string> country,
                       std::optional<std::string> city, bool from_import) {
  writable("add_club").add_club(id, std::move(canonical), std::move(country), std::move(city),
                                from_import);
}

void Matcher::add_country(ClubId id, std::string country) {
  writable("add_country").add_country(id, std::move(country));
}

void Matcher::add_name(ClubId id, std::string name, std::optional<std::string> lang,
                       bool nickname) {
  writable("add_name").add_name(id, std::move(name), std::move(lang), std::nullopt, nickname);
}

void Matcher::add_cannot_link(ClubId a, ClubId b) { writable("add_cannot_link").add_cannot_link(a, b); }

void Matcher::remove_name(ClubId id, std::string_view name) {
  writable("remove_name").remove_name(id, name);
}

void Matcher::merge_club(ClubId from, ClubId into) { writable("merge_club").merge_club(from, into); }

void Matcher::add_exonym(std::string exonym, std::string name) {
  writable("add_exonym").add_exonym(std::move(exonym), std::move(name));
}

Resolution Matcher::resolve(std::string_view raw, const MatchContext& context) const {
  return impl_->resolve(raw, context);
}

std::optional<Candidate> Matcher::compatible(std::string_view raw, ClubId id) const {
  return impl_->compatible(raw, id);
}

std::size_t Matcher::size() const { return impl_->index.size(); }

}  // namespace footballdb::names
