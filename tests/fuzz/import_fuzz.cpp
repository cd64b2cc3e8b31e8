// libFuzzer target: a whole import of any bytes through the public API, the format detected from
// the content (import_files without --format): sniffing, the parser the sniffers pick, the
// assembler, name resolution and the store, all in a dry run on an in-memory database. Each input
// is imported twice: with the context an import command gives (competition, season, round), and
// alone, so that what the file leaves out is worked out from it (a season from its dates).
#include <cstddef>
#include <cstdint>

#include "footballdb/import.hpp"
#include "fuzz_database.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace footballdb;
  static fuzz::InputFile file("input.txt");
  static const ImportOptions with_context = fuzz::dry_run_options();
  static const ImportOptions alone = [] {
    ImportOptions o;
    o.dry_run = true;
    return o;
  }();
  Database& db = fuzz::import_database();
  const std::string& path = file.write(fuzz::as_text(data, size));
  fuzz::expect_only_input_errors([&] { import_files(db, {path}, with_context); });
  fuzz::expect_only_input_errors([&] { import_files(db, {path}, alone); });
  return 0;
}
