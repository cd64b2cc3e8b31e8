// libFuzzer target: parse_csv_mapping and format_csv_mapping on any spec. A spec that reads must
// round-trip: format_csv_mapping's spec reads back into the same mapping, and formats the same.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "fuzz_support.hpp"
#include "import/formats/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace footballdb;
  const std::string_view spec = fuzz::as_text(data, size);
  std::optional<import::CsvMapping> first;
  fuzz::expect_only_input_errors([&] { first = import::parse_csv_mapping(spec); });
  if (!first) return 0;
  const std::string formatted = import::format_csv_mapping(*first);
  import::CsvMapping second;
  try {
    second = import::parse_csv_mapping(formatted);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fuzz: format_csv_mapping gave \"%s\", which does not read: %s\n",
                 formatted.c_str(), e.what());
    std::abort();
  }
  fuzz::check(second == *first, "parse(format(parse(spec))) == parse(spec)");
  fuzz::check(import::format_csv_mapping(second) == formatted, "format is stable");
  return 0;
}
