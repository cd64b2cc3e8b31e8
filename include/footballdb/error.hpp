// The one exception type of footballdb.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "footballdb/api.hpp"

namespace footballdb {

// Stable error codes. Their names (see error_code_name) start every message and may be
// matched by scripts; new codes may be added, existing ones are never renamed.
enum class ErrorCode {
  kUsage,     // a call or command line that makes no sense ("usage")
  kInput,     // a source file that does not read as its format says ("input")
  kClub,      // a club name that is unknown or ambiguous where one club is needed ("club")
  kIo,        // a file that cannot be opened or read ("io")
  kDatabase,  // SQLite refused an operation ("database")
  kVersion,   // a database written by a newer footballdb, or not a footballdb file ("version")
  kConflict,  // data that contradicts itself or the database ("conflict")
  kInternal,  // a broken invariant: a bug in footballdb ("internal")
  kBusy,      // another connection holds the database's write lock for too long ("busy")
};

// "usage", "input", ... as listed above.
FOOTBALLDB_API std::string_view error_code_name(ErrorCode code) noexcept;

// Where in a source file something was found. Lines and columns count from 1; 0 means unknown.
struct FOOTBALLDB_API SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  // "file:line:column", leaving out the parts that are unknown.
  std::string to_string() const;
};

// Thrown by every footballdb function that fails. what() is "<code name>: <message>", for
// input errors "input: file:line:column: what was expected".
class FOOTBALLDB_API Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message);
  ErrorCode code() const noexcept { return code_; }

 private:
  ErrorCode code_;
};

// An input error at `where`: "input: file:line:column: <message>".
FOOTBALLDB_API Error input_error(const SourceLocation& where, std::string_view message);

}  // namespace footballdb
