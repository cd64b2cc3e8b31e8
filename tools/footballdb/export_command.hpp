// `footballdb export`: which format, where it goes, and the checks of its options.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "footballdb/database.hpp"

namespace footballdb::cli {

// The formats of --format, the default first.
const std::vector<std::string>& export_formats();

struct ExportRequest {
  std::optional<std::string> format;     // --format; nullopt: JSON
  bool json = false;                     // --json, the same as --format json
  std::string output;                    // -o: a file, or a directory; empty: standard output
  std::optional<std::string> pg_schema;  // --pg-schema, for postgres only
};

// The format `request` asks for. Throws Error(kUsage) when its options do not go together
// (--json with another --format; csv, whose two files need a directory, without -o;
// --pg-schema with another format than postgres). Call it
// before the database is opened: a usage error is one whatever the database.
std::string export_format(const ExportRequest& request);

// Writes the export `request` asks for. Throws Error(kIo) for an output that cannot be
// created or written.
void run_export(const Database& db, const ExportRequest& request);

}  // namespace footballdb::cli
