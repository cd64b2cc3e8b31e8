#include "footballdb/types.hpp"

#include "footballdb/error.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace footballdb {
namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

// Reads exactly `digits` decimal digits at text[pos...]; nullopt otherwise.
std::optional<int> read_digits(std::string_view text, std::size_t pos, std::size_t digits) {
  if (pos + digits > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + digits; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::string two_digits(int value) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", value);
  return buf;
}

}  // namespace

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  // From 1801: a date of the first half of 1800 would belong to split season 1799-00, before
  // the first season there is (Season::normalize).
  if (year < 1801 || year > 2999 || month < 1 || month > 12 || day < 1) return std::nullopt;
  if (day > days_in_month(year, month)) return std::nullopt;
  return Date{year, month, day};
}

std::optional<Date> Date::parse(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  auto y = read_digits(iso, 0, 4);
  auto m = read_digits(iso, 5, 2);
  auto d = read_digits(iso, 8, 2);
  if (!y || !m || !d) return std::nullopt;
  return from_ymd(*y, *m, *d);
}

std::string Date::to_string() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::optional<LocalTime> LocalTime::parse(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  auto h = read_digits(text, 0, 2);
  auto m = read_digits(text, 3, 2);
  if (!h || !m || *h > 23 || *m > 59) return std::nullopt;
  return LocalTime{*h, *m};
}

std::string LocalTime::to_string() const { return two_digits(hour) + ":" + two_digits(minute); }

std::optional<std::string> Season::normalize(std::string_view text) {
  auto first = read_digits(text, 0, 4);
  if (!first || *first < 1800 || *first > 2999) return std::nullopt;
  if (text.size() == 4) return std::string(text);
  if (text[4] != '-' && text[4] != '/') return std::nullopt;
  std::optional<int> second;
  if (text.size() == 7) {
    second = read_digits(text, 5, 2);
    if (second) second = (*first / 100) * 100 + *second + ((*first % 100 == 99) ? 100 : 0);
  } else if (text.size() == 9) {
    second = read_digits(text, 5, 4);
  }
  if (!second || *second != *first + 1) return std::nullopt;
  return std::to_string(*first) + "-" + two_digits(*second % 100);
}

std::string Season::require(std::string_view text) {
  auto canonical = normalize(text);
  if (!canonical) {
    throw Error(ErrorCode::kUsage,
                "'" + std::string(text) + "' is not a season (expected YYYY or YYYY-YY)");
  }
  return *canonical;
}

std::optional<int> Season::start_year(std::string_view canonical) {
  auto normalized = normalize(canonical);
  if (!normalized || *normalized != canonical) return std::nullopt;
  return read_digits(canonical, 0, 4);
}

std::string Season::split_season_of(const Date& date) {
  int start = date.month >= 7 ? date.year : date.year - 1;
  return std::to_string(start) + "-" + two_digits((start + 1) % 100);
}

std::string_view to_string(LegStatus status) noexcept {
  switch (status) {
    case LegStatus::kPlayed:
      return "played";
    case LegStatus::kScheduled:
      return "scheduled";
    case LegStatus::kAwarded:
      return "awarded";
    case LegStatus::kWalkover:
      return "walkover";
    case LegStatus::kAnnulled:
      return "annulled";
    case LegStatus::kCancelled:
      return "cancelled";
  }
  return "played";
}

std::optional<LegStatus> parse_leg_status(std::string_view text) noexcept {
  for (auto s : {LegStatus::kPlayed, LegStatus::kScheduled, LegStatus::kAwarded,
                 LegStatus::kWalkover, LegStatus::kAnnulled, LegStatus::kCancelled}) {
    if (to_string(s) == text) return s;
  }
  return std::nullopt;
}

std::optional<std::string> leg_problem(const Leg& leg) {
  auto le = [](const std::optional<Score>& x, const std::optional<Score>& y) {
    return !x || !y || (x->home <= y->home && x->away <= y->away);
  };
  for (const auto* s : {&leg.full_time, &leg.half_time, &leg.extra_time, &leg.penalties}) {
    if (*s && ((*s)->home < 0 || (*s)->away < 0 || (*s)->home > 99 || (*s)->away > 99)) {
      return "goals from 0 to 99";
    }
  }
  if (leg.home.id == leg.away.id) return "two different clubs";
  if (!le(leg.half_time, leg.full_time)) return "a half-time score no higher than the full-time score";
  if (!le(leg.full_time, leg.extra_time)) {
    return "a score after extra time no lower than the score after 90 minutes";
  }
  if (leg.penalties && leg.penalties->home == leg.penalties->away) {
    return "a penalty shoot-out with a winner";
  }
  const bool scored = leg.full_time || leg.extra_time || leg.penalties;
  if (leg.status == LegStatus::kWalkover) {
    if (!leg.awarded_to || (*leg.awarded_to != leg.home.id && *leg.awarded_to != leg.away.id)) {
      return "a walkover given to the home or the away club";
    }
    if (scored) return "no score for a walkover";
  } else if (leg.awarded_to) {
    return "a club given a walkover only for a walkover";
  }
  if ((leg.status == LegStatus::kScheduled || leg.status == LegStatus::kCancelled) && scored) {
    return "no score for a scheduled or cancelled leg";
  }
  return std::nullopt;
}

std::string_view to_string(DecidedBy how) noexcept {
  switch (how) {
    case DecidedBy::kAggregate:
      return "aggregate";
    case DecidedBy::kAwayGoals:
      return "away_goals";
    case DecidedBy::kPenalties:
      return "penalties";
    case DecidedBy::kReplay:
      return "replay";
    case DecidedBy::kCoinToss:
      return "coin_toss";
    case DecidedBy::kWalkover:
      return "walkover";
    case DecidedBy::kAwarded:
      return "awarded";
    case DecidedBy::kNormalTime:
      return "normal_time";
    case DecidedBy::kExtraTime:
      return "extra_time";
    case DecidedBy::kBye:
      return "bye";
  }
  return "aggregate";
}

std::string_view describe(DecidedBy how) noexcept {
  switch (how) {
    case DecidedBy::kAggregate:
      return "on aggregate";
    case DecidedBy::kAwayGoals:
      return "on away goals";
    case DecidedBy::kPenalties:
      return "on penalties";
    case DecidedBy::kReplay:
      return "after a replay";
    case DecidedBy::kCoinToss:
      return "on a coin toss";
    case DecidedBy::kWalkover:
      return "by walkover";
    case DecidedBy::kAwarded:
      return "by an awarded result";
    case DecidedBy::kNormalTime:
      return "in normal time";
    case DecidedBy::kExtraTime:
      return "after extra time";
    case DecidedBy::kBye:
      return "with a bye";
  }
  return "";
}

std::optional<DecidedBy> parse_decided_by(std::string_view text) noexcept {
  for (auto d : {DecidedBy::kAggregate, DecidedBy::kAwayGoals, DecidedBy::kPenalties,
                 DecidedBy::kReplay, DecidedBy::kCoinToss, DecidedBy::kWalkover,
                 DecidedBy::kAwarded, DecidedBy::kNormalTime, DecidedBy::kExtraTime,
                 DecidedBy::kBye}) {
    if (to_string(d) == text) return d;
  }
  return std::nullopt;
}

}  // namespace footballdb
