// libFuzzer target: parse_football_txt (openfootball's Football.TXT) through its record interface,
// on any bytes read as an import reads a file (CheckedText), and its sniffer on the same bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "import/formats/football_txt.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace footballdb;
  const std::string_view bytes = fuzz::as_text(data, size);
  // Format detection asks every sniffer about any file: none may throw.
  import::sniff_football_txt(bytes);
  // The folder names a season, as openfootball's do: a file without a header takes it.
  fuzz::parse_records(import::parse_football_txt, bytes, "fuzz/2012-13/cup.txt");
  return 0;
}
