// Registers footballdb's SQL functions on a connection (see functions.cpp for the list).
#pragma once

struct sqlite3;

namespace footballdb::sqlext {

// Returns an SQLite result code.
int register_functions(sqlite3* db);

}  // namespace footballdb::sqlext
