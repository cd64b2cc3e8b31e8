// Building a matcher from a database's rows, and saying why it matched what it did.
#include <algorithm>
#include <sstream>

#include "footballdb/error.hpp"
#include "names/matcher.hpp"

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

std::vector<std::string> words(std::string_view name) {
  std::istringstream in(fold_key(name));
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string join(const std::vector<std::string>& list) {
  std::string out;
  for (const std::string& w : list) out += (out.empty() ? "" : ", ") + w;
  return out;
}

}  // namespace

Matcher build_matcher(const QueryRunner& run) {
  Matcher m;
  run("SELECT id, name, country, city, origin = 'import' FROM clubs ORDER BY id", [&m](const Row& r) {
    expect_columns(r, 5, "clubs");
    m.add_club(ClubId{id_of(r[0], "club id")}, text_of(r[1], "club name"), r[2], r[3],
               r[4] == std::optional<std::string>("1"));
  });
  run("SELECT club_id, name, lang FROM club_names ORDER BY id", [&m](const Row& r) {
    expect_columns(r, 3, "club_names");
    m.add_name(ClubId{id_of(r[0], "club id")}, text_of(r[1], "club name"), r[2]);
  });
  run("SELECT club_id, country FROM club_countries", [&m](const Row& r) {
    expect_columns(r, 2, "club_countries");
    m.add_country(ClubId{id_of(r[0], "club id")}, text_of(r[1], "country"));
  });
  run("SELECT club_a, club_b FROM club_distinct", [&m](const Row& r) {
    expect_columns(r, 2, "club_distinct");
    m.add_cannot_link(ClubId{id_of(r[0], "club id")}, ClubId{id_of(r[1], "club id")});
  });
  run("SELECT exonym, name FROM exonyms", [&m](const Row& r) {
    expect_columns(r, 2, "exonyms");
    m.add_exonym(text_of(r[0], "exonym"), text_of(r[1], "city name"));
  });
  return m;
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
                                   : "shares " + join(shared) + " with " + known;
  if (!only_query.empty()) out += "; only in the name: " + join(only_query);
  if (!only_known.empty()) out += "; only in " + known + ": " + join(only_known);
  return out;
}

}  // namespace footballdb::names
