// libFuzzer target: a name a person types, through the public API (Database::resolve, what
// `footballdb resolve` and `ties --club` ask): "#12", "Liverpool [ENG]" and any other text,
// against a new database's registry; then require_club and find_clubs with the same text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "footballdb/database.hpp"
#include "fuzz_database.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace footballdb;
  const Database& db = fuzz::registry_database();
  const std::string_view name = fuzz::as_text(data, size);
  fuzz::expect_only_input_errors([&] {
    const Resolution r = db.resolve(name);
    fuzz::check((r.status == ResolveStatus::kResolved) == r.club.has_value(),
                "a resolution names a club exactly when it is resolved");
  });
  fuzz::expect_only_input_errors([&] { db.require_club(name); });
  fuzz::expect_only_input_errors([&] { db.find_clubs(name); });
  return 0;
}
