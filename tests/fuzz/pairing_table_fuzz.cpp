// libFuzzer target: parse_pairing_table (BBCode and MediaWiki pairing tables) through its record
// interface, on any bytes read as an import reads a file (CheckedText), and its sniffer on the same
// bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "import/formats/pairing_table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace footballdb;
  const std::string_view bytes = fuzz::as_text(data, size);
  // Format detection asks every sniffer about any file: none may throw.
  import::sniff_pairing_table(bytes);
  fuzz::parse_records(import::parse_pairing_table, bytes, "fuzz/pairings.txt");
  return 0;
}
