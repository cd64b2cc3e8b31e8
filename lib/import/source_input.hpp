// A source file's bytes as an import reads them: hashed, sniffed and parsed from one content,
// and checked to be text (UTF-8, no NUL byte) as the parsers read it.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <streambuf>
#include <string>

namespace footballdb::import {

// A source to import. A regular file is read where it lies; anything else (a pipe such as
// `<(cat file)`, standard input) is read once into memory, so that the hash, the format's
// sniffing and the parser all see the same bytes. Throws Error(kIo) when it cannot be read,
// input_error when it is empty or larger than the limits (kMaxSourceBytes, kMaxStreamBytes).
class SourceInput {
 public:
  SourceInput(const std::string& path, const std::string& given);

  // The SHA-256 of the content, lower-case hex.
  std::string sha256() const;
  // The first `n` bytes (fewer when the content is shorter).
  std::string head(std::size_t n) const;
  std::size_t size() const { return size_; }
  // The content from its start, as a new stream buffer.
  std::unique_ptr<std::streambuf> open() const;

 private:
  std::string path_;
  std::string given_;
  bool in_memory_ = false;
  std::string content_;  // when in_memory_
  std::size_t size_ = 0;
};

// Reads a source through `source`, checking that it is UTF-8 text: a NUL byte or a byte that
// begins no UTF-8 sequence (or breaks one) throws input_error at its file:line:column, so no
// such text reaches the database; so does a line longer than `max_line_bytes` (0: no limit).
// Reports how far reading got to `progress`, when given, at most every kInterval. Seeking is
// to the start only (a parser that reads the header twice).
class CheckedText : public std::streambuf {
 public:
  using Progress = std::function<void(const std::string&, std::size_t, std::size_t)>;
  static constexpr std::chrono::milliseconds kInterval{250};

  CheckedText(std::streambuf& source, std::string path, std::size_t total, Progress progress,
              std::size_t max_line_bytes = 0);

 protected:
  int_type underflow() override;
  pos_type seekoff(off_type off, std::ios_base::seekdir dir, std::ios_base::openmode) override;
  pos_type seekpos(pos_type pos, std::ios_base::openmode) override;

 private:
  void check(const char* data, std::size_t n);
  void reset();

  std::streambuf& source_;
  std::string path_;
  std::size_t total_;
  Progress progress_;
  std::size_t max_line_bytes_;
  std::size_t line_bytes_ = 0;
  std::chrono::steady_clock::time_point last_;
  std::size_t done_ = 0;
  // The UTF-8 decoder: continuation bytes still expected, the range the next one must be in.
  int pending_ = 0;
  unsigned char low_ = 0x80, high_ = 0xBF;
  int line_ = 1, column_ = 0;
  std::array<char, 1 << 16> buffer_{};
};

}  // namespace footballdb::import
