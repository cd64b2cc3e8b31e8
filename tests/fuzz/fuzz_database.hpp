// What the targets that go through the public API share: a database for the whole run (a new one
// costs seconds) and the input as a file, since import_files reads paths.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "footballdb/database.hpp"
#include "footballdb/import.hpp"
#include "footballdb/names.hpp"

namespace footballdb::data {
// tests/fuzz/clubs.txt, embedded by tests/fuzz/CMakeLists.txt (cmake/embed_text.cmake).
std::string_view fuzz_clubs();
}  // namespace footballdb::data

namespace footballdb::fuzz {

// A file of this process's own, in a folder of its own in the temporary folder, rewritten with
// each input and removed with the object.
class InputFile {
 public:
  explicit InputFile(const std::string& name)
      : dir_(std::filesystem::temp_directory_path() /
             ("footballdb-fuzz-" + std::to_string(::getpid()) + "-" + name)),
        path_((dir_ / name).string()) {
    std::filesystem::create_directories(dir_);
  }
  ~InputFile() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  // Writes `bytes` as the file's whole content; returns its path.
  const std::string& write(std::string_view bytes) {
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path_;
  }

 private:
  std::filesystem::path dir_;
  std::string path_;
};

// An in-memory database with the shipped registry, made on first use: what a query by name meets.
inline Database& registry_database() {
  static Database db = Database::open(":memory:");
  return db;
}

// `text` as a JSON string.
inline std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// An in-memory database for the import targets, made on first use: no shipped registry but the
// clubs of tests/fuzz/clubs.txt (embedded), imported as footballdb JSON. Every import of an input
// is a dry run, rolled back, so that each input meets the same database; a rollback drops the
// club index, which the next import rebuilds from every club (ClubIndex::invalidate), so the
// registry is kept small.
inline Database& import_database() {
  static Database db = [] {
    OpenOptions open;
    open.load_registry = false;
    Database d = Database::open(":memory:", open);
    std::string doc = "{\"footballdb\": 1, \"clubs\": [";
    std::istringstream in{std::string(data::fuzz_clubs())};
    int id = 0;
    read_registry(in, "tests/fuzz/clubs.txt", [&](RegistryClub&& club) {
      doc += id ? ", " : "";
      doc += "{\"id\": " + std::to_string(++id) +
             ", \"name\": " + json_string(club.name);
      if (club.country) doc += ", \"country\": " + json_string(*club.country);
      if (club.city) doc += ", \"city\": " + json_string(*club.city);
      doc += ", \"names\": [";
      for (std::size_t i = 0; i < club.names.size(); ++i) {
        doc += std::string(i ? ", " : "") + "{\"name\": " + json_string(club.names[i].name);
        if (club.names[i].lang) doc += ", \"lang\": " + json_string(*club.names[i].lang);
        doc += "}";
      }
      doc += "]}";
    });
    doc += "]}";
    InputFile file("clubs.json");
    ImportOptions options;
    options.format = "json";
    import_files(d, {file.write(doc)}, options);
    return d;
  }();
  return db;
}

// Context for what a file does not say, as the README's import commands give it, so that
// records without their own context still reach the store.
inline ImportOptions dry_run_options() {
  ImportOptions options;
  options.competition = "UEFA Europa League";
  options.season = "2012-13";
  options.round = "Second qualifying round";
  options.dry_run = true;
  return options;
}

}  // namespace footballdb::fuzz
