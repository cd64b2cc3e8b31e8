// Text helpers every layer shares, below the parsers and the data-file readers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace footballdb {

inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

inline bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// Whether every byte of `s` is ASCII.
inline bool is_ascii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// ASCII lower case; other bytes unchanged.
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// `s` without leading and trailing ASCII white space.
inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

// Byte length of a dash at s[i]: 1 for '-', 3 for U+2010..U+2015 and U+2212; 0 otherwise.
inline std::size_t dash_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == '-') return 1;
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    if (b1 == 0x80 && b2 >= 0x90 && b2 <= 0x95) return 3;
    if (b1 == 0x88 && b2 == 0x92) return 3;
  }
  return 0;
}

}  // namespace footballdb
