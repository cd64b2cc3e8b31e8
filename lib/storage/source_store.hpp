// The sources table: each imported file's content hash, format and options.
#pragma once

#include <optional>
#include <string>

#include "footballdb/types.hpp"
#include "storage/statement_cache.hpp"

namespace footballdb::storage {

class SourceStore {
 public:
  explicit SourceStore(StatementCache& statements) : statements_(statements) {}

  // The source with this content hash, if it was imported before, with the options it was
  // imported with (a JSON object; nullopt when not known: an import from before they were kept).
  struct StoredSource {
    SourceId id;
    std::string format;  // the format it was read as
    std::optional<std::string> options;
  };
  std::optional<StoredSource> find(const std::string& sha256);
  SourceId add(const std::string& path, const std::string& sha256, const std::string& format,
               const std::string& imported_at, const std::optional<std::string>& options);

 private:
  StatementCache& statements_;
};

}  // namespace footballdb::storage
