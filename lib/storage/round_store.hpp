// The competitions, seasons, rounds, round_names and competition_rules tables: where a tie is
// played and under which rules. What an import read of them is held for the import.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "footballdb/rules.hpp"
#include "footballdb/types.hpp"
#include "reconcile/drafts.hpp"
#include "storage/statement_cache.hpp"

namespace footballdb::storage {

using reconcile::RoundKey;

class RoundStore {
 public:
  explicit RoundStore(StatementCache& statements) : statements_(statements) {}

  // A round as stored: its id, whether each club plays one tie in it, its rules.
  struct RoundInfo {
    std::int64_t id;
    bool knockout;
    RuleSet rules;
  };

  // The id of the competition `name`, creating it if needed.
  std::int64_t competition_id(const std::string& name);
  // Round `key`, creating its competition, season and round as needed. A new round is placed
  // at `order` when given, else after the season's last round. Throws Error(kInternal) for a
  // season that is not canonical. The answer stays valid until forget().
  const RoundInfo& round(const RoundKey& key, std::optional<int> order = std::nullopt,
                         std::optional<bool> knockout = std::nullopt);
  std::int64_t round_id(const RoundKey& key, std::optional<int> order = std::nullopt,
                        std::optional<bool> knockout = std::nullopt) {
    return round(key, order, knockout).id;
  }
  // Whether `round` is a knockout round (each club in one tie). Creates the round when it is new.
  bool knockout(const RoundKey& key) { return round(key).knockout; }
  // The round of id `round_id`, read by round() since the last forget().
  const RoundInfo& read(std::int64_t round_id) const { return *by_id_.at(round_id); }
  // Records that `source` named round `round_id` `name` (its own words: "Achtelfinale", "s").
  void add_name(std::int64_t round_id, SourceId source, std::string_view name);
  // Creates or updates a competition's rules from a season on, for every round or for the one
  // round `round` (canonical name). Rounds read before keep their old rules until forget().
  void put_rules(const std::string& competition, int from_season_year, const RuleSet& rules,
                 const std::string& round = {});
  // Forgets the rounds read, with their rules.
  void forget();

 private:
  StatementCache& statements_;
  std::map<RoundKey, RoundInfo> rounds_;
  const std::pair<const RoundKey, RoundInfo>* last_ = nullptr;  // round()'s last answer
  std::unordered_map<std::int64_t, const RoundInfo*> by_id_;
  std::unordered_map<std::string, std::int64_t> competitions_;
};

}  // namespace footballdb::storage
