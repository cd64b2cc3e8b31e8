// libFuzzer target: the name matcher (lib/names) over the shipped club registry, as an import asks
// it: any name, alone and with a country (input "name<TAB>CODE"), from a source and typed. resolve
// never throws on any text (matcher.hpp); compatible, explain, name_key and fold_key are asked of
// the same name and of every candidate.
#include <cstddef>
#include <cstdint>
#include <map>
#include <sstream>
#include <string>

#include "footballdb/names.hpp"
#include "fuzz_support.hpp"
#include "names/matcher.hpp"
#include "storage/registry_data.hpp"

namespace footballdb::fuzz {
namespace {

// The matcher of a new database: the embedded data/clubs files, read as tests/names'
// shipped_registry.hpp reads them from the source tree.
names::Matcher shipped_matcher() {
  names::Matcher matcher;
  std::map<std::string, ClubId> ids;  // canonical name -> the first club of that name
  std::int64_t next = 1;
  for (std::string_view text : {data::clubs_registry(), data::clubs_extra()}) {
    std::istringstream in{std::string(text)};
    read_registry(in, "registry", [&](RegistryClub&& club) {
      const ClubId id(next++);
      ids.emplace(club.name, id);
      matcher.add_club(id, club.name, club.country, club.city);
      for (ClubName& name : club.names) matcher.add_name(id, std::move(name.name), name.lang);
    });
  }
  auto pairs = [](std::string_view text, std::string_view op, auto&& sink) {
    std::istringstream in{std::string(text)};
    read_name_pairs(in, "pairs", op, sink);
  };
  pairs(data::clubs_distinct(), "!=", [&](std::string&& a, std::string&& b) {
    matcher.add_cannot_link(ids.at(a), ids.at(b));
  });
  pairs(data::clubs_associations(), "=", [&](std::string&& club, std::string&& code) {
    matcher.add_country(ids.at(club), std::move(code));
  });
  pairs(data::clubs_nicknames(), "=", [&](std::string&& name, std::string&& club) {
    matcher.add_name(ids.at(club), std::move(name), std::nullopt);
  });
  pairs(data::clubs_exonyms(), "=", [&](std::string&& exonym, std::string&& name) {
    matcher.add_exonym(std::move(exonym), std::move(name));
  });
  return matcher;
}

void ask(const names::Matcher& matcher, std::string_view name, const MatchContext& context) {
  const Resolution r = matcher.resolve(name, context);
  check((r.status == ResolveStatus::kResolved) == r.club.has_value(),
        "a resolution names a club exactly when it is resolved");
  for (const Candidate& c : r.candidates) {
    names::explain(name, c);
    matcher.compatible(name, c.club.id);
  }
  if (r.club) matcher.compatible(name, r.club->id);
}

}  // namespace
}  // namespace footballdb::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace footballdb;
  static const names::Matcher matcher = fuzz::shipped_matcher();
  const std::string_view bytes = fuzz::as_text(data, size);
  const std::size_t tab = bytes.find('\t');
  const std::string_view name = bytes.substr(0, tab);
  name_key(name);
  fold_key(name);
  MatchContext context;
  fuzz::ask(matcher, name, context);
  context.typed = true;
  fuzz::ask(matcher, name, context);
  if (tab != std::string_view::npos) {
    context.typed = false;
    context.country = std::string(bytes.substr(tab + 1));
    fuzz::ask(matcher, name, context);
  }
  return 0;
}
