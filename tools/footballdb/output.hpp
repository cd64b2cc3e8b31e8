// The forms query commands print in: text for people, JSON, CSV and aligned tables.
#pragma once

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>

namespace footballdb::cli {

enum class OutputFormat { kText, kJson, kCsv, kTable };

// "text", "json", "csv", "table".
inline constexpr const char* kOutputFormats[] = {"text", "json", "csv", "table"};
OutputFormat parse_output_format(const std::string& name);

// Writes `rows`, an array of JSON objects (what --json prints, one object per row), as CSV
// (RFC 4180, a header line of the columns) or as a table with aligned columns. The columns are
// the objects' keys in the order first met; a nested object's keys become columns of their own
// joined by a dot ("club_a.name"); a list of plain values is one cell, its values joined by
// "; "; a list of objects is one cell holding its JSON (CSV) or its length (table); null is an
// empty cell. `shape`, an object of the same kind, gives the columns when there are no rows.
void write_rows(std::ostream& out, const nlohmann::ordered_json& rows, OutputFormat format,
                const nlohmann::ordered_json& shape = nullptr);

}  // namespace footballdb::cli
