#include "export_command.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <utility>

#include "footballdb/error.hpp"
#include "footballdb/export.hpp"
#include "footballdb/import.hpp"

namespace fs = std::filesystem;

namespace footballdb::cli {
namespace {

[[noreturn]] void cannot_write(const std::string& what) {
  const int error = errno;
  throw Error(ErrorCode::kIo, "cannot write '" + what + "'" +
                                  (error ? std::string(": ") + std::strerror(error) : ""));
}

// A file opened for writing, or Error(kIo).
void open_output(std::ofstream& file, const fs::path& path) {
  errno = 0;
  file.open(path, std::ios::binary | std::ios::trunc);
  if (!file) cannot_write(path.string());
}

// Flushes `out` and throws Error(kIo) naming `what` when anything written to it was lost.
void check_written(std::ostream& out, const std::string& what) {
  errno = 0;
  out.flush();
  if (!out) cannot_write(what);
}

// The directory `dir`, created when missing, or Error(kIo).
void make_directory(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    throw Error(ErrorCode::kIo, "cannot create the directory '" + dir.string() + "'" +
                                    (ec ? ": " + ec.message() : ": a file of that name exists"));
  }
}

// One file, or standard output when `output` is empty, for `write`.
template <class Write>
void write_one(const std::string& output, Write write) {
  if (output.empty()) {
    write(std::cout);
    check_written(std::cout, "standard output");
    return;
  }
  std::ofstream file;
  open_output(file, output);
  write(file);
  check_written(file, output);
}

// The files of a Football.TXT export to a directory: one a competition's season.
class FilePerSeason {
 public:
  explicit FilePerSeason(fs::path dir) : dir_(std::move(dir)) {}

  std::ostream& open(const std::string& competition, const std::string& season) {
    close();
    const std::string name = football_txt_file_name(competition, season);
    // Competitions whose names differ only where a file name cannot (accents, punctuation).
    std::string unique = name;
    for (int n = 2; !used_.insert(unique).second; ++n) {
      unique = name.substr(0, name.size() - 4) + "-" + std::to_string(n) + ".txt";
    }
    path_ = (dir_ / unique).string();
    open_output(file_, path_);
    return file_;
  }

  // Closes the file written last, throwing Error(kIo) if it was not all written.
  void close() {
    if (!file_.is_open()) return;
    check_written(file_, path_);
    file_.close();
  }

 private:
  fs::path dir_;
  std::ofstream file_;
  std::string path_;
  std::set<std::string> used_;
};

}  // namespace

const std::vector<std::string>& export_formats() {
  static const std::vector<std::string> kFormats = {"json", "csv", "football-txt", "postgres"};
  return kFormats;
}

std::string export_format(const ExportRequest& request) {
  const std::string format = request.format.value_or("json");
  if (request.json && format != "json") {
    throw Error(ErrorCode::kUsage,
                "--json is --format json: it does not go with --format " + format);
  }
  if (format == "csv" && request.output.empty()) {
    throw Error(ErrorCode::kUsage,
                "--format csv writes two files, ties.csv and legs.csv: name their directory "
                "with -o DIR");
  }
  if (request.pg_schema && format != "postgres") {
    throw Error(ErrorCode::kUsage, "--pg-schema goes with --format postgres");
  }
  return format;
}

void run_export(const Database& db, const ExportRequest& request) {
  const std::string format = export_format(request);
  if (format == "csv") {
    const fs::path dir(request.output);
    make_directory(dir);
    std::ofstream ties;
    std::ofstream legs;
    open_output(ties, dir / "ties.csv");
    open_output(legs, dir / "legs.csv");
    export_csv(db, ties, legs);
    check_written(ties, (dir / "ties.csv").string());
    check_written(legs, (dir / "legs.csv").string());
  } else if (format == "football-txt") {
    // A directory (one that exists, or a name ending in '/'): a file a competition's season.
    const std::string& output = request.output;
    if (!output.empty() && (output.back() == '/' || fs::is_directory(output))) {
      make_directory(output);
      FilePerSeason files{fs::path(output)};
      export_football_txt(
          db, [&files](const std::string& competition, const std::string& season) -> std::ostream& {
            return files.open(competition, season);
          });
      files.close();
    } else {
      write_one(output, [&db](std::ostream& out) { export_football_txt(db, out); });
    }
  } else if (format == "postgres") {
    PostgresExportOptions options;
    if (request.pg_schema) options.schema = *request.pg_schema;
    write_one(request.output,
              [&db, &options](std::ostream& out) { export_postgres(db, out, options); });
  } else {
    write_one(request.output, [&db](std::ostream& out) { export_json(db, out); });
  }
}

}  // namespace footballdb::cli
