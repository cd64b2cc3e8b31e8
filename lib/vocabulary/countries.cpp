#include "vocabulary/countries.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>

#include "footballdb/error.hpp"
#include "vocabulary/vocabulary_data.hpp"

namespace footballdb::vocabulary {
namespace {

std::string upper_trimmed(std::string_view code) {
  while (!code.empty() && std::isspace(static_cast<unsigned char>(code.front()))) code.remove_prefix(1);
  while (!code.empty() && std::isspace(static_cast<unsigned char>(code.back()))) code.remove_suffix(1);
  std::string out(code);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// data/vocabulary/countries.txt, read once.
struct Countries {
  std::map<std::string, std::string, std::less<>> aliases;
  std::map<std::string, std::vector<std::string>, std::less<>> competitions;

  Countries() {
    std::map<std::string, std::vector<std::string>> groups;
    std::istringstream in{std::string(data::vocabulary_countries())};
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (line.empty() || line[0] == '#') continue;
      const auto space = line.find(' ');
      const auto equals = line.find(" = ");
      if (space == std::string::npos || equals == std::string::npos || equals < space) {
        fail(number, "expected \"alias|group|competition NAME = ...\"");
      }
      const std::string kind = line.substr(0, space);
      const std::string name = line.substr(space + 1, equals - space - 1);
      std::vector<std::string> codes;
      std::istringstream right(line.substr(equals + 3));
      for (std::string word; right >> word;) {
        if (auto g = groups.find(word); g != groups.end()) {
          codes.insert(codes.end(), g->second.begin(), g->second.end());
        } else {
          codes.push_back(word);
        }
      }
      if (codes.empty()) fail(number, "expected a country code after \" = \"");
      if (kind == "alias") {
        aliases[upper_trimmed(name)] = codes.front();
      } else if (kind == "group") {
        groups[name] = codes;
      } else if (kind == "competition") {
        std::sort(codes.begin(), codes.end());
        codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
        competitions[name] = codes;
      } else {
        fail(number, "expected alias, group or competition, got \"" + kind + "\"");
      }
    }
  }

  [[noreturn]] static void fail(int line, const std::string& what) {
    throw Error(ErrorCode::kInternal,
                "data/vocabulary/countries.txt:" + std::to_string(line) + ": " + what);
  }
};

const Countries& countries() {
  static const Countries kCountries;
  return kCountries;
}

}  // namespace

std::string canonical_country(std::string_view code) {
  std::string key = upper_trimmed(code);
  const auto& aliases = countries().aliases;
  if (auto it = aliases.find(key); it != aliases.end()) return it->second;
  return key;
}

const std::vector<std::string>& admitted_countries(std::string_view competition) {
  static const std::vector<std::string> kAny;
  const auto& list = countries().competitions;
  auto it = list.find(competition);
  return it == list.end() ? kAny : it->second;
}

}  // namespace footballdb::vocabulary
