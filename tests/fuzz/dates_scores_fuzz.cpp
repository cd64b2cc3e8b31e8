// libFuzzer target: the value parsers every format shares, on any text: Date::parse,
// LocalTime::parse, Season::normalize, score_at at every offset and parse_score_notation, with the
// properties their contracts state (what reads writes back the same; offsets stay in the text).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "footballdb/types.hpp"
#include "fuzz_support.hpp"
#include "core/text.hpp"
#include "import/text.hpp"

namespace footballdb::fuzz {
namespace {

bool goals_as_written(const Score& s) {
  return s.home >= 0 && s.home <= 999 && s.away >= 0 && s.away <= 999;
}

void dates(std::string_view text) {
  if (auto date = Date::parse(text)) {
    check(date->to_string() == text, "Date::parse(text).to_string() == text");
    const std::string season = Season::split_season_of(*date);
    check(Season::normalize(season) == season, "the split season of a date is canonical");
  }
  if (auto time = LocalTime::parse(text)) {
    check(time->to_string() == text, "LocalTime::parse(text).to_string() == text");
  }
  if (auto season = Season::normalize(text)) {
    check(Season::normalize(*season) == season, "Season::normalize is idempotent");
    check(Season::start_year(*season).has_value(), "a canonical season has a start year");
  }
}

void scores(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::size_t end = 0;
    if (auto score = import::score_at(text, i, &end)) {
      check(end > i && end <= text.size(), "score_at's end is after the score, in the text");
      check(goals_as_written(*score), "score_at reads at most three digits a side");
    }
    dash_at(text, i);
  }
  import::column_at(text, text.size());
  import::NotationError error;
  if (auto n = import::parse_score_notation(text, &error)) {
    check(goals_as_written(n->main), "a notation's goals are as written");
    if (n->after_90) check(n->extra_time, "a 90-minute score comes with extra time");
    import::LegRecord leg;
    import::set_leg_scores(*n, true, leg);
  } else {
    check(error.offset <= text.size(), "a notation error is at an offset in the text");
    check(!error.expected.empty(), "a notation error says what was expected");
  }
}

}  // namespace
}  // namespace footballdb::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = footballdb::fuzz::as_text(data, size);
  footballdb::fuzz::dates(text);
  footballdb::fuzz::scores(text);
  return 0;
}
