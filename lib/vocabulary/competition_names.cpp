#include "vocabulary/competition_names.hpp"

#include "footballdb/names.hpp"
#include "core/text.hpp"
#include "vocabulary/competitions.hpp"

namespace footballdb::vocabulary {
namespace {

constexpr int kChampionsLeagueFirstSeason = 1992;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}


// `name` without its last word and the separators before it ("UEFA Europa League – Quali",
// "Coupe de France (Qualifying)" -> "UEFA Europa League", "Coupe de France"). Whole UTF-8
// characters only: a dash is two or three bytes.
std::string without_last_word(std::string name) {
  auto drop_back_while = [&name](auto pred) {
    while (!name.empty() && pred(name)) {
      std::size_t n = name.size() - 1;
      while (n > 0 && (static_cast<unsigned char>(name[n]) & 0xC0) == 0x80) --n;  // UTF-8 start
      name.resize(n);
    }
  };
  auto last_char = [](const std::string& s) {
    std::size_t n = s.size() - 1;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(n);
  };
  auto separator = [&last_char](const std::string& s) {
    const std::string c = last_char(s);
    return c == " " || c == "-" || c == "(" || c == ")" || c == "\u2013" || c == "\u2014";
  };
  drop_back_while(separator);                                          // "... Quali)" -> "... Quali"
  drop_back_while([&separator](const std::string& s) { return !separator(s); });  // the word
  drop_back_while(separator);
  return name;
}

}  // namespace

std::string canonical_competition(std::string_view raw, std::optional<int> season_year,
                                  bool* qualifying) {
  std::string name(trim(raw));
  std::string key = fold_key(name);
  bool quali = false;
  for (std::string_view suffix : {" quali", " qualifying", " qualification", " qualifiers"}) {
    if (ends_with(key, suffix)) {
      quali = true;
      key.resize(key.size() - suffix.size());
      while (!key.empty() && key.back() == ' ') key.pop_back();
      name = without_last_word(name);
    }
  }
  if (qualifying) *qualifying = quali;
  const bool modern = season_year && *season_year >= kChampionsLeagueFirstSeason;
  if (key == "champions league" || key == "uefa champions league" || key == "european cup" ||
      key == "european champion clubs cup" || key == "european champions cup") {
    if (!season_year) return key == "european cup" ? "European Cup" : "UEFA Champions League";
    return modern ? "UEFA Champions League" : "European Cup";
  }
  if (key == "europa league" || key == "uefa europa league") return "UEFA Europa League";
  if (key == "uefa cup") return "UEFA Cup";
  if (key == "conference league" || key == "uefa conference league" ||
      key == "europa conference league" || key == "uefa europa conference league") {
    return "UEFA Conference League";
  }
  if (key == "intertoto cup" || key == "uefa intertoto cup") return "UEFA Intertoto Cup";
  if (key == "cup winners cup" || key == "european cup winners cup" ||
      key == "uefa cup winners cup") {
    return "UEFA Cup Winners' Cup";
  }
  return vocabulary::listed_competition(name).value_or(name);
}

UefaCompetition uefa_competition(std::string_view name, std::optional<int> season_year) {
  const std::string canonical = canonical_competition(name, season_year);
  if (canonical == "European Cup" || canonical == "UEFA Champions League") {
    return UefaCompetition::kEuropeanCup;
  }
  return fold_key(canonical).rfind("uefa ", 0) == 0 ? UefaCompetition::kOther
                                                     : UefaCompetition::kNone;
}

std::optional<std::string> competition_from_path(std::string_view path) {
  const auto slash = path.find_last_of('/');
  const std::string_view file = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const bool champions_repo = path.find("champions-league") != std::string_view::npos;
  if (file == "cl.txt" || file == "clq.txt" || file.rfind("cl_", 0) == 0) {
    return "UEFA Champions League";
  }
  if (file == "el.txt" || file == "elq.txt" || file.rfind("el_", 0) == 0) {
    return "UEFA Europa League";
  }
  if (file == "conf.txt" || file == "confq.txt") return "UEFA Conference League";
  if (file == "cup.txt" && champions_repo) return "European Cup";
  if (file == "facup.csv" || file == "facup.txt") return "FA Cup";  // engsoccerdata, openfootball
  if (file == "eflcup.txt" || file == "leaguecup.csv") return "EFL Cup";
  return std::nullopt;
}

}  // namespace footballdb::vocabulary
