#include "vocabulary/competitions.hpp"

#include <map>
#include <sstream>

#include "core/text.hpp"
#include "footballdb/error.hpp"
#include "footballdb/names.hpp"
#include "vocabulary/vocabulary_data.hpp"

namespace footballdb::vocabulary {
namespace {

// data/vocabulary/competitions.txt, read once: folded name -> canonical name.
std::map<std::string, std::string, std::less<>> read_names() {
  std::map<std::string, std::string, std::less<>> out;
  std::istringstream in{std::string(data::vocabulary_competitions())};
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const auto equals = line.find(" = ");
    if (equals == std::string::npos) {
      throw Error(ErrorCode::kInternal, "data/vocabulary/competitions.txt:" +
                                            std::to_string(number) +
                                            ": expected \"CANONICAL = NAME | NAME ...\"");
    }
    const std::string canonical(trim(std::string_view(line).substr(0, equals)));
    out[fold_key(canonical)] = canonical;
    std::istringstream names(line.substr(equals + 3));
    for (std::string name; std::getline(names, name, '|');) {
      out[fold_key(trim(name))] = canonical;
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> listed_competition(std::string_view name) {
  static const auto kNames = read_names();
  auto it = kNames.find(fold_key(name));
  if (it == kNames.end()) return std::nullopt;
  return it->second;
}

}  // namespace footballdb::vocabulary
