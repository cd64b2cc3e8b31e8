#include "import/source_input.hpp"

#include <openssl/evp.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include "footballdb/error.hpp"
#include "import/limits.hpp"

namespace footballdb::import {
namespace {

std::string hex_of(const unsigned char* digest, unsigned int size) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

}  // namespace

SourceInput::SourceInput(const std::string& path, const std::string& given)
    : path_(path), given_(given) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw Error(ErrorCode::kIo, "'" + given + "' is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kIo, "cannot open '" + given + "'");
  if (std::filesystem::is_regular_file(path, ec)) {
    size_ = static_cast<std::size_t>(std::filesystem::file_size(path, ec));
    if (size_ > kMaxSourceBytes) {
      throw input_error({given, 0, 0}, "expected a source of at most " +
                                           std::to_string(kMaxSourceBytes >> 20) + " MiB, got " +
                                           std::to_string(size_ >> 20) + " MiB");
    }
  } else {
    // A pipe can be read once: keep what it gives.
    in_memory_ = true;
    std::vector<char> buffer(1 << 16);
    while (in) {
      in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      content_.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
      if (content_.size() > kMaxStreamBytes) {
        throw input_error({given, 0, 0},
                          "expected a stream of at most " + std::to_string(kMaxStreamBytes >> 20) +
                              " MiB (import a larger source from a file)");
      }
    }
    if (in.bad()) throw Error(ErrorCode::kIo, "cannot read '" + given + "'");
    size_ = content_.size();
  }
  if (size_ == 0) throw input_error({given, 0, 0}, "expected a source, got no bytes at all");
}

std::string SourceInput::sha256() const {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> md(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!md || EVP_DigestInit_ex(md.get(), EVP_sha256(), nullptr) != 1) {
    throw Error(ErrorCode::kInternal, "SHA-256 is not available");
  }
  if (in_memory_) {
    EVP_DigestUpdate(md.get(), content_.data(), content_.size());
  } else {
    std::ifstream in(path_, std::ios::binary);
    if (!in) throw Error(ErrorCode::kIo, "cannot open '" + given_ + "'");
    std::vector<char> buffer(1 << 16);
    while (in) {
      in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      EVP_DigestUpdate(md.get(), buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) throw Error(ErrorCode::kIo, "cannot read '" + given_ + "'");
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestFinal_ex(md.get(), digest, &size);
  return hex_of(digest, size);
}

std::string SourceInput::head(std::size_t n) const {
  if (in_memory_) return content_.substr(0, n);
  std::ifstream in(path_, std::ios::binary);
  std::string head(n, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

std::unique_ptr<std::streambuf> SourceInput::open() const {
  if (in_memory_) return std::make_unique<std::stringbuf>(content_, std::ios_base::in);
  auto file = std::make_unique<std::filebuf>();
  if (!file->open(path_, std::ios::in | std::ios::binary)) {
    throw Error(ErrorCode::kIo, "cannot open '" + given_ + "'");
  }
  return file;
}

CheckedText::CheckedText(std::streambuf& source, std::string path, std::size_t total,
                         Progress progress, std::size_t max_line_bytes)
    : source_(source), path_(std::move(path)), total_(total), progress_(std::move(progress)),
      max_line_bytes_(max_line_bytes), last_(std::chrono::steady_clock::now()) {}

void CheckedText::reset() {
  done_ = 0;
  pending_ = 0;
  low_ = 0x80;
  high_ = 0xBF;
  line_ = 1;
  column_ = 0;
  line_bytes_ = 0;
}

void CheckedText::check(const char* data, std::size_t n) {
  auto fail = [&](unsigned char byte, const char* what) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", byte);
    throw input_error({path_, line_, column_}, std::string("expected UTF-8 text, got ") + what +
                                                   " (byte " + hex + ")");
  };
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(data[i]);
    if (max_line_bytes_ != 0 && ++line_bytes_ > max_line_bytes_ && c != '\n') {
      throw input_error({path_, line_, 0}, "expected a line of at most " +
                                               std::to_string(max_line_bytes_ >> 10) +
                                               " KiB; this one is longer");
    }
    if (pending_ > 0) {
      if (c < low_ || c > high_) fail(c, "a broken UTF-8 sequence");
      low_ = 0x80;
      high_ = 0xBF;
      --pending_;
      continue;
    }
    if (c == '\n') {
      ++line_;
      column_ = 0;
      line_bytes_ = 0;
      continue;
    }
    ++column_;
    if (c < 0x80) {
      if (c == 0) fail(c, "a NUL byte");
      continue;
    }
    // RFC 3629: the lead byte says how many continuation bytes follow and, for E0, ED, F0 and
    // F4, the range of the first (no overlong forms, no surrogates, nothing above U+10FFFF).
    if (c >= 0xC2 && c <= 0xDF) {
      pending_ = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      pending_ = 2;
      if (c == 0xE0) low_ = 0xA0;
      if (c == 0xED) high_ = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      pending_ = 3;
      if (c == 0xF0) low_ = 0x90;
      if (c == 0xF4) high_ = 0x8F;
    } else {
      fail(c, "a byte that begins no UTF-8 character");
    }
  }
}

CheckedText::int_type CheckedText::underflow() {
  const std::streamsize n =
      source_.sgetn(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  if (n <= 0) {
    if (pending_ > 0) {
      throw input_error({path_, line_, column_},
                        "expected UTF-8 text, got a UTF-8 sequence cut off by the end of the file");
    }
    return traits_type::eof();
  }
  check(buffer_.data(), static_cast<std::size_t>(n));
  done_ += static_cast<std::size_t>(n);
  setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
  if (progress_) {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ >= kInterval) {
      last_ = now;
      progress_(path_, done_, total_);
    }
  }
  return traits_type::to_int_type(buffer_[0]);
}

CheckedText::pos_type CheckedText::seekoff(off_type off, std::ios_base::seekdir dir,
                                           std::ios_base::openmode which) {
  if (dir == std::ios_base::beg) return seekpos(off, which);
  if (dir == std::ios_base::cur && off == 0) {
    // tellg(): where the reader is.
    return pos_type(static_cast<off_type>(done_) - (egptr() - gptr()));
  }
  return pos_type(off_type(-1));
}

CheckedText::pos_type CheckedText::seekpos(pos_type pos, std::ios_base::openmode) {
  if (pos != pos_type(0)) return pos_type(off_type(-1));
  const pos_type at = source_.pubseekpos(0, std::ios_base::in);
  if (at == pos_type(off_type(-1))) return at;
  setg(nullptr, nullptr, nullptr);
  reset();
  return at;
}

}  // namespace footballdb::import
