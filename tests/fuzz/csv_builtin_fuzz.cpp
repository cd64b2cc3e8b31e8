// libFuzzer target: parse_csv through the built-in mappings, on any bytes read as an import reads
// a file (CheckedText): engsoccerdata's champs.csv mapping, its cup files' mapping with every
// optional column, and the mapping builtin_csv_mapping finds for the first line (what an import
// without --mapping uses). sniff_csv on the same bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "import/formats/csv.hpp"

namespace footballdb::fuzz {
namespace {

const std::string kPath = "fuzz/champs.csv";

void parse_with(std::string_view bytes, const import::CsvMapping& mapping) {
  expect_only_input_errors([&] {
    CheckedInput input(bytes, kPath);
    RecordCheck records;
    import::parse_csv(input.stream(), kPath, mapping, std::ref(records));
  });
}

}  // namespace
}  // namespace footballdb::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace footballdb;
  static const import::CsvMapping kChamps = import::engsoccerdata_champs_mapping();
  static const import::CsvMapping kCup = *import::engsoccerdata_cup_mapping(
      {"Date", "Season", "home", "visitor", "FT", "round", "tie", "aet", "hp", "vp", "Venue",
       "neutral", "nonmatch", "notes"});
  const std::string_view bytes = fuzz::as_text(data, size);
  import::sniff_csv(bytes);
  fuzz::parse_with(bytes, kChamps);
  fuzz::parse_with(bytes, kCup);
  // As import_files reads a CSV file without --mapping: the header line picks the mapping.
  if (auto builtin = import::builtin_csv_mapping(bytes.substr(0, bytes.find('\n')))) {
    fuzz::parse_with(bytes, *builtin);
  }
  return 0;
}
