// Helpers shared by the tests.
#pragma once

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "footballdb/database.hpp"
#include "footballdb/import.hpp"

namespace footballdb::testing {

// The open review of `name` in `db`; a test failure (and an empty review) when there is none.
inline NameReview review_of(const Database& db, const std::string& name) {
  for (const NameReview& r : db.reviews()) {
    if (r.name == name) return r;
  }
  ADD_FAILURE() << "no open review of " << name;
  return {};
}

// Path of a fixture under tests/data.
inline std::string data_path(const std::string& relative) {
  return std::string(FOOTBALLDB_TEST_DATA) + "/" + relative;
}

// Imports the three seeds into `db`: the pairing table and result lines of the 2012-13 Europa
// League second qualifying round, and the aggregate lines of the 2005 Intertoto Cup.
inline void import_seeds(Database& db) {
  ImportOptions el;
  el.competition = "UEFA Europa League";
  el.season = "2012-13";
  el.round = "Second qualifying round";
  import_files(db, {data_path("000_98225e7db66c08bd.txt"), data_path("001_18477ec777a99af5.txt")},
               el);
  ImportOptions itc;
  itc.competition = "UEFA Intertoto Cup";
  itc.season = "2005";
  import_files(db, {data_path("002_1372deafbd61fe9d.txt")}, itc);
}

// The folder of the real data sets, which are not part of the project: the one the environment
// variable FOOTBALLDB_SHARED_DATA names, else ../shared/data beside the source tree. Tests that
// read it skip when what they need is absent.
// `relative` names a file or folder in it; empty: the folder itself.
inline std::string shared_data_path(const std::string& relative = "") {
  const char* env = std::getenv("FOOTBALLDB_SHARED_DATA");
  const std::string root = env ? env : FOOTBALLDB_SOURCE_DIR "/../shared/data";
  return relative.empty() ? root : root + "/" + relative;
}

// One row of a CSV file: its fields.
using CsvRow = std::vector<std::string>;

// RFC 4180 rows of `text`: quoted fields with "" escapes and embedded commas or line ends;
// lines end in LF or CRLF; blank lines are skipped.
inline std::vector<CsvRow> read_csv(const std::string& text) {
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = any = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      if (row.size() > 1 || !row[0].empty() || any) rows.push_back(std::move(row));
      row.clear();
      any = false;
    } else {
      field += c;
      any = true;
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

// A fresh directory for one test, removed with the object.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = "footballdb-" + std::string(info->test_suite_name()) + "-" +
                       info->name() + "-" + std::to_string(::getpid());
    // A parameterised test's names hold slashes ("Fixtures/MigrationFixture.Opens/v2").
    std::replace(name.begin(), name.end(), '/', '_');
    path_ = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string path(const std::string& name) const { return (path_ / name).string(); }

  // Writes `content` to a file named `name` here; returns its path.
  std::string write(const std::string& name, const std::string& content) const {
    std::ofstream(path(name), std::ios::binary) << content;
    return path(name);
  }

 private:
  std::filesystem::path path_;
};

}  // namespace footballdb::testing
