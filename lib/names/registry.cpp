// read_registry and read_name_pairs: the club registry files under data/clubs/.
#include <istream>
#include <string>

#include "core/text.hpp"
#include "footballdb/error.hpp"
#include "footballdb/names.hpp"

namespace footballdb {
namespace {

// The line without a trailing comment: "#" at the start or after white space.
std::string_view strip_comment(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return line.substr(0, i);
    }
  }
  return line;
}

int column_of(std::string_view line, std::string_view part) {
  return static_cast<int>(part.data() - line.data()) + 1;
}

bool is_country_code(std::string_view code) {
  if (code.size() != 3) return false;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// Calls `visit(text, where)` for every line that is not blank or a comment, `text` trimmed and
// without its comment, `where` the position of its first character.
template <class Visit>
void for_each_data_line(std::istream& in, const std::string& path, Visit visit) {
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::string_view text = trim(strip_comment(line));
    if (text.empty()) continue;
    visit(text, SourceLocation{path, number, column_of(line, text)});
  }
}

// A spelling "Name [lang]" (what follows a "|").
ClubName spelling_of(std::string_view text, const SourceLocation& where) {
  std::string_view name = trim(text);
  ClubName spelling;
  if (!name.empty() && name.back() == ']') {
    std::size_t open = name.rfind('[');
    if (open == std::string_view::npos || open + 2 >= name.size()) {
      throw input_error(where, "expected a language tag such as \"[en]\"");
    }
    spelling.lang = std::string(name.substr(open + 1, name.size() - open - 2));
    name = trim(name.substr(0, open));
  }
  if (name.empty()) throw input_error(where, "expected a name after \"|\"");
  spelling.name = std::string(name);
  spelling.origin = "registry";
  return spelling;
}

}  // namespace

void read_registry(std::istream& in, const std::string& path,
                   const std::function<void(RegistryClub&&)>& sink) {
  std::optional<std::string> country;
  std::optional<RegistryClub> club;
  for_each_data_line(in, path, [&](std::string_view text, const SourceLocation& where) {
    if (text.front() == '=') {
      std::string_view code = trim(text.substr(1));
      if (!is_country_code(code)) {
        throw input_error(where, "expected a three-letter country code after \"=\"");
      }
      if (club) sink(std::move(*club));
      club.reset();
      country = std::string(code);
    } else if (text.front() == '|') {
      if (!club) throw input_error(where, "expected a club line before a \"|\" spelling");
      club->names.push_back(spelling_of(text.substr(1), where));
    } else {
      if (!country) throw input_error(where, "expected a \"= CODE\" country line before a club");
      if (club) sink(std::move(*club));
      club = RegistryClub{};
      club->country = country;
      std::size_t at = text.find(" @ ");
      // openfootball's lists may give spellings on the club line too, each after a "|":
      // "FC Gambarogno-Contone | FC Gambarogno".
      std::string_view head = text.substr(0, at);
      std::size_t bar = head.find('|');
      std::string_view name = trim(head.substr(0, bar));
      if (name.empty()) throw input_error(where, "expected a club name");
      club->name = std::string(name);
      while (bar != std::string_view::npos) {
        const std::size_t next = head.find('|', bar + 1);
        club->names.push_back(spelling_of(head.substr(bar + 1, next - bar - 1), where));
        bar = next;
      }
      if (at != std::string_view::npos) {
        std::string_view city = trim(text.substr(at + 3));
        if (city.empty()) throw input_error(where, "expected a city after \" @ \"");
        club->city = std::string(city);
      }
    }
  });
  if (club) sink(std::move(*club));
}

void read_name_pairs(std::istream& in, const std::string& path, std::string_view op,
                     const std::function<void(std::string&&, std::string&&)>& sink) {
  for_each_data_line(in, path, [&](std::string_view text, const SourceLocation& where) {
    std::size_t at = text.find(op);
    if (at == std::string_view::npos) {
      throw input_error(where, "expected \"name " + std::string(op) + " name\"");
    }
    std::string_view left = trim(text.substr(0, at));
    std::string_view right = trim(text.substr(at + op.size()));
    if (left.empty() || right.empty()) {
      throw input_error(where, "expected a name on both sides of \"" + std::string(op) + "\"");
    }
    sink(std::string(left), std::string(right));
  });
}

}  // namespace footballdb
