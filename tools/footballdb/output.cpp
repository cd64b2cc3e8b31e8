#include "output.hpp"

#include <algorithm>
#include <ostream>
#include <utility>
#include <vector>

#include "footballdb/error.hpp"

namespace footballdb::cli {
namespace {

using json = nlohmann::ordered_json;

std::string cell_text(const json& value, OutputFormat format) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_array()) {
    const bool plain =
        std::none_of(value.begin(), value.end(), [](const json& v) { return v.is_structured(); });
    if (!plain) return format == OutputFormat::kCsv ? value.dump() : std::to_string(value.size());
    std::string joined;
    for (const json& v : value) joined += (joined.empty() ? "" : "; ") + cell_text(v, format);
    return joined;
  }
  return value.dump();
}

// The cells of one object, by column name, nested objects flattened.
void flatten(const json& object, const std::string& prefix, OutputFormat format,
             std::vector<std::pair<std::string, std::string>>& cells) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    const std::string key = prefix + it.key();
    if (it->is_object()) {
      flatten(*it, key + ".", format, cells);
    } else {
      cells.emplace_back(key, cell_text(*it, format));
    }
  }
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

// The width of `text` on a terminal: its code points (a UTF-8 continuation byte adds none).
std::size_t width(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

OutputFormat parse_output_format(const std::string& name) {
  if (name == "text") return OutputFormat::kText;
  if (name == "json") return OutputFormat::kJson;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "table") return OutputFormat::kTable;
  throw Error(ErrorCode::kUsage,
              "unknown output format '" + name + "' (known: text, json, csv, table)");
}

void write_rows(std::ostream& out, const json& rows, OutputFormat format, const json& shape) {
  std::vector<std::string> columns;
  std::vector<std::vector<std::pair<std::string, std::string>>> table;
  if (rows.empty() && shape.is_object()) {
    std::vector<std::pair<std::string, std::string>> cells;
    flatten(shape, "", format, cells);
    for (const auto& cell : cells) columns.push_back(cell.first);
  }
  for (const json& row : rows) {
    auto& cells = table.emplace_back();
    if (row.is_object()) {
      flatten(row, "", format, cells);
    } else {
      cells.emplace_back("value", cell_text(row, format));
    }
    for (const auto& [column, text] : cells) {
      if (std::find(columns.begin(), columns.end(), column) == columns.end()) {
        columns.push_back(column);
      }
    }
  }
  // Each row's cells in the order of the columns.
  std::vector<std::vector<std::string>> lines;
  lines.push_back(columns);
  for (const auto& cells : table) {
    std::vector<std::string>& line = lines.emplace_back(columns.size());
    for (const auto& [column, text] : cells) {
      line[static_cast<std::size_t>(std::find(columns.begin(), columns.end(), column) -
                                    columns.begin())] = text;
    }
  }
  if (format == OutputFormat::kCsv) {
    for (const auto& line : lines) {
      for (std::size_t i = 0; i < line.size(); ++i) {
        out << (i ? "," : "") << csv_field(line[i]);
      }
      out << "\r\n";
    }
    return;
  }
  std::vector<std::size_t> widths(columns.size(), 0);
  for (const auto& line : lines) {
    for (std::size_t i = 0; i < line.size(); ++i) widths[i] = std::max(widths[i], width(line[i]));
  }
  auto rule = [&] {
    for (std::size_t i = 0; i < widths.size(); ++i) {
      out << (i ? "-+-" : "") << std::string(widths[i], '-');
    }
    out << "\n";
  };
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const auto& line = lines[l];
    for (std::size_t i = 0; i < line.size(); ++i) {
      out << (i ? " | " : "") << line[i];
      if (i + 1 < line.size()) out << std::string(widths[i] - width(line[i]), ' ');
    }
    out << "\n";
    if (l == 0) rule();
  }
}

}  // namespace footballdb::cli
