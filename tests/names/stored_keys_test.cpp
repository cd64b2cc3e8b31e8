// A matcher over a database's stored keys (open_matcher) gives the answers of the matcher that
// holds every club in memory (build_matcher), for every labelled name, in every context.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "footballdb/footballdb.hpp"
#include "names/matcher.hpp"
#include "storage/database_impl.hpp"
#include "testing.hpp"

namespace footballdb::names {
namespace {

QueryRunner runner(SQLite::Database& db) {
  return [&db](const char* sql, const std::vector<std::string>& params,
               const std::function<void(const Row&)>& row) {
    SQLite::Statement q(db, sql);
    for (std::size_t i = 0; i < params.size(); ++i) q.bind(static_cast<int>(i + 1), params[i]);
    Row values;
    while (q.executeStep()) {
      values.clear();
      for (int i = 0; i < q.getColumnCount(); ++i) {
        values.push_back(q.getColumn(i).isNull() ? std::nullopt
                                                 : std::optional<std::string>(q.getColumn(i).getString()));
      }
      row(values);
    }
  };
}

// The first column of every data row of tests/data/names/FILE, and its country column if any.
std::vector<std::pair<std::string, std::string>> mentions(const std::string& file, int country_column) {
  std::ifstream in(std::string(FOOTBALLDB_TEST_DATA) + "/names/" + file);
  EXPECT_TRUE(in) << file;
  std::vector<std::pair<std::string, std::string>> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream fields(line);
    for (std::string col; std::getline(fields, col, '\t');) cols.push_back(col);
    const auto at = static_cast<std::size_t>(country_column);
    const std::string country = country_column >= 0 && cols.size() > at ? cols[at] : "";
    out.emplace_back(cols.at(0), country);
    if (file == "distinct_real.tsv" && cols.size() > 1) out.emplace_back(cols[1], cols.size() > 3 ? cols[3] : "");
  }
  return out;
}

std::string describe(const Resolution& r) {
  std::ostringstream out;
  out << to_string(r.status) << " " << (r.club ? r.club->id.value() : 0) << " " << r.method << ":";
  for (const Candidate& c : r.candidates) {
    out << " " << c.club.id.value() << "/" << c.method << "/" << c.score << "/" << c.matched_name;
  }
  return out.str();
}

class StoredKeys : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::make_unique<Database>(Database::open(":memory:"));
    // Clubs an import made, besides the registry's: their names are keyed too.
    import_files(*db_, {footballdb::testing::data_path("json/uefa-europa-league-2012-13-q2.json"),
                        footballdb::testing::data_path("football_txt/cl_finals-2011-12.txt")});
  }
  SQLite::Database& sql() { return detail::DatabaseAccess::sqlite(*db_); }

  // Every labelled name, as a source prints it and as a person types it, with and without its
  // country and with a scope: both matchers answer alike.
  void expect_same_answers(const Matcher& memory, const Matcher& stored) {
    std::vector<ClubId> scope;
    SQLite::Statement q(sql(), "SELECT DISTINCT club_a FROM ties UNION SELECT club_b FROM ties ORDER BY 1");
    while (q.executeStep()) {
      if (!q.getColumn(0).isNull()) scope.emplace_back(q.getColumn(0).getInt64());
    }
    ASSERT_FALSE(scope.empty());
    int compared = 0;
    for (const auto& [file, column] : std::vector<std::pair<std::string, int>>{
             {"gold.tsv", 2}, {"gold_real.tsv", 2}, {"distinct_real.tsv", 2}, {"fans_cl.tsv", -1}}) {
      for (const auto& [name, country] : mentions(file, column)) {
        for (int variant = 0; variant < 4; ++variant) {
          MatchContext context;
          context.typed = variant % 2 == 1;
          if (variant >= 2) context.scope = scope;
          if (!country.empty() && variant == 0) context.country = country;
          ASSERT_EQ(describe(memory.resolve(name, context)), describe(stored.resolve(name, context)))
              << file << ": \"" << name << "\" (context " << variant << ")";
          if (variant >= 2) {
            // The scope asked as a question answers as the scope given as a list.
            MatchContext asked = context;
            asked.scope.clear();
            asked.in_scope = [&scope](ClubId id) {
              return std::binary_search(scope.begin(), scope.end(), id);
            };
            asked.scope_empty = false;
            ASSERT_EQ(describe(memory.resolve(name, context)), describe(stored.resolve(name, asked)))
                << file << ": \"" << name << "\" (context " << variant << ", asked)";
          }
          ++compared;
        }
      }
    }
    EXPECT_GT(compared, 10000);
  }

  std::unique_ptr<Database> db_;
};

TEST_F(StoredKeys, AnswerAsTheWholeMatcherDoes) {
  ASSERT_TRUE(stored_keys_current(runner(sql())));
  const Matcher memory = build_matcher(runner(sql()));
  const Matcher stored = open_matcher(runner(sql()));
  EXPECT_EQ(memory.size(), stored.size());
  expect_same_answers(memory, stored);
  // The registry walk: every canonical name.
  SQLite::Statement q(sql(), "SELECT id, name FROM clubs ORDER BY id");
  while (q.executeStep()) {
    const std::string name = q.getColumn(1).getString();
    ASSERT_EQ(describe(memory.resolve(name)), describe(stored.resolve(name))) << name;
    const ClubId id(q.getColumn(0).getInt64());
    const auto a = memory.compatible(name + " FC", id);
    const auto b = stored.compatible(name + " FC", id);
    ASSERT_EQ(a.has_value(), b.has_value()) << name;
  }
}

TEST_F(StoredKeys, SpellingsWrittenByAnotherProgramWaitForTheirKeys) {
  // The stock sqlite3 shell adds a spelling: the keys are not current until footballdb writes.
  sql().exec("INSERT INTO club_names(club_id, name, name_key, fold_key, method) "
             "SELECT id, 'Kolejorz', name_key('Kolejorz'), "
             "fold_key('Kolejorz'), 'user' FROM clubs WHERE name = 'KKS Lech Poznań'");
  EXPECT_FALSE(stored_keys_current(runner(sql())));
  // Queries still find it (the library falls back to reading every club).
  EXPECT_EQ(db_->resolve("Kolejorz").status, ResolveStatus::kResolved);
  {
    SQLite::Transaction tx(sql());
    detail::DatabaseAccess::clubs(*db_).write_keys();
    tx.commit();
  }
  ASSERT_TRUE(stored_keys_current(runner(sql())));
  EXPECT_EQ(open_matcher(runner(sql())).resolve("Kolejorz").status,
            ResolveStatus::kResolved);
  // A club's city is in its keys: a change makes them wait too.
  sql().exec("UPDATE clubs SET city = 'Poznan' WHERE name = 'KKS Lech Poznań'");
  EXPECT_FALSE(stored_keys_current(runner(sql())));
}

TEST_F(StoredKeys, AnotherVersionOfTheAnalysisWritesThemAgain) {
  auto keys = [this] {
    return sql().execAndGet("SELECT count(*) || ' ' || total(length(key) * name_id) FROM club_name_keys")
        .getString();
  };
  const std::string before = keys();
  sql().exec("UPDATE club_name_keys_version SET version = 0");
  sql().exec("DELETE FROM club_name_keys WHERE key GLOB 's:*'");
  EXPECT_FALSE(stored_keys_current(runner(sql())));
  {
    SQLite::Transaction tx(sql());
    detail::DatabaseAccess::clubs(*db_).write_keys(true);
    tx.commit();
  }
  EXPECT_TRUE(stored_keys_current(runner(sql())));
  EXPECT_EQ(keys(), before);
}

TEST_F(StoredKeys, KeysWrittenAfterAChangeAreThoseWrittenAfresh) {
  // Each change marks the spellings it touches and takes their keys and Latin forms away;
  // write_keys only adds. What it adds is what keying every spelling from nothing gives.
  auto keys = [this] {
    return sql()
        .execAndGet("SELECT count(*) || ' ' || total(length(key) * name_id) || ' ' || "
                    "(SELECT count(*) || ' ' || total(length(latin) * name_id) "
                    "FROM club_name_latin) FROM club_name_keys")
        .getString();
  };
  auto write = [this](bool all) {
    SQLite::Transaction tx(sql());
    detail::DatabaseAccess::clubs(*db_).write_keys(all);
    tx.commit();
  };
  sql().exec("UPDATE clubs SET city = 'Moskva', country = 'RUS' WHERE name = 'KKS Lech Poznań'");
  sql().exec("UPDATE club_names SET name = 'Спартак Москва' WHERE name = 'FK Spartak Moskva'");
  sql().exec("UPDATE club_names SET club_id = (SELECT id FROM clubs WHERE name = 'Legia Warszawa') "
             "WHERE name = 'Wisła Kraków'");
  sql().exec("DELETE FROM club_names WHERE name = 'Górnik Zabrze'");
  write(false);
  ASSERT_TRUE(stored_keys_current(runner(sql())));
  const std::string after_the_changes = keys();
  sql().exec("UPDATE club_name_keys_version SET version = 0");
  write(true);
  EXPECT_EQ(keys(), after_the_changes);
}

TEST_F(StoredKeys, AMatcherOverADatabaseTakesNoWrites) {
  Matcher stored = open_matcher(runner(sql()));
  EXPECT_THROW(stored.add_name(ClubId(1), "Anything", std::nullopt), Error);
}

}  // namespace
}  // namespace footballdb::names
