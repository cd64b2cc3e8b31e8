// Running the footballdb tool as a user runs it, for the CLI tests: files in a directory of
// the test's own, a database file t.db there, standard output, standard error, exit code.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "testing.hpp"

namespace footballdb::testing {

// `text` quoted for the shell.
inline std::string quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class CliFixture : public ::testing::Test {
 protected:
  // Runs `command` (a shell command line) in the test's directory, with `input` on standard
  // input.
  CliResult shell(const std::string& command, const std::string& input = "") {
    dir_.write("stdin", input);
    const std::string line =
        "cd " + quote(dir_.path("")) + " && " + command + " <stdin >stdout 2>stderr";
    const int status = std::system(line.c_str());
    CliResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_file(dir_.path("stdout"));
    r.err = read_file(dir_.path("stderr"));
    return r;
  }

  // Runs `footballdb --db t.db ARGS...`.
  CliResult run(const std::vector<std::string>& args, const std::string& input = "") {
    std::string command = quote(FOOTBALLDB_CLI) + " --db t.db";
    for (const std::string& a : args) command += " " + quote(a);
    return shell(command, input);
  }

  // Runs `args`, expects exit 0 and returns standard output as JSON.
  nlohmann::json run_json(const std::vector<std::string>& args) {
    const CliResult r = run(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  }

  TempDir dir_;
};

}  // namespace footballdb::testing
