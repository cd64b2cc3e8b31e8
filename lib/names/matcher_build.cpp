// Building a matcher from a database's rows, and saying why it matched what it did.
#include <algorithm>

#include "footballdb/error.hpp"
#include "names/matcher.hpp"
#include "names/matcher_index.hpp"

namespace footballdb::names {
namespace {

std::int64_t id_of(const std::optional<std::string>& text, const char* what) {
  if (text) {
    try {
      std::size_t used = 0;
      const long long id = std::stoll(*text, &used);
      if (used == text->size()) return id;
    } catch (const std::exception&) {
    }
  }
  throw Error(ErrorCode::kInternal, std::string("a ") + what + " that is not an id: '" +
                                        text.value_or("NULL") + "'");
}

const std::string& text_of(const std::optional<std::string>& text, const char* what) {
  if (!text) throw Error(ErrorCode::kInternal, std::string("a NULL ") + what);
  return *text;
}

void expect_columns(const Row& row, std::size_t n, const char* table) {
  if (row.size() != n) {
    throw Error(ErrorCode::kInternal, std::string("a row of ") + table + " with " +
                                          std::to_string(row.size()) + " columns");
  }
}

std::vector<std::string> words(std::string_view name) { return split_words(fold_key(name)); }

std::string comma_list(const std::vector<std::string>& list) {
  std::string out;
  for (const std::string& w : list) out += (out.empty() ? "" : ", ") + w;
  return out;
}

}  // namespace

Matcher build_matcher(const QueryRunner& run) {
  Matcher m;
  const std::vector<std::string> none;
  run("SELECT id, name, country, city, origin = 'import' FROM clubs ORDER BY id", none,
      [&m](const Row& r) {
        expect_columns(r, 5, "clubs");
        m.add_club(ClubId{id_of(r[0], "club id")}, text_of(r[1], "club name"), r[2], r[3],
                   r[4] == std::optional<std::string>("1"));
      });
  run("SELECT club_id, name, lang, method = 'nickname' FROM club_names ORDER BY id", none,
      [&m](const Row& r) {
    expect_columns(r, 4, "club_names");
    m.add_name(ClubId{id_of(r[0], "club id")}, text_of(r[1], "club name"), r[2],
               r[3] == std::optional<std::string>("1"));
  });
  run("SELECT club_id, country FROM club_countries", none, [&m](const Row& r) {
    expect_columns(r, 2, "club_countries");
    m.add_country(ClubId{id_of(r[0], "club id")}, text_of(r[1], "country"));
  });
  run("SELECT club_a, club_b FROM club_distinct", none, [&m](const Row& r) {
    expect_columns(r, 2, "club_distinct");
    m.add_cannot_link(ClubId{id_of(r[0], "club id")}, ClubId{id_of(r[1], "club id")});
  });
  run("SELECT exonym, name FROM exonyms", none, [&m](const Row& r) {
    expect_columns(r, 2, "exonyms");
    m.add_exonym(text_of(r[0], "exonym"), text_of(r[1], "city name"));
  });
  return m;
}

namespace {

// The clubs of a database, read through their stored keys (club_name_keys) as names need them.
class StoredClubs final : public ClubSource {
 public:
  explicit StoredClubs(QueryRunner run) : run_(std::move(run)) {}

  std::vector<ClubId> clubs_with(const std::string& key) override {
    std::vector<ClubId> out;
    auto add = [&out](const Row& r) { out.emplace_back(id_of(r.at(0), "club id")); };
    const std::string value = key.substr(2);
    switch (key[0]) {
      case 'x':
        run_("SELECT DISTINCT club_id FROM club_names WHERE name = ?1", {value}, add);
        break;
      case 'n':
        run_("SELECT DISTINCT club_id FROM club_names WHERE name_key = ?1", {value}, add);
        break;
      case 'f':
        run_("SELECT DISTINCT club_id FROM club_names WHERE fold_key = ?1", {value}, add);
        break;
      default:
        run_("SELECT DISTINCT n.club_id FROM club_name_keys k JOIN club_names n ON n.id = k.name_id "
             "WHERE k.key = ?1",
             {key}, add);
        break;
    }
    return out;
  }

  std::size_t count(const std::string& key) override {
    std::size_t n = 0;
    run_("SELECT count(*) FROM club_name_keys WHERE key = ?1", {key},
         [&n](const Row& r) { n = static_cast<std::size_t>(id_of(r.at(0), "count")); });
    return n;
  }

  std::size_t club_count(const std::string& key, std::size_t limit) override {
    std::size_t n = 0;
    run_("SELECT count(*) FROM (SELECT DISTINCT n.club_id FROM club_name_keys k "
         "JOIN club_names n ON n.id = k.name_id WHERE k.key = ?1 LIMIT ?2)",
         {key, std::to_string(limit)},
         [&n](const Row& r) { n = static_cast<std::size_t>(id_of(r.at(0), "count")); });
    return n;
  }

  void load(ClubId id, MatcherIndex& into) override {
    const std::vector<std::string> club{std::to_string(id.value())};
    std::optional<Row> row;
    run_("SELECT name, country, city, origin = 'import' FROM clubs WHERE id = ?1", club,
         [&row](const Row& r) { row = r; });
    if (!row) return;
    expect_columns(*row, 4, "clubs");
    std::vector<Row> spellings;
    run_("SELECT n.name, n.lang, l.latin, n.method = 'nickname' FROM club_names n "
         "LEFT JOIN club_name_latin l ON l.name_id = n.id WHERE n.club_id = ?1 ORDER BY n.id",
         club, [&spellings](const Row& r) { spellings.push_back(r); });
    const std::string& canonical = text_of((*row)[0], "club name");
    std::optional<std::string> latin;
    for (const Row& r : spellings) {
      if (r.at(0) == canonical) latin = r.at(2);
    }
    into.add_club(id, canonical, (*row)[1], (*row)[2], (*row)[3] == std::optional<std::string>("1"),
                  latin);
    for (const Row& r : spellings) {
      expect_columns(r, 4, "club_names");
      into.add_name(id, text_of(r[0], "club name"), r[1], r[2],
                    r[3] == std::optional<std::string>("1"));
    }
    run_("SELECT country FROM club_countries WHERE club_id = ?1", club,
         [&](const Row& r) { into.add_country(id, text_of(r.at(0), "country")); });
  }

  std::size_t size() override {
    if (!size_) {
      run_("SELECT count(*) FROM clubs", {},
           [this](const Row& r) { size_ = static_cast<std::size_t>(id_of(r.at(0), "count")); });
    }
    return size_.value_or(0);
  }

  void prime(MatcherIndex& into) override {
    run_("SELECT DISTINCT substr(key, 3) FROM club_name_keys WHERE key >= 'w:' AND key < 'w;'", {},
         [&into](const Row& r) { into.add_city_word(text_of(r.at(0), "city word")); });
    run_("SELECT club_a, club_b FROM club_distinct", {}, [&into](const Row& r) {
      expect_columns(r, 2, "club_distinct");
      into.add_cannot_link(ClubId{id_of(r[0], "club id")}, ClubId{id_of(r[1], "club id")});
    });
    run_("SELECT exonym, name FROM exonyms", {}, [&into](const Row& r) {
      expect_columns(r, 2, "exonyms");
      into.add_exonym(text_of(r[0], "exonym"), text_of(r[1], "city name"));
    });
  }

 private:
  QueryRunner run_;
  std::optional<std::size_t> size_;
};

}  // namespace

bool stored_keys_current(const QueryRunner& run) {
  bool current = false;
  run("SELECT (SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
      "('club_name_keys', 'club_names_unkeyed', 'club_name_keys_version', 'club_name_latin')) = 4",
      {}, [&current](const Row& r) { current = r.at(0) == std::optional<std::string>("1"); });
  if (!current) return false;
  run("SELECT (SELECT version FROM club_name_keys_version) = ?1 "
      "AND NOT EXISTS (SELECT 1 FROM club_names_unkeyed)",
      {std::to_string(kStoredKeysVersion)},
      [&current](const Row& r) { current = r.at(0) == std::optional<std::string>("1"); });
  return current;
}

Matcher open_matcher(QueryRunner run) {
  return Matcher(std::make_unique<StoredClubs>(std::move(run)));
}

std::string explain(std::string_view query, const Candidate& c) {
  const std::string known = "\"" + c.matched_name + "\"";
  const std::string& how = c.method;
  if (how == "exact") return "the known spelling " + known;
  if (how == "normalized") {
    return "the same as " + known + " once case, Unicode forms, quotes and dashes are unified";
  }
  if (how == "folded") return "the same letters as " + known + " once accents are folded";
  if (how == "transliterated") {
    return "sounds as " + known + " once both are written in Latin letters";
  }
  if (how == "exonym") return known + " with a city named in another language";
  if (how == "abbreviation") return known + " with words written as an abbreviation";
  if (how == "prefix") return "the beginning of a word of " + known + ", the one club with data it begins";
  if (how == "city") return "a club of the city the name names, as " + known + " is";
  // The word layers (tokens, contains, ...): say which words the two names share.
  std::vector<std::string> q = words(query);
  std::vector<std::string> k = words(c.matched_name);
  std::vector<std::string> shared, only_query, only_known;
  for (const std::string& w : q) {
    (std::find(k.begin(), k.end(), w) != k.end() ? shared : only_query).push_back(w);
  }
  for (const std::string& w : k) {
    if (std::find(q.begin(), q.end(), w) == q.end()) only_known.push_back(w);
  }
  std::string out = shared.empty() ? "no word in common with " + known
                                   : "shares " + comma_list(shared) + " with " + known;
  if (!only_query.empty()) out += "; only in the name: " + comma_list(only_query);
  if (!only_known.empty()) out += "; only in " + known + ": " + comma_list(only_known);
  return out;
}

}  // namespace footballdb::names
