// The clubs and club_names tables, kept in step with the process's ClubIndex.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "footballdb/types.hpp"
#include "storage/club_index.hpp"
#include "storage/statement_cache.hpp"

namespace footballdb::storage {

class ClubStore {
 public:
  ClubStore(StatementCache& statements, ClubIndex& index)
      : statements_(statements), index_(index) {}

  // A new club; its name becomes its first spelling, bound by `origin`.
  ClubId add(const std::string& name, const std::optional<std::string>& country,
             const std::optional<std::string>& city, const char* origin,
             std::optional<SourceId> source, int line = 0);
  // The clubs whose canonical name is `name` in `country`, in id order.
  std::vector<ClubId> find(const std::string& name, const std::optional<std::string>& country);
  // Sets `club`'s country and city where they are unknown; known ones are kept.
  void fill_details(ClubId club, const std::optional<std::string>& country,
                    const std::optional<std::string>& city);
  // Records `name` as a spelling of `club`, bound by `method` ("registry", "user", a matcher
  // layer ...) and first seen at `source`:`line` (nothing when it is known already).
  void add_name(ClubId club, const std::string& name, const std::optional<std::string>& lang,
                std::optional<SourceId> source, const std::string& method, int line = 0);

 private:
  StatementCache& statements_;
  ClubIndex& index_;
};

}  // namespace footballdb::storage
