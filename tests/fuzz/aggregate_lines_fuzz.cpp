// libFuzzer target: parse_aggregate_lines (Wikipedia's aggregate summaries) through its record
// interface, on any bytes read as an import reads a file (CheckedText), and its sniffer on the same
// bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "import/formats/aggregate_lines.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace footballdb;
  const std::string_view bytes = fuzz::as_text(data, size);
  // Format detection asks every sniffer about any file: none may throw.
  import::sniff_aggregate_lines(bytes);
  fuzz::parse_records(import::parse_aggregate_lines, bytes, "fuzz/summaries.txt");
  return 0;
}
