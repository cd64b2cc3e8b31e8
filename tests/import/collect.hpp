// Test helpers: run a parser over text or a fixture and keep what it emits.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include <gtest/gtest.h>

#include "footballdb/error.hpp"
#include "import/records.hpp"

namespace footballdb::import::test_support {

using Parse = void (*)(std::istream&, const std::string&, const RecordSink&);

struct Collected {
  std::vector<Record> all;
  std::vector<RoundRecord> rounds;
  std::vector<TieRecord> ties;
  std::vector<LegRecord> legs;
};

inline Collected collect(Parse parse, std::istream& in, const std::string& path) {
  Collected out;
  parse(in, path, [&out](Record&& r) {
    if (auto* round = std::get_if<RoundRecord>(&r)) out.rounds.push_back(*round);
    if (auto* tie = std::get_if<TieRecord>(&r)) out.ties.push_back(*tie);
    if (auto* leg = std::get_if<LegRecord>(&r)) out.legs.push_back(*leg);
    out.all.push_back(std::move(r));
  });
  return out;
}

inline Collected collect_text(Parse parse, const std::string& text,
                              const std::string& path = "in.txt") {
  std::istringstream in(text);
  return collect(parse, in, path);
}

inline Collected collect_fixture(Parse parse, const std::string& name) {
  const std::string path = std::string(FOOTBALLDB_TEST_DATA) + "/" + name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot open " << path;
  return collect(parse, in, name);
}

inline std::string fixture_text(const std::string& name) {
  std::ifstream in(std::string(FOOTBALLDB_TEST_DATA) + "/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The message of the input error `parse` throws on `text`; "" when it throws none.
inline std::string input_error_of(Parse parse, const std::string& text,
                                  const std::string& path = "in.txt") {
  try {
    collect_text(parse, text, path);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInput);
    return e.what();
  }
  return "";
}

}  // namespace footballdb::import::test_support
