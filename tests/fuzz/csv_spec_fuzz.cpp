// libFuzzer target: parse_csv through a user's mapping. The input's first line is the mapping spec
// (what --mapping gives), the rest the CSV file, read as an import reads a file (CheckedText).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "import/formats/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace footballdb;
  const std::string_view bytes = fuzz::as_text(data, size);
  const std::size_t nl = bytes.find('\n');
  if (nl == std::string_view::npos) return 0;
  const std::string_view spec = bytes.substr(0, nl);
  const std::string_view csv = bytes.substr(nl + 1);
  fuzz::expect_only_input_errors([&] {
    const import::CsvMapping mapping = import::parse_csv_mapping(spec);
    const std::string path = "fuzz/matches.csv";
    fuzz::CheckedInput input(csv, path);
    fuzz::RecordCheck records;
    import::parse_csv(input.stream(), path, mapping, std::ref(records));
  });
  return 0;
}
