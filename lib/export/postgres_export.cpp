// export_postgres: a psql script of the whole database (include/footballdb/export.hpp). The
// tables come from SQLite's own description of them (sqlite_schema and the table_info,
// index_list, index_xinfo and foreign_key_list pragmas), so that what later migrations add is
// exported without a change here; constraints and index conditions written in SQL are taken from
// the CREATE statements where they mean the same in PostgreSQL. The views are the hand-written
// ones of postgres_views.sql. Rows are read table by table, each one query, and written as COPY.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "export/postgres_views.hpp"
#include "footballdb/error.hpp"
#include "footballdb/export.hpp"
#include "storage/database_impl.hpp"

namespace footballdb {
namespace postgres {

std::vector<View> views() {
  std::vector<View> out;
  const std::string_view text = data::postgres_views_sql();
  constexpr std::string_view kCreate = "CREATE VIEW ";
  std::size_t at = 0;
  while ((at = text.find(kCreate, at)) != std::string_view::npos) {
    if (at > 0 && text[at - 1] != '\n') {
      at += kCreate.size();
      continue;  // "CREATE VIEW" inside a comment's prose
    }
    const std::size_t end = text.find(";\n", at);
    const std::size_t open = text.find('(', at);
    const std::size_t close = text.find(')', open);
    if (end == std::string_view::npos || open > end || close > end) {
      throw Error(ErrorCode::kInternal,
                  "postgres_views.sql: expected \"CREATE VIEW name "
                  "(column, ...) AS ...;\" at byte " +
                      std::to_string(at));
    }
    View view;
    view.name = std::string(text.substr(at + kCreate.size(), open - at - kCreate.size()));
    while (!view.name.empty() && view.name.back() == ' ') view.name.pop_back();
    std::string column;
    for (const char c : text.substr(open + 1, close - open - 1)) {
      if (c == ',') {
        view.columns.push_back(column);
        column.clear();
      } else if (!std::isspace(static_cast<unsigned char>(c)) && c != '"') {
        column += c;
      }
    }
    view.columns.push_back(column);
    view.sql = std::string(text.substr(at, end + 1 - at));
    out.push_back(std::move(view));
    at = end;
  }
  return out;
}

}  // namespace postgres

namespace {

// "name" as a PostgreSQL identifier, always quoted (so that "group", "key" or "date" are names).
std::string ident(std::string_view name) {
  std::string out = "\"";
  for (const char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// `text` as an SQL string literal.
std::string literal(std::string_view text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator = ", ") {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    out += (i ? std::string(separator) : "") + parts[i];
  }
  return out;
}

// `text` on one line, for a comment of the script: a line break in it would end the comment.
std::string one_line(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const bool blank = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (!blank) {
      out += c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::vector<std::string> quoted;
  for (const std::string& n : names) quoted.push_back(ident(n));
  return join(quoted);
}

// --- SQL text of SQLite's CREATE statements ---

struct Token {
  enum Kind { kWord, kQuoted, kString, kNumber, kBlob, kPunct } kind;
  std::string text;  // a word or quoted identifier without its quotes; else as written
};

// The tokens of `sql`, comments and blanks left out. Identifiers quoted with "", [] or `` are
// kQuoted.
std::vector<Token> tokenize(std::string_view sql) {
  std::vector<Token> out;
  std::size_t i = 0;
  const auto is_word = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
           (static_cast<unsigned char>(c) & 0x80);
  };
  while (i < sql.size()) {
    const char c = sql[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (sql.substr(i, 2) == "--") {
      i = std::min(sql.size(), sql.find('\n', i));
    } else if (sql.substr(i, 2) == "/*") {
      const std::size_t end = sql.find("*/", i + 2);
      i = end == std::string_view::npos ? sql.size() : end + 2;
    } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
      const char close = c == '[' ? ']' : c;
      std::string text;
      std::size_t j = i + 1;
      for (; j < sql.size(); ++j) {
        if (sql[j] == close && j + 1 < sql.size() && sql[j + 1] == close && close != ']') {
          text += close;
          ++j;
        } else if (sql[j] == close) {
          break;
        } else {
          text += sql[j];
        }
      }
      if (c == '\'') {
        out.push_back({Token::kString, std::string(sql.substr(i, j + 1 - i))});
      } else {
        out.push_back({Token::kQuoted, text});
      }
      i = j + 1;
    } else if ((c == 'x' || c == 'X') && i + 1 < sql.size() && sql[i + 1] == '\'') {
      const std::size_t end = sql.find('\'', i + 2);
      const std::size_t stop = end == std::string_view::npos ? sql.size() : end + 1;
      out.push_back({Token::kBlob, std::string(sql.substr(i, stop - i))});
      i = stop;
    } else if (std::isdigit(static_cast<unsigned char>(c)) ||
               (c == '.' && i + 1 < sql.size() &&
                std::isdigit(static_cast<unsigned char>(sql[i + 1])))) {
      std::size_t j = i;
      while (j < sql.size() && (is_word(sql[j]) || sql[j] == '.')) ++j;
      out.push_back({Token::kNumber, std::string(sql.substr(i, j - i))});
      i = j;
    } else if (is_word(c)) {
      std::size_t j = i;
      while (j < sql.size() && is_word(sql[j])) ++j;
      out.push_back({Token::kWord, std::string(sql.substr(i, j - i))});
      i = j;
    } else {
      std::size_t length = 1;
      for (const std::string_view op : {"<=", ">=", "<>", "!=", "==", "||", "<<", ">>"}) {
        if (sql.substr(i, 2) == op) length = 2;
      }
      out.push_back({Token::kPunct, std::string(sql.substr(i, length))});
      i += length;
    }
  }
  return out;
}

bool is(const Token& t, std::string_view word) {
  return t.kind == Token::kWord && upper(t.text) == word;
}

bool is_punct(const Token& t, std::string_view p) { return t.kind == Token::kPunct && t.text == p; }

using Tokens = std::vector<Token>;

// The index of the ')' that closes the '(' at `open`; tokens.size() when none does.
std::size_t matching(const Tokens& tokens, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < tokens.size(); ++i) {
    if (is_punct(tokens[i], "(")) ++depth;
    if (is_punct(tokens[i], ")") && --depth == 0) return i;
  }
  return tokens.size();
}

// The words of SQL expressions that mean the same in both.
const std::set<std::string> kKeywords = {"AND",  "OR",   "NOT",  "IS",   "NULL", "IN",   "BETWEEN",
                                         "CASE", "WHEN", "THEN", "ELSE", "END",  "TRUE", "FALSE"};

// `parts` joined by blanks, but none just inside brackets or before a comma.
std::string spaced(const std::vector<std::string>& parts) {
  std::string text;
  for (const std::string& part : parts) {
    const bool tight = text.empty() || text.back() == '(' || part == ")" || part == ",";
    text += (tight ? "" : " ") + part;
  }
  return text;
}

// SQL expressions (a CHECK, an index's WHERE) in PostgreSQL's words, or nullopt when they hold
// anything PostgreSQL could read otherwise: only comparisons, arithmetic, AND/OR/NOT, IS NULL,
// IN, BETWEEN, CASE, CAST, literals, the table's columns and a few functions that mean the same
// in both (length, trim, upper, lower, substr, abs, coalesce, nullif) pass. GLOB, LIKE, date(),
// json_valid() and the like do not. `columns`: the table's, by their lower-case names.
std::optional<std::string> portable(const Tokens& tokens, std::size_t begin, std::size_t end,
                                    const std::map<std::string, std::string>& columns) {
  static const std::set<std::string> kFunctions = {
      "LENGTH", "TRIM", "UPPER", "LOWER", "SUBSTR", "ABS", "COALESCE", "NULLIF", "LTRIM", "RTRIM"};
  static const std::set<std::string> kPunct = {"(", ")", ",",  ".",  "+", "-",  "*",  "/", "%",
                                               "<", ">", "<=", ">=", "=", "<>", "!=", "||"};
  static const std::map<std::string, std::string> kTypes = {
      {"INTEGER", "bigint"}, {"INT", "bigint"}, {"TEXT", "text"}, {"REAL", "double precision"}};
  std::vector<std::string> out;
  for (std::size_t i = begin; i < end; ++i) {
    const Token& t = tokens[i];
    const bool call = i + 1 < end && is_punct(tokens[i + 1], "(");
    const std::string word = upper(t.text);
    if (t.kind == Token::kString) {
      out.push_back(t.text);
    } else if (t.kind == Token::kNumber) {
      if (word.rfind("0X", 0) == 0) return std::nullopt;
      out.push_back(t.text);
    } else if (t.kind == Token::kPunct) {
      if (t.text == "==") {
        out.emplace_back("=");
      } else if (kPunct.count(t.text)) {
        out.push_back(t.text);
      } else {
        return std::nullopt;
      }
    } else if (t.kind == Token::kWord && word == "IS") {
      // SQLite's IS compares any two values; PostgreSQL's only with NULL.
      const bool negated = i + 1 < end && is(tokens[i + 1], "NOT");
      const std::size_t next = i + (negated ? 2 : 1);
      if (next < end && is(tokens[next], "NULL")) {
        out.emplace_back(negated ? "IS NOT NULL" : "IS NULL");
        i = next;
      } else {
        out.emplace_back(negated ? "IS DISTINCT FROM" : "IS NOT DISTINCT FROM");
        i = next - 1;
      }
    } else if (t.kind == Token::kWord && word == "CAST" && call) {
      // CAST(x AS type): the type in PostgreSQL's name.
      const std::size_t close = matching(tokens, i + 1);
      if (close >= end || close < i + 4 || !is(tokens[close - 2], "AS")) return std::nullopt;
      const auto type = kTypes.find(upper(tokens[close - 1].text));
      if (type == kTypes.end()) return std::nullopt;
      const auto inner = portable(tokens, i + 2, close - 2, columns);
      if (!inner) return std::nullopt;
      out.push_back("CAST(" + *inner + " AS " + type->second + ")");
      i = close;
    } else if (const auto column = columns.find(lower(t.text));
               (t.kind == Token::kWord || t.kind == Token::kQuoted) && !call &&
               column != columns.end()) {
      out.push_back(ident(column->second));
    } else if (t.kind == Token::kWord && call && kFunctions.count(word)) {
      out.push_back(t.text + "(");
      ++i;  // the '(' is written with the name
    } else if (t.kind == Token::kWord && kKeywords.count(word)) {
      out.push_back(word);  // IN (...), NOT (...) too
    } else {
      return std::nullopt;
    }
  }
  return spaced(out);
}

// What a CREATE TABLE says that the pragmas do not: each column's collation and CHECKs, and the
// table's CHECKs.
struct TableText {
  std::map<std::string, std::string> collation;             // column -> "NOCASE", ...
  std::vector<std::pair<std::size_t, std::size_t>> checks;  // token ranges of CHECK (...) bodies
  Tokens tokens;
};

TableText read_create_table(const std::string& sql) {
  TableText out;
  out.tokens = tokenize(sql);
  const Tokens& t = out.tokens;
  std::size_t open = 0;
  while (open < t.size() && !is_punct(t[open], "(")) ++open;
  const std::size_t close = matching(t, open);
  // Definitions: the parts between commas at the top level of the brackets.
  std::size_t start = open + 1;
  for (std::size_t i = open + 1; i <= close && i < t.size(); ++i) {
    if (is_punct(t[i], "(")) {
      i = matching(t, i);
      continue;
    }
    if (i != close && !is_punct(t[i], ",")) continue;
    if (start < i) {
      const bool constraint = is(t[start], "CONSTRAINT") || is(t[start], "PRIMARY") ||
                              is(t[start], "UNIQUE") || is(t[start], "FOREIGN") ||
                              is(t[start], "CHECK");
      for (std::size_t j = start + (constraint ? 0 : 1); j < i; ++j) {
        if (is_punct(t[j], "(")) {
          j = matching(t, j);
        } else if (is(t[j], "CHECK") && j + 1 < i && is_punct(t[j + 1], "(")) {
          const std::size_t end = matching(t, j + 1);
          out.checks.emplace_back(j + 2, end);
          j = end;
        } else if (!constraint && is(t[j], "COLLATE") && j + 1 < i) {
          out.collation[t[start].text] = upper(t[j + 1].text);
        }
      }
    }
    start = i + 1;
  }
  return out;
}

// --- The tables ---

struct Column {
  std::string name;
  std::string type;  // PostgreSQL's
  bool not_null = false;
  std::optional<std::string> default_value;  // SQL, when PostgreSQL reads it alike
  std::optional<std::string> collation;      // "NOCASE", ...
  int pk = 0;                                // place in the primary key, from 1; 0: none
};

struct Table {
  std::string name;
  std::vector<Column> columns;
  bool rowid_alias = false;  // its one INTEGER PRIMARY KEY is the rowid: an identity column
  std::vector<std::string> primary_key;
  std::vector<std::vector<std::string>> unique;
  std::vector<std::string> checks;        // portable, PostgreSQL's words
  std::vector<std::string> not_portable;  // CHECKs left out, SQLite's words
};

// PostgreSQL's type for a column SQLite declares `declared` (by SQLite's rules of affinity:
// INT -> bigint; CHAR, CLOB, TEXT -> text; BLOB -> bytea; REAL, FLOA, DOUB -> double precision;
// none or ANY -> text; the rest, numeric).
std::string type_of(const std::string& declared) {
  const std::string d = upper(declared);
  const auto has = [&d](const char* part) { return d.find(part) != std::string::npos; };
  if (has("INT")) return "bigint";
  if (has("CHAR") || has("CLOB") || has("TEXT")) return "text";
  if (has("BLOB")) return "bytea";
  if (has("REAL") || has("FLOA") || has("DOUB")) return "double precision";
  if (d.empty() || d == "ANY") return "text";
  return "numeric";
}

// The SQL of a default PostgreSQL reads alike: a number or a string literal.
std::optional<std::string> default_of(const SQLite::Column& value) {
  if (value.isNull()) return std::nullopt;
  const Tokens t = tokenize(value.getString());
  std::size_t i = 0;
  std::string sign;
  if (t.size() == 2 && (is_punct(t[0], "-") || is_punct(t[0], "+"))) sign = t[i++].text;
  if (t.size() != i + 1) return std::nullopt;
  if (t[i].kind == Token::kString && sign.empty()) return t[i].text;
  if (t[i].kind == Token::kNumber && upper(t[i].text).rfind("0X", 0) != 0) return sign + t[i].text;
  return std::nullopt;
}

Table read_table(SQLite::Database& db, const std::string& name, const std::string& sql) {
  Table table;
  table.name = name;
  const TableText text = read_create_table(sql);
  std::map<std::string, std::string> names;  // lower-case -> as declared
  {
    SQLite::Statement q(db,
                        "SELECT name, type, \"notnull\", dflt_value, pk FROM "
                        "pragma_table_info(?) ORDER BY cid");
    q.bind(1, name);
    while (q.executeStep()) {
      Column c;
      c.name = q.getColumn(0).getString();
      c.type = type_of(q.getColumn(1).getString());
      c.not_null = q.getColumn(2).getInt() != 0;
      c.default_value = default_of(q.getColumn(3));
      c.pk = q.getColumn(4).getInt();
      if (const auto it = text.collation.find(c.name); it != text.collation.end()) {
        c.collation = it->second;
      }
      names.emplace(lower(c.name), c.name);
      table.columns.push_back(std::move(c));
    }
  }
  std::vector<const Column*> pk;
  for (const Column& c : table.columns) {
    if (c.pk > 0) pk.push_back(&c);
  }
  std::sort(pk.begin(), pk.end(), [](const Column* a, const Column* b) { return a->pk < b->pk; });
  for (const Column* c : pk) table.primary_key.push_back(c->name);
  bool without_rowid = false;
  {
    SQLite::Statement q(db, "SELECT wr FROM pragma_table_list(?) WHERE schema = 'main'");
    q.bind(1, name);
    if (q.executeStep()) without_rowid = q.getColumn(0).getInt() != 0;
  }
  {
    SQLite::Statement q(db, "SELECT type FROM pragma_table_info(?) WHERE pk = 1");
    q.bind(1, name);
    table.rowid_alias = !without_rowid && pk.size() == 1 && q.executeStep() &&
                        upper(q.getColumn(0).getString()) == "INTEGER";
  }
  {
    SQLite::Statement q(
        db, "SELECT name FROM pragma_index_list(?) WHERE origin = 'u' ORDER BY seq DESC");
    q.bind(1, name);
    while (q.executeStep()) {
      SQLite::Statement cols(db, "SELECT name FROM pragma_index_info(?) ORDER BY seqno");
      cols.bind(1, q.getColumn(0).getString());
      std::vector<std::string> unique;
      while (cols.executeStep()) unique.push_back(cols.getColumn(0).getString());
      table.unique.push_back(std::move(unique));
    }
  }
  for (const auto& [begin, end] : text.checks) {
    if (auto check = portable(text.tokens, begin, end, names)) {
      table.checks.push_back(*check);
    } else {
      std::vector<std::string> words;
      for (std::size_t i = begin; i < end; ++i) {
        const Token& t = text.tokens[i];
        const bool call = i + 1 < end && is_punct(text.tokens[i + 1], "(") &&
                          t.kind == Token::kWord && !kKeywords.count(upper(t.text));
        words.push_back((t.kind == Token::kQuoted ? ident(t.text) : t.text) + (call ? "(" : ""));
        if (call) ++i;
      }
      table.not_portable.push_back(one_line(spaced(words)));
    }
  }
  return table;
}

// --- The script ---

// A value of a COPY text row: \N for NULL, backslash escapes for the rest.
void copy_value(std::ostream& out, const SQLite::Column& v) {
  if (v.isNull()) {
    out << "\\N";
  } else if (v.isInteger()) {
    out << v.getInt64();
  } else if (v.isFloat()) {
    const double d = v.getDouble();
    if (std::isnan(d)) {
      out << "NaN";
    } else if (std::isinf(d)) {
      out << (d > 0 ? "Infinity" : "-Infinity");
    } else {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.17g", d);
      out << buffer;
    }
  } else if (v.isBlob()) {
    static constexpr char kHex[] = "0123456789abcdef";
    const auto* bytes = static_cast<const unsigned char*>(v.getBlob());
    out << "\\\\x";
    for (int i = 0; i < v.getBytes(); ++i) out << kHex[bytes[i] >> 4] << kHex[bytes[i] & 15];
  } else {
    const std::string text = v.getString();
    if (text.find('\0') != std::string::npos) {
      throw Error(ErrorCode::kInput, "a text holds a NUL byte, which PostgreSQL cannot store");
    }
    for (const char c : text) {
      switch (c) {
        case '\\':
          out << "\\\\";
          break;
        case '\n':
          out << "\\n";
          break;
        case '\r':
          out << "\\r";
          break;
        case '\t':
          out << "\\t";
          break;
        default:
          out << c;
      }
    }
  }
}

void create_table(std::ostream& out, const Table& table) {
  std::vector<std::string> lines;
  for (const Column& c : table.columns) {
    std::string line = ident(c.name) + " " + c.type;
    if (c.collation == "NOCASE") line += " COLLATE nocase";
    if (table.rowid_alias && c.pk == 1) {
      line += " GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
    } else if (c.not_null) {
      line += " NOT NULL";
    }
    if (c.default_value) line += " DEFAULT " + *c.default_value;
    lines.push_back(line);
  }
  if (!table.rowid_alias && !table.primary_key.empty()) {
    lines.push_back("PRIMARY KEY (" + quoted_list(table.primary_key) + ")");
  }
  for (const auto& u : table.unique) lines.push_back("UNIQUE (" + quoted_list(u) + ")");
  for (const std::string& check : table.checks) lines.push_back("CHECK (" + check + ")");
  out << "\nCREATE TABLE " << ident(table.name) << " (\n  " << join(lines, ",\n  ") << "\n);\n";
  for (const std::string& check : table.not_portable) {
    out << "-- not written, for PostgreSQL reads it otherwise: CHECK (" << check << ")\n";
  }
}

void copy_rows(std::ostream& out, SQLite::Database& db, const Table& table) {
  std::vector<std::string> names;
  for (const Column& c : table.columns) names.push_back(c.name);
  std::vector<std::string> order = table.primary_key;
  std::string sql = "SELECT " + quoted_list(names) + " FROM " + ident(table.name);
  sql += order.empty() ? " ORDER BY rowid" : " ORDER BY " + quoted_list(order);
  SQLite::Statement q(db, sql);
  out << "\nCOPY " << ident(table.name) << " (" << quoted_list(names) << ") FROM stdin;\n";
  const int columns = q.getColumnCount();
  while (q.executeStep()) {
    for (int i = 0; i < columns; ++i) {
      if (i) out << '\t';
      copy_value(out, q.getColumn(i));
    }
    out << '\n';
  }
  out << "\\.\n";
}

void foreign_keys(std::ostream& out, SQLite::Database& db, const Table& table,
                  const std::map<std::string, Table>& tables) {
  SQLite::Statement q(db,
                      "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM "
                      "pragma_foreign_key_list(?) ORDER BY id, seq");
  q.bind(1, table.name);
  struct Key {
    std::string parent;
    std::vector<std::string> from, to;
    std::string on_update, on_delete;
  };
  std::map<int, Key> keys;
  while (q.executeStep()) {
    Key& k = keys[q.getColumn(0).getInt()];
    k.parent = q.getColumn(1).getString();
    k.from.push_back(q.getColumn(2).getString());
    if (!q.getColumn(3).isNull()) k.to.push_back(q.getColumn(3).getString());
    k.on_update = q.getColumn(4).getString();
    k.on_delete = q.getColumn(5).getString();
  }
  for (auto& [id, k] : keys) {
    const auto parent = tables.find(k.parent);
    if (parent == tables.end()) {
      out << "-- not written: " << one_line(table.name) << " refers to " << one_line(k.parent)
          << ", which is no table\n";
      continue;
    }
    if (k.to.empty()) k.to = parent->second.primary_key;
    // PostgreSQL refers only to a primary key or a UNIQUE set of columns.
    std::vector<std::string> sorted_to = k.to;
    std::sort(sorted_to.begin(), sorted_to.end());
    bool unique = false;
    std::vector<std::vector<std::string>> keys_of_parent = parent->second.unique;
    keys_of_parent.push_back(parent->second.primary_key);
    for (std::vector<std::string> u : keys_of_parent) {
      std::sort(u.begin(), u.end());
      unique = unique || u == sorted_to;
    }
    if (!unique) {
      out << "-- not written: " << one_line(table.name) << " (" << one_line(join(k.from))
          << ") refers to " << one_line(k.parent) << " (" << one_line(join(k.to))
          << "), which is no key\n";
      continue;
    }
    out << "ALTER TABLE " << ident(table.name) << " ADD FOREIGN KEY (" << quoted_list(k.from)
        << ") REFERENCES " << ident(k.parent) << " (" << quoted_list(k.to) << ")";
    if (k.on_delete != "NO ACTION") out << " ON DELETE " << k.on_delete;
    if (k.on_update != "NO ACTION") out << " ON UPDATE " << k.on_update;
    out << ";\n";
  }
}

// CREATE INDEX for the index `name` of `table` (its key columns, their order and collation, and
// the WHERE of a partial index), or a comment when PostgreSQL would read it otherwise.
void create_index(std::ostream& out, SQLite::Database& db, const std::string& name,
                  const Table& table, const std::string& sql) {
  SQLite::Statement q(db,
                      "SELECT cid, name, \"desc\", coll FROM pragma_index_xinfo(?) "
                      "WHERE key = 1 ORDER BY seqno");
  q.bind(1, name);
  std::vector<std::string> keys;
  while (q.executeStep()) {
    if (q.getColumn(0).getInt() < 0) {
      out << "-- not written: the index " << one_line(name) << " on an expression or the rowid\n";
      return;
    }
    const std::string column = q.getColumn(1).getString();
    std::string key = ident(column);
    std::optional<std::string> declared;
    for (const Column& c : table.columns) {
      if (c.name == column) declared = c.collation;
    }
    const std::string coll = upper(q.getColumn(3).getString());
    if (coll != declared.value_or("BINARY")) {
      key += coll == "NOCASE" ? " COLLATE nocase" : " COLLATE \"C\"";
    }
    if (q.getColumn(2).getInt() != 0) key += " DESC";
    keys.push_back(key);
  }
  const Tokens t = tokenize(sql);
  const bool unique = t.size() > 1 && is(t[1], "UNIQUE");
  std::string where;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!is(t[i], "WHERE")) continue;
    std::map<std::string, std::string> columns;
    for (const Column& c : table.columns) columns.emplace(lower(c.name), c.name);
    const auto condition = portable(t, i + 1, t.size(), columns);
    if (!condition) {
      out << "-- not written, for PostgreSQL reads it otherwise: " << one_line(sql) << "\n";
      return;
    }
    where = " WHERE " + *condition;
    break;
  }
  out << "CREATE " << (unique ? "UNIQUE " : "") << "INDEX " << ident(name) << " ON "
      << ident(table.name) << " (" << join(keys) << ")" << where << ";\n";
}

void check_schema_name(const std::string& schema) {
  const bool ok = !schema.empty() && schema.size() <= 63 &&
                  !std::isdigit(static_cast<unsigned char>(schema[0])) &&
                  std::all_of(schema.begin(), schema.end(), [](char c) {
                    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
                  });
  if (!ok) {
    throw Error(ErrorCode::kUsage, "'" + schema +
                                       "' is no schema name: expected lower-case "
                                       "letters, digits and '_', not starting with a digit");
  }
}

}  // namespace

void export_postgres(const Database& db, std::ostream& out,
                     const PostgresExportOptions& options) try {
  check_schema_name(options.schema);
  SQLite::Database& sqlite = detail::DatabaseAccess::sqlite(db);
  const storage::StatementCache::Scope statements_in_use(detail::DatabaseAccess::statements(db));
  // One read transaction: the tables agree with each other whatever other connections do.
  SQLite::Transaction snapshot(sqlite);

  std::map<std::string, Table> tables;
  std::vector<std::string> order;                            // by name
  std::vector<std::pair<std::string, std::string>> indexes;  // name, table
  std::vector<std::string> sqlite_views;
  std::vector<std::string> triggers;
  std::map<std::string, std::string> index_sql;
  {
    SQLite::Statement q(sqlite,
                        "SELECT type, name, tbl_name, sql FROM sqlite_schema "
                        "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    while (q.executeStep()) {
      const std::string type = q.getColumn(0).getString();
      const std::string name = q.getColumn(1).getString();
      if (type == "table") {
        order.push_back(name);
        tables.emplace(name, read_table(sqlite, name, q.getColumn(3).getString()));
      } else if (type == "index" && !q.getColumn(3).isNull()) {
        indexes.emplace_back(name, q.getColumn(2).getString());
        index_sql[name] = q.getColumn(3).getString();
      } else if (type == "view") {
        sqlite_views.push_back(name);
      } else if (type == "trigger") {
        triggers.push_back(name);
      }
    }
  }
  const bool nocase = std::any_of(tables.begin(), tables.end(), [](const auto& t) {
    return std::any_of(t.second.columns.begin(), t.second.columns.end(),
                       [](const Column& c) { return c.collation == "NOCASE"; });
  });

  const std::string schema = ident(options.schema);
  out << "-- footballdb (schema version " << db.schema_version()
      << ") for PostgreSQL, written by footballdb export --format postgres.\n"
         "-- Load it with psql: psql -v ON_ERROR_STOP=1 -d DATABASE -f FILE. One transaction:\n"
         "-- everything is loaded, or, on any error, nothing.\n"
         "\\set ON_ERROR_STOP on\n"
         "SET client_encoding = 'UTF8';\n"
         "SET standard_conforming_strings = on;\n"
         "BEGIN;\n";
  if (options.schema != "public") out << "CREATE SCHEMA " << schema << ";\n";
  out << "SET LOCAL search_path = " << schema << ";\n";
  if (nocase) {
    out << "-- SQLite's COLLATE NOCASE: equal but for case.\n"
           "CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', "
           "deterministic = false);\n";
  }
  for (const std::string& name : order) create_table(out, tables.at(name));
  for (const std::string& name : order) copy_rows(out, sqlite, tables.at(name));
  // Each id column's next value follows its highest id (a DO block: setval's results unprinted).
  bool sequences = false;
  for (const std::string& name : order) {
    const Table& t = tables.at(name);
    if (!t.rowid_alias) continue;
    if (!sequences) out << "\nDO $$\nBEGIN\n";
    sequences = true;
    const std::string id = ident(t.primary_key.front());
    out << "  PERFORM setval(pg_get_serial_sequence(" << literal(schema + "." + ident(name)) << ", "
        << literal(t.primary_key.front()) << "), max(" << id << ")) FROM " << ident(name)
        << " HAVING max(" << id << ") IS NOT NULL;\n";
  }
  if (sequences) out << "END\n$$;\n";
  out << "\n";
  for (const std::string& name : order) foreign_keys(out, sqlite, tables.at(name), tables);
  out << "\n";
  for (const auto& [index, table] : indexes) {
    create_index(out, sqlite, index, tables.at(table), index_sql.at(index));
  }
  const std::vector<postgres::View> views = postgres::views();
  for (const postgres::View& view : views) {
    if (std::find(sqlite_views.begin(), sqlite_views.end(), view.name) == sqlite_views.end()) {
      continue;
    }
    out << "\n" << view.sql << "\n";
  }
  for (const std::string& name : sqlite_views) {
    if (std::none_of(views.begin(), views.end(),
                     [&name](const postgres::View& v) { return v.name == name; })) {
      out << "-- not written: the view " << one_line(name)
          << ", which is not footballdb's (its SQL is SQLite's)\n";
    }
  }
  if (!triggers.empty()) {
    std::sort(triggers.begin(), triggers.end());
    out << "-- not written: SQLite's triggers " << one_line(join(triggers)) << "\n";
  }
  out << "\nCOMMIT;\n";
  snapshot.commit();
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

}  // namespace footballdb
