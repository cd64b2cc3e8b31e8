// libFuzzer target: importing footballdb's JSON interchange format (--format json) from any bytes
// through the public API, in a dry run on an in-memory database, as tests/import/
// json_import_test.cpp imports its files.
#include <cstddef>
#include <cstdint>

#include "footballdb/import.hpp"
#include "fuzz_database.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace footballdb;
  static fuzz::InputFile file("input.json");
  static const ImportOptions options = [] {
    ImportOptions o = fuzz::dry_run_options();
    o.format = "json";
    return o;
  }();
  Database& db = fuzz::import_database();
  const std::string& path = file.write(fuzz::as_text(data, size));
  fuzz::expect_only_input_errors([&] { import_files(db, {path}, options); });
  return 0;
}
