// The hard limits of an import. Beyond them a source is refused with an input error at
// file:line (README: "Limits"): nothing real comes near them, and they keep the cost of one
// hostile file bounded.
#pragma once

#include <cstddef>

namespace footballdb::import {

// A source file, any format (every format is read as a stream; this bounds the database's
// growth from one file).
inline constexpr std::size_t kMaxSourceBytes = std::size_t{4} << 30;  // 4 GiB
// A source that is no regular file (a pipe, standard input) is read once into memory.
inline constexpr std::size_t kMaxStreamBytes = std::size_t{512} << 20;  // 512 MiB
// One line of a line-based format (all but JSON, whose documents may be one line).
inline constexpr std::size_t kMaxLineBytes = std::size_t{1} << 20;  // 1 MiB
// A club name as a source writes it (the longest real ones have some 60 characters).
inline constexpr std::size_t kMaxNameBytes = std::size_t{64} << 10;  // 64 KiB
// How deeply a JSON document's arrays and objects nest (footballdb's own documents: 4).
inline constexpr int kMaxJsonDepth = 32;

}  // namespace footballdb::import
