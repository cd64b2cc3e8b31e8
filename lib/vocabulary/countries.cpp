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

// The words of `text`, split at blanks and hyphens, ASCII letters lower-cased: how a
// competition's name and a country's name are compared.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out(1);
  for (const char c : text) {
    if (c == ' ' || c == '-' || c == '\t') {
      if (!out.back().empty()) out.emplace_back();
    } else {
      out.back() += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

// data/vocabulary/countries.txt, read once.
struct Countries {
  std::map<std::string, std::string, std::less<>> aliases;
  std::map<std::string, std::vector<std::string>, std::less<>> competitions;
  // A country's name (words_of, joined by spaces) -> the countries its competitions admit.
  std::map<std::string, std::vector<std::string>, std::less<>> names;
  std::size_t longest_name = 0;  // in words

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
      } else if (kind == "country") {
        const std::vector<std::string> words = words_of(name);
        longest_name = std::max(longest_name, words.size());
        std::sort(codes.begin(), codes.end());
        codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
        names[join(words, 0, words.size())] = codes;
      } else {
        fail(number, "expected alias, group, competition or country, got \"" + kind + "\"");
      }
    }
  }

  // The countries of the one country `competition` names, longer names first ("Northern
  // Ireland" before "Ireland"); nullptr when it names none or more than one.
  const std::vector<std::string>* named_in(std::string_view competition) const {
    const std::vector<std::string> words = words_of(competition);
    const std::vector<std::string>* found = nullptr;
    for (std::size_t i = 0; i < words.size();) {
      std::size_t used = 1;
      for (std::size_t n = std::min(longest_name, words.size() - i); n > 0; --n) {
        auto it = names.find(join(words, i, n));
        if (it == names.end()) continue;
        if (found && *found != it->second) return nullptr;
        found = &it->second;
        used = n;
        break;
      }
      i += used;
    }
    return found;
  }

  static std::string join(const std::vector<std::string>& words, std::size_t from, std::size_t n) {
    std::string out;
    for (std::size_t k = from; k < from + n; ++k) {
      if (k > from) out += ' ';
      out += words[k];
    }
    return out;
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
  const Countries& all = countries();
  if (auto it = all.competitions.find(competition); it != all.competitions.end()) {
    return it->second;
  }
  const std::vector<std::string>* named = all.named_in(competition);
  return named ? *named : kAny;
}

}  // namespace footballdb::vocabulary
