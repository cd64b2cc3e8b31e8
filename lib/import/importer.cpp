// import_files: one transaction over every file, format detection, content hashes.
#include <chrono>
#include <ctime>
#include <filesystem>
#include <functional>
#include <istream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <streambuf>

#include "footballdb/error.hpp"
#include "footballdb/import.hpp"
#include "import/assembler.hpp"
#include "import/formats/aggregate_lines.hpp"
#include "import/formats/csv.hpp"
#include "import/formats/football_txt.hpp"
#include "import/formats/pairing_table.hpp"
#include "import/formats/result_lines.hpp"
#include "import/import_context.hpp"
#include "import/limits.hpp"
#include "import/source_input.hpp"
#include "interchange/json_reader.hpp"
#include "storage/database_impl.hpp"
#include "storage/deferred_indexes.hpp"
#include "storage/integrity.hpp"
#include "storage/store.hpp"
#include "storage/write_transaction.hpp"

namespace footballdb {
namespace {

constexpr std::size_t kSniffBytes = 4096;

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Every record a parser reads goes through the assembler into the store.
void assemble(import::ImportContext& context,
              const std::function<void(const import::RecordSink&)>& parse) {
  import::Assembler assembler(context);
  parse([&assembler](import::Record&& record) { assembler(std::move(record)); });
  assembler.finish();
}

template <void (*Parse)(std::istream&, const std::string&, const import::RecordSink&)>
void run_records(std::istream& in, import::ImportContext& context) {
  assemble(context, [&](const import::RecordSink& sink) { Parse(in, context.path, sink); });
}

void run_json(std::istream& in, import::ImportContext& context) {
  assemble(context,
           [&](const import::RecordSink& sink) { interchange::read_json(in, context, sink); });
}

void run_csv(std::istream& in, import::ImportContext& context) {
  import::CsvMapping mapping;
  if (context.options.csv_mapping) {
    mapping = import::parse_csv_mapping(*context.options.csv_mapping);
  } else {
    std::string header;
    std::getline(in, header);
    in.seekg(0);
    auto builtin = import::builtin_csv_mapping(header);
    if (!builtin) {
      throw Error(ErrorCode::kUsage, context.path + ": no built-in mapping knows these columns; "
                                                    "name them with --mapping");
    }
    mapping = *builtin;
  }
  assemble(context, [&](const import::RecordSink& sink) {
    import::parse_csv(in, context.path, mapping, sink);
  });
}

struct Format {
  const char* name;
  const char* looks_like;  // how a file of the format begins, for errors
  bool (*sniff)(std::string_view head);
  void (*run)(std::istream& in, import::ImportContext& context);
  bool line_based = true;  // lines are bounded by import::kMaxLineBytes
};

// In the order formats are tried when a file's format is not given.
const Format kFormats[] = {
    {"json", "a footballdb JSON document {\"footballdb\": 1, ...}", interchange::sniff_json,
     run_json, false},
    {"football-txt", "openfootball Football.TXT", import::sniff_football_txt,
     run_records<import::parse_football_txt>},
    {"pairing-table", "a BBCode or MediaWiki pairing table", import::sniff_pairing_table,
     run_records<import::parse_pairing_table>},
    {"result-lines", "leg result lines (\"1st(1st leg) A - B 0:6 (0:0)\")",
     import::sniff_result_lines, run_records<import::parse_result_lines>},
    {"aggregate-lines", "aggregate summaries (\"Gent won 3–2 on aggregate.\")",
     import::sniff_aggregate_lines, run_records<import::parse_aggregate_lines>},
    {"csv", "CSV with a header line", import::sniff_csv, run_csv},
};

const Format& format_named(const std::string& name) {
  for (const Format& f : kFormats) {
    if (name == f.name) return f;
  }
  std::string known;
  for (const Format& f : kFormats) known += std::string(known.empty() ? "" : ", ") + f.name;
  throw Error(ErrorCode::kUsage, "unknown format '" + name + "' (known: " + known + ")");
}

// The format of the file at `path`, named `given` in errors.
const Format& detect(const std::string& head, const std::string& given) {
  for (const Format& f : kFormats) {
    if (f.sniff(head)) return f;
  }
  std::string known;
  for (const Format& f : kFormats) known += std::string(known.empty() ? "" : "; ") + f.looks_like;
  throw input_error({given, 1, 0}, "cannot tell the format of this file: expected " + known +
                                       " (or name the format with --format)");
}

// What the import was told besides its files, as the JSON object sources.options keeps: only the
// options given, the season in canonical form.
std::string options_json(const ImportOptions& options) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  auto put = [&out](const char* key, const std::optional<std::string>& value) {
    if (value) out[key] = *value;
  };
  put("format", options.format);
  put("competition", options.competition);
  put("season", options.season ? Season::normalize(*options.season) : std::nullopt);
  put("round", options.round);
  put("mapping", options.csv_mapping);
  return out.dump();
}

// The options of options_json as they are typed on the command line.
std::string as_command_line(const std::string& options) {
  std::string out;
  const nlohmann::ordered_json parsed = nlohmann::ordered_json::parse(options);
  for (auto it = parsed.begin(); it != parsed.end(); ++it) {
    out += (out.empty() ? "--" : " --") + it.key() + " \"" + it->get<std::string>() + "\"";
  }
  return out.empty() ? "no options" : out;
}

// Whether content imported before as `stored` is now given other options: another
// competition, season, round or mapping, or a format other than the one it was read as (none
// given, the format it was read as stands).
bool other_options(const storage::SourceStore::StoredSource& stored, const ImportOptions& options,
                   const std::string& given) {
  if (options.format && *options.format != stored.format) return true;
  if (!stored.options) return false;  // imported before options were kept
  nlohmann::json before = nlohmann::json::parse(*stored.options);
  nlohmann::json now = nlohmann::json::parse(given);
  before.erase("format");
  now.erase("format");
  return before != now;
}

// The bytes of the files at `paths` (standard input: none known).
std::int64_t bytes_in(const std::vector<std::string>& paths) {
  std::uintmax_t bytes = 0;
  for (const std::string& path : paths) {
    std::error_code error;
    const std::uintmax_t size = path == "-" ? 0 : std::filesystem::file_size(path, error);
    if (!error) bytes += size;
  }
  return static_cast<std::int64_t>(bytes);
}

[[noreturn]] void damaged(const std::string& problem) {
  throw Error(ErrorCode::kDatabase, "the database file is damaged (" + problem +
                                        "); nothing was imported. `footballdb check --full` "
                                        "lists what is wrong");
}

// A statement SQLite refused: damage it met in the file's pages (checked as they are read)
// is a damaged file, as the whole-file check says it; anything else as rethrow_database_error.
[[noreturn]] void rethrow_write_error(const SQLite::Exception& e, const std::string& context) {
  if ((e.getErrorCode() & 0xff) == SQLITE_CORRUPT) damaged(e.what());
  detail::rethrow_database_error(e, context);
}

}  // namespace

ImportReport import_files(Database& db, const std::vector<std::string>& paths,
                          const ImportOptions& options) try {
  const storage::StatementCache::Scope statements_in_use(detail::DatabaseAccess::statements(db));
  if (options.season) Season::require(*options.season);
  if (options.format) format_named(*options.format);

  auto& statements = detail::DatabaseAccess::statements(db);
  auto& club_index = detail::DatabaseAccess::clubs(db);
  ImportReport report;
  report.dry_run = options.dry_run;
  SQLite::Database& sqlite = detail::DatabaseAccess::sqlite(db);
  // Names learned in a transaction that is rolled back are forgotten with it.
  storage::WriteTransaction tx(sqlite, club_index);
  // Nothing is added to a damaged file: the damage would spread into what depends on it. The
  // whole file is checked when that costs a bounded share of the import; the pages it reads
  // are checked as they are read.
  const std::int64_t input_bytes = bytes_in(paths);
  if (storage::checks_whole_file_first(storage::file_bytes(sqlite), input_bytes)) {
    if (auto problems = storage::integrity_problems(sqlite, false, 1); !problems.empty()) {
      damaged("quick_check: " + problems.front());
    }
  }
  storage::Store store(statements, club_index);
  const std::string given_options = options_json(options);
  club_index.matcher();  // up to date with every commit before this transaction began
  constexpr std::int64_t kBytesPerLeg = 80;  // a CSV row or Football.TXT line of one match
  storage::DeferredIndexes deferred(sqlite, input_bytes / kBytesPerLeg);
  try {
    for (const std::string& argument : paths) {
      // "-" is standard input, named "<stdin>" in messages.
      const bool standard_input = argument == "-";
      const std::string given = standard_input ? "<stdin>" : argument;
      const std::string path =
          standard_input ? given : std::filesystem::absolute(given).lexically_normal().string();
      FileReport& file = report.files.emplace_back();
      file.path = argument;
      const import::SourceInput input(standard_input ? "/dev/stdin" : path, given);
      const std::string sha = input.sha256();
      if (const auto stored = store.sources.find(sha)) {
        // The same content told other things (another competition, season or round) would give
        // other ties: it is taken back first, never quietly passed over.
        if (other_options(*stored, options, given_options)) {
          const std::string id = std::to_string(stored->id.value());
          throw Error(ErrorCode::kUsage,
                      given + ": this content was imported before as source #" + id + " with " +
                          as_command_line(*stored->options) + ", not " +
                          as_command_line(given_options) +
                          "; to import it again with these, take the first import back with "
                          "`footballdb sources remove " + id + "`, then import it again");
        }
        file.already_imported = true;
        continue;
      }
      const Format& format =
          options.format ? format_named(*options.format) : detect(input.head(kSniffBytes), given);
      file.format = format.name;
      const SourceId source = store.sources.add(path, sha, format.name, utc_now(), given_options);
      if (options.progress) options.progress(given, 0, input.size());
      const std::unique_ptr<std::streambuf> bytes = input.open();
      import::CheckedText text(*bytes, given, input.size(), options.progress,
                               format.line_based ? import::kMaxLineBytes : 0);
      std::istream in(&text);
      in.exceptions(std::ios::badbit);  // the check's input_error reaches the caller
      import::ClubLookup clubs(club_index, store, source, file);
      import::ImportContext context{store, source, given, options, file, clubs};
      format.run(in, context);
      store.ties.write_outcomes();
      // A file forced to a format that gives nothing is not of that format (a file whose
      // format was recognised may hold none: openfootball's list of a season's clubs; an
      // interchange document of an empty database).
      if (file.records == 0 && options.format && format.line_based) {
        throw input_error({given, 0, 0},
                          std::string("expected ") + format.name + " records, found none");
      }
    }
  } catch (const SQLite::Exception& e) {
    // A constraint the parsers did not catch: still the input's fault, never half-imported.
    rethrow_write_error(e, "import rolled back");
  }
  if (!options.dry_run) {
    deferred.restore();
    tx.commit();
  }
  return report;
} catch (const SQLite::Exception& e) {
  rethrow_write_error(e, "");
}

}  // namespace footballdb
