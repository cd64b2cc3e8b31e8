#include "names/matcher_index.hpp"

#include <algorithm>

#include "footballdb/error.hpp"
#include "footballdb/names.hpp"
#include "names/vocabulary.hpp"

namespace footballdb::names {
namespace {

// The keys of a spelling that do not depend on other clubs (all but k), in its variant.
std::vector<std::string> own_keys(const Analysis& a, int variant) {
  const auto v = static_cast<std::size_t>(variant);
  std::vector<std::string> keys;
  if (!a.skeleton[v].empty()) keys.push_back(key_of('t', std::to_string(v) + a.skeleton[v]));
  std::string initials;
  std::vector<std::string> stems;
  for (const Word& w : a.words[v]) {
    if (std::find(stems.begin(), stems.end(), w.stem) == stems.end()) {
      stems.push_back(w.stem);
      keys.push_back(key_of('s', w.stem));
      keys.push_back(key_of('p', w.skeleton.substr(0, 5)));
    }
    if (initials.size() < 2 && !w.legal && !w.number) {
      initials.push_back(w.folded.front());
    }
  }
  if (initials.size() == 2) keys.push_back(key_of('i', initials));
  sort_unique(keys);
  return keys;
}

// The stems of a city's words (c keys), and of those that count as city words (w keys).
std::vector<std::string> city_stems(std::string_view city) {
  std::vector<std::string> out;
  for (const auto& fw : split_words(fold_key(city))) out.push_back(stem(skeleton_word(fw, kGeneric)));
  return out;
}

// The words of a city that count as city words, folded.
std::vector<std::string> city_words(std::string_view city) {
  std::vector<std::string> out;
  for (const auto& fw : split_words(fold_key(city))) {
    // Words of many places are no city's name: "Town" of Cape Town, "City" of Mexico City.
    if (is_place_word(fw)) continue;
    const std::string s = stem(skeleton_word(fw, kGeneric));
    if (s.size() < 3 || legal_class_of(s)) continue;
    out.push_back(fw);
  }
  return out;
}

void index_add(KeyIndex& index, const std::string& key, std::size_t name) {
  index[key].push_back(name);
}

void index_remove(KeyIndex& index, const std::string& key, std::size_t name) {
  auto it = index.find(key);
  if (it == index.end()) return;
  auto& v = it->second;
  v.erase(std::remove(v.begin(), v.end(), name), v.end());
  if (v.empty()) index.erase(it);
}

}  // namespace

std::string key_of(char kind, std::string_view key) {
  std::string out;
  out.reserve(key.size() + 2);
  out.push_back(kind);
  out.push_back(':');
  out.append(key);
  return out;
}

bool Club::of_country(const std::string& code) const {
  return *country == code ||
         std::find(other_countries.begin(), other_countries.end(), code) != other_countries.end();
}

MatcherIndex::MatcherIndex(std::unique_ptr<ClubSource> source) : source_(std::move(source)) {
  for (const std::string& city : name_vocabulary().cities) add_city_words(city);
  if (source_) source_->prime(*this);
}

std::vector<std::string> MatcherIndex::stored_keys(const Analyzer& analyzer, std::string_view text,
                                                   const std::optional<std::string>& country,
                                                   const std::optional<std::string>& city,
                                                   std::optional<std::string>& latin) {
  latin.reset();
  const std::string folded = fold_key(text);
  if (Analyzer::needs_latin(folded)) latin = analyzer.latin(text);
  std::vector<std::string> keys = own_keys(analyzer.analyse(text, latin), variant_of(country));
  if (city) {
    for (const std::string& s : city_stems(*city)) keys.push_back(key_of('c', s));
    for (const std::string& w : city_words(*city)) keys.push_back(key_of('w', w));
  }
  sort_unique(keys);
  return keys;
}

// ---- words ----

bool MatcherIndex::is_city_word(const Word& w) const {
  return cities_.count(w.stem) > 0 && (w.stem.size() >= 5 || city_words_.count(w.folded) > 0);
}

void MatcherIndex::mark_cities(Analysis& a) const {
  for (auto& words : a.words) {
    for (Word& w : words) w.city = is_city_word(w);
  }
}

WordKind MatcherIndex::kind(const Word& w) const {
  if (w.number) return WordKind::kNumber;
  if (w.legal) return WordKind::kLegal;
  if (w.city) return WordKind::kCity;
  return WordKind::kStrong;
}

const std::string& MatcherIndex::legal_class(const Word& w) const {
  return *w.legal;
}

Parts MatcherIndex::parts(const std::vector<Word>& words) const {
  Parts p;
  for (const auto& w : words) {
    if (w.stop) continue;
    switch (kind(w)) {
      case WordKind::kStrong:
        p.strong.push_back(w.stem);
        break;
      case WordKind::kCity:
        p.cities.push_back(w.stem);
        break;
      case WordKind::kLegal:
        p.legal.push_back(legal_class(w));
        break;
      case WordKind::kNumber:
        p.numbers.push_back(w.skeleton);
        break;
    }
  }
  sort_unique(p.strong);
  sort_unique(p.cities);
  sort_unique(p.legal);
  sort_unique(p.numbers);
  return p;
}

std::string MatcherIndex::strong_key(int variant, const std::vector<std::string>& strong) {
  return key_of('k', std::to_string(variant) + "s:" + join(strong));
}

std::string MatcherIndex::weak_key(int variant, const std::vector<std::string>& city_words) {
  return key_of('k', std::to_string(variant) + "w:" + join(city_words));
}

std::string MatcherIndex::token_key(int variant, const Parts& p) {
  if (!p.strong.empty()) return strong_key(variant, p.strong);
  if (!p.cities.empty() && !p.legal.empty()) return weak_key(variant, p.cities);
  return {};
}

// ---- maintenance ----

void MatcherIndex::add_city_words(std::string_view city) {
  for (const std::string& w : city_words(city)) add_city_word(w);
}

void MatcherIndex::add_city_word(const std::string& folded) {
  if (!city_words_.insert(folded).second) return;
  const std::string s = stem(skeleton_word(folded, kGeneric));
  cities_.insert(s);
  // A word newly known as a city changes the kinds of words and the tokens key of the names
  // that hold it.
  std::vector<std::size_t> affected;
  for (char kind : {'s', 'g'}) {
    auto it = keys_.find(key_of(kind, s));
    if (it != keys_.end()) affected.insert(affected.end(), it->second.begin(), it->second.end());
  }
  sort_unique(affected);
  for (std::size_t n : affected) {
    Name& name = names_[n];
    if (!name.live) continue;
    mark_cities(name.analysis);
    if (!name.token_key.empty()) index_remove(keys_, name.token_key, n);
    name.keys.erase(std::remove(name.keys.begin(), name.keys.end(), name.token_key), name.keys.end());
    set_token_key(n);
    if (!name.token_key.empty()) {
      index_add(keys_, name.token_key, n);
      name.keys.push_back(name.token_key);
    }
  }
}

void MatcherIndex::set_token_key(std::size_t n) {
  Name& name = names_[n];
  Parts p = parts(name.words());
  name.token_key = token_key(name.variant, p);
  name.numbers = p.numbers;
  name.legal = p.legal;
}

void MatcherIndex::add_club(ClubId id, std::string canonical, std::optional<std::string> country,
                            std::optional<std::string> city, bool from_import,
                            std::optional<std::string> latin) {
  if (clubs_.count(id.value())) {
    throw Error(ErrorCode::kUsage, "add_club: club id " + std::to_string(id.value()) +
                                       " is already known");
  }
  Club club;
  club.id = id;
  club.canonical = canonical;
  club.canonical_key = name_key(canonical);
  club.country = std::move(country);
  if (city) {
    club.city_stems = city_stems(*city);
    for (const std::string& s : club.city_stems) city_clubs_[s].push_back(id);
    add_city_words(*city);
  }
  club.city = std::move(city);
  club.from_import = from_import;
  auto& stored = clubs_.emplace(id.value(), std::move(club)).first->second;
  add_name(id, std::move(canonical), std::nullopt, latin);
  stored.reserve = has_reserve_word(names_[stored.names.front()].analysis.words[kGeneric]);
}

void MatcherIndex::add_country(ClubId id, std::string country) {
  auto it = clubs_.find(id.value());
  if (it != clubs_.end()) it->second.other_countries.push_back(std::move(country));
}

void MatcherIndex::add_name(ClubId id, std::string text, std::optional<std::string> lang,
                            std::optional<std::string> latin, bool nickname) {
  auto it = clubs_.find(id.value());
  if (it == clubs_.end()) {
    throw Error(ErrorCode::kUsage, "add_name: no club with id " + std::to_string(id.value()));
  }
  Club& club = it->second;
  for (std::size_t n : club.names) {
    if (names_[n].live && names_[n].text == text) {
      names_[n].nickname = names_[n].nickname || nickname;
      return;
    }
  }
  Name name;
  name.club = id;
  name.nickname = nickname;
  name.lang = std::move(lang);
  name.normalized = name_key(text);
  name.analysis = analyzer_.analyse(text, latin);
  mark_cities(name.analysis);
  const auto& generic = name.analysis.words[kGeneric];
  name.abbreviates = std::any_of(generic.begin(), generic.end(), [this](const Word& w) {
    return w.abbreviation && kind(w) != WordKind::kLegal;
  });
  name.variant = variant_of(club.country);
  name.text = std::move(text);
  const std::size_t n = names_.size();
  names_.push_back(std::move(name));
  club.names.push_back(n);
  set_token_key(n);
  index_name(n);
}

void MatcherIndex::index_name(std::size_t n) {
  Name& name = names_[n];
  name.keys = own_keys(name.analysis, name.variant);
  if (!name.text.empty()) name.keys.push_back(key_of('x', name.text));
  if (!name.normalized.empty()) name.keys.push_back(key_of('n', name.normalized));
  if (!name.analysis.folded.empty()) name.keys.push_back(key_of('f', name.analysis.folded));
  if (!name.token_key.empty()) name.keys.push_back(name.token_key);
  if (name.variant != kGeneric) {
    // Its words in the generic variant, which the abbreviation layer reads: a new city word
    // must reach them too (add_city_stem).
    for (const Word& w : name.analysis.words[kGeneric]) name.keys.push_back(key_of('g', w.stem));
  }
  sort_unique(name.keys);
  for (const std::string& key : name.keys) {
    index_add(keys_, key, n);
    if (name.abbreviates && key[0] == 'p') index_add(abbreviating_, key, n);
  }
}

void MatcherIndex::unindex_name(std::size_t n) {
  for (const std::string& key : names_[n].keys) {
    index_remove(keys_, key, n);
    if (key[0] == 'p') index_remove(abbreviating_, key, n);
  }
}

void MatcherIndex::add_cannot_link(ClubId a, ClubId b) {
  distinct_.insert({std::min(a.value(), b.value()), std::max(a.value(), b.value())});
}

void MatcherIndex::remove_name(ClubId id, std::string_view text) {
  auto it = clubs_.find(id.value());
  if (it == clubs_.end()) return;
  auto& list = it->second.names;
  for (auto n = list.begin(); n != list.end(); ++n) {
    if (names_[*n].text == text) {
      unindex_name(*n);
      names_[*n].live = false;
      list.erase(n);
      return;
    }
  }
}

void MatcherIndex::merge_club(ClubId from, ClubId into) {
  auto it = clubs_.find(from.value());
  if (it == clubs_.end() || from == into) return;
  if (!clubs_.count(into.value())) {
    throw Error(ErrorCode::kUsage, "merge_club: no club with id " + std::to_string(into.value()));
  }
  Club gone = std::move(it->second);
  clubs_.erase(it);
  for (std::size_t n : gone.names) {
    unindex_name(n);
    names_[n].live = false;
    add_name(into, names_[n].text, names_[n].lang, std::nullopt, names_[n].nickname);
  }
  for (const std::string& s : gone.city_stems) {
    auto& list = city_clubs_[s];
    list.erase(std::remove(list.begin(), list.end(), from), list.end());
  }
  std::vector<std::pair<std::int64_t, std::int64_t>> moved;
  for (auto p = distinct_.begin(); p != distinct_.end();) {
    if (p->first != from.value() && p->second != from.value()) {
      ++p;
      continue;
    }
    moved.push_back(*p);
    p = distinct_.erase(p);
  }
  for (const auto& [a, b] : moved) {
    const std::int64_t other = a == from.value() ? b : a;
    if (other != into.value()) add_cannot_link(ClubId{other}, into);
  }
}

void MatcherIndex::add_exonym(std::string exonym, std::string name) {
  exonyms_[fold_key(exonym)] = fold_key(name);
}

// ---- reading ----

void MatcherIndex::ensure_club(ClubId id) {
  if (!source_ || clubs_.count(id.value()) || !sought_.insert(id.value()).second) return;
  source_->load(id, *this);
}

void MatcherIndex::ensure(const std::string& key) {
  if (!source_ || !ensured_.insert(key).second) return;
  if (key.size() > 2 && key[0] == 'k') {
    // A tokens key is no stored key: its spellings hold each of its words, so read those of
    // the rarest word.
    const std::string words = key.substr(key.find(':', 2) + 1);
    std::string rarest;
    std::size_t fewest = 0;
    for (const std::string& w : split_words(words)) {
      const std::string s = key_of('s', w);
      const std::size_t n = count(s);
      if (rarest.empty() || n < fewest) rarest = s, fewest = n;
    }
    if (!rarest.empty()) ensure(rarest);
    return;
  }
  for (ClubId id : source_->clubs_with(key)) ensure_club(id);
}

const std::vector<std::size_t>& MatcherIndex::lookup(const std::string& key) {
  static const std::vector<std::size_t> kNone;
  ensure(key);
  auto it = keys_.find(key);
  return it == keys_.end() ? kNone : it->second;
}

const std::vector<std::size_t>& MatcherIndex::lookup_abbreviating(const std::string& key) {
  static const std::vector<std::size_t> kNone;
  ensure(key);
  auto it = abbreviating_.find(key);
  return it == abbreviating_.end() ? kNone : it->second;
}

std::size_t MatcherIndex::count(const std::string& key) {
  if (source_ && !ensured_.count(key)) return source_->count(key);
  auto it = keys_.find(key);
  return it == keys_.end() ? 0 : it->second.size();
}

std::size_t MatcherIndex::club_count(const std::string& key, std::size_t limit) {
  if (source_ && !ensured_.count(key)) return source_->club_count(key, limit);
  auto it = keys_.find(key);
  if (it == keys_.end()) return 0;
  std::vector<ClubId> clubs;
  for (std::size_t n : it->second) {
    if (clubs.size() == limit) break;
    const ClubId club = names_[n].club;
    if (std::find(clubs.begin(), clubs.end(), club) == clubs.end()) clubs.push_back(club);
  }
  return clubs.size();
}

const Club* MatcherIndex::find_club(ClubId id) {
  ensure_club(id);
  auto it = clubs_.find(id.value());
  return it == clubs_.end() ? nullptr : &it->second;
}

std::vector<ClubId> MatcherIndex::located_in(const std::vector<std::string>& city_words) {
  std::vector<ClubId> out;
  if (city_words.empty()) return out;
  ensure(key_of('c', city_words.front()));
  auto it = city_clubs_.find(city_words.front());
  if (it == city_clubs_.end()) return out;
  for (ClubId id : it->second) {
    const auto& stems_of = clubs_.at(id.value()).city_stems;
    if (std::all_of(city_words.begin(), city_words.end(), [&](const std::string& c) {
          return std::find(stems_of.begin(), stems_of.end(), c) != stems_of.end();
        })) {
      out.push_back(id);
    }
  }
  return out;
}

bool MatcherIndex::are_distinct(ClubId a, ClubId b) const {
  return distinct_.count({std::min(a.value(), b.value()), std::max(a.value(), b.value())}) > 0;
}

bool MatcherIndex::has_distinct(ClubId a) const {
  return std::any_of(distinct_.begin(), distinct_.end(), [&](const auto& p) {
    return p.first == a.value() || p.second == a.value();
  });
}

const std::string* MatcherIndex::exonym(const std::string& word) const {
  auto it = exonyms_.find(word);
  return it == exonyms_.end() ? nullptr : &it->second;
}

std::size_t MatcherIndex::size() const { return source_ ? source_->size() : clubs_.size(); }

}  // namespace footballdb::names
