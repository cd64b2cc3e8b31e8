// What every libFuzzer target shares: bytes read as an import reads them, and the line between an
// expected error and a finding.
//
// A target returns normally for any input the code under test accepts or refuses with a
// footballdb::Error of a code that means "bad input" (input, usage, io, club, conflict, database,
// version). Everything else is a finding and aborts, so that libFuzzer keeps the input: another
// exception type, an Error(kInternal) (a broken invariant, a bug by its definition in error.hpp),
// a property that fails (check), and of course crashes, sanitizer reports, leaks and hangs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <istream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "footballdb/error.hpp"
#include "footballdb/types.hpp"
#include "import/records.hpp"
#include "import/source_input.hpp"

namespace footballdb::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Aborts with `what` when `condition` does not hold: a property of the code under test failed.
inline void check(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "fuzz: property failed: %s\n", what);
  std::abort();
}

// Runs `body`; an Error that names bad input is the expected outcome of bad input and is
// swallowed, anything else aborts with what it was.
template <class Body>
void expect_only_input_errors(Body&& body) {
  try {
    std::forward<Body>(body)();
  } catch (const Error& e) {
    if (e.code() == ErrorCode::kInternal) {
      std::fprintf(stderr, "fuzz: internal error (a bug): %s\n", e.what());
      std::abort();
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fuzz: unexpected exception: %s\n", e.what());
    std::abort();
  } catch (...) {
    std::fprintf(stderr, "fuzz: unexpected exception of unknown type\n");
    std::abort();
  }
}

// `bytes` as a parser sees a user's file: through CheckedText, which refuses what is not UTF-8
// text (a NUL byte, a broken sequence) with an input error, as import_files reads every source.
class CheckedInput {
 public:
  CheckedInput(std::string_view bytes, const std::string& path)
      : source_(std::string(bytes), std::ios_base::in),
        text_(source_, path, bytes.size(), nullptr),
        stream_(&text_) {
    stream_.exceptions(std::ios::badbit);  // the check's input_error reaches the caller
  }
  std::istream& stream() { return stream_; }

 private:
  std::stringbuf source_;
  import::CheckedText text_;
  std::istream stream_;
};

// A record sink that reads every byte of every record it is given, so that what a parser hands
// on is looked at whole (ASan sees a dangling or half-built string), and checks what records.hpp
// promises of each.
class RecordCheck {
 public:
  void operator()(import::Record&& record) {
    std::visit([this](const auto& r) { take(r); }, record);
    ++count_;
  }
  std::size_t count() const { return count_; }
  // A sum of every byte seen, so that the reads cannot be optimised away.
  unsigned sum() const { return sum_; }

 private:
  void take(const import::RoundRecord& r) {
    where(r.where);
    context(r.context);
    check(r.context.round.has_value(), "a RoundRecord names its round");
  }
  void take(const import::TieRecord& r) {
    where(r.where);
    context(r.context);
    look(r.club_a);
    look(r.club_b);
    look(r.country_a);
    look(r.country_b);
    look(r.stated_winner);
    look(r.stated_coin_toss_winner);
    look(r.text);
  }
  void take(const import::LegRecord& r) {
    where(r.where);
    context(r.context);
    look(r.home);
    look(r.away);
    look(r.home_country);
    look(r.away_country);
    look(r.venue);
    look(r.awarded_to);
    if (r.date) {
      check(Date::from_ymd(r.date->year, r.date->month, r.date->day).has_value(),
            "a LegRecord's date is a calendar date");
    }
  }
  // Only the interchange reader binds its ties; a text format's parser never gives one.
  void take(const import::DraftRecord& r) {
    where(r.where);
    check(false, "a text format's parser gives no DraftRecord");
  }
  void where(const SourceLocation& at) {
    check(at.line >= 0 && at.column >= 0, "a record's place counts from 1 (0: unknown)");
    look(at.file);
  }
  void context(const import::Context& c) {
    look(c.competition);
    look(c.season);
    look(c.round);
    look(c.round_stated);
  }
  void look(const std::string& s) {
    for (char c : s) sum_ += static_cast<unsigned char>(c);
  }
  void look(const std::optional<std::string>& s) {
    if (s) look(*s);
  }

  std::size_t count_ = 0;
  unsigned sum_ = 0;
};

// Runs a line parser (parse_football_txt, parse_pairing_table, ...) over `bytes` as an import
// would, named `path`, every record through a RecordCheck.
using Parse = void (*)(std::istream&, const std::string&, const import::RecordSink&);
inline void parse_records(Parse parse, std::string_view bytes, const std::string& path) {
  expect_only_input_errors([&] {
    CheckedInput input(bytes, path);
    RecordCheck records;
    parse(input.stream(), path, std::ref(records));
  });
}

}  // namespace footballdb::fuzz
