// What every format's importer works with while one file is imported.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "footballdb/database.hpp"
#include "footballdb/error.hpp"
#include "footballdb/import.hpp"
#include "import/resolver.hpp"
#include "storage/store.hpp"

namespace footballdb::import {

// The two clubs of a tie or leg as resolved; b is nullopt when the source names one club.
struct ClubPair {
  std::optional<ClubId> a;
  std::optional<ClubId> b;
};

// Throws input_error at `where` for a club name longer than kMaxNameBytes (limits.hpp).
void check_club_name(std::string_view name, const SourceLocation& where);

// The writing half of binding names to clubs in one file: asks the Resolver (which reads only)
// and applies what it returns: new placeholders with their reviews, spellings learned, reviews
// settled through ties. The assembler and the JSON reader bind names only through it.
class ClubLookup {
 public:
  ClubLookup(storage::ClubIndex& clubs, storage::Store& store, SourceId source,
             FileReport& report)
      : resolver_(clubs, store), store_(store), source_(source), report_(report) {}

  // The club `name` means on its own (no tie to help).
  ClubId get(const std::string& name, const SourceLocation& where,
             const std::optional<std::string>& country = std::nullopt);

  // The clubs of a pairing in round `round` (a leg's home and away, a tie's two clubs).
  ClubPair pair(const std::string& a, const std::optional<std::string>& b,
                const std::optional<std::string>& country_a,
                const std::optional<std::string>& country_b, const storage::RoundKey& round,
                const SourceLocation& where);

  // Before the records of one round are bound (the assembler's window): a pairing they name
  // (Resolver::expect). Names over the limit are left to pair(), which refuses them.
  void expect(const std::string& a, const std::string& b,
              const std::optional<std::string>& country_a,
              const std::optional<std::string>& country_b, const storage::RoundKey& round);
  // The window is bound.
  void expected_done() { resolver_.expected_done(); }

  // Which of the pairing's clubs `name` is (a stated winner, a club given a walkover).
  // Throws Error(kInput) at `where` when it names neither.
  ClubId one_of(const std::string& name, const ClubPair& clubs, const SourceLocation& where);

  // The matcher's answer, or nullopt when it does not resolve the name. `country` is the one the
  // source states; `competition` (canonical) admits the countries it lists.
  std::optional<ClubId> resolved(const std::string& name, const SourceLocation& where,
                                 const std::optional<std::string>& country,
                                 const std::optional<std::string>& competition = std::nullopt);

 private:
  // Writes what `binding` needs (its placeholder and review, or its spelling) and returns its
  // club, followed through the merges of settlements applied since the pairing was resolved.
  ClubId apply(const Binding& binding, const SourceLocation& where);
  // Settles each review into its club; a review two clubs cannot share stays for a person.
  void apply(const std::vector<Settlement>& settlements);
  // `club`, or the club it was merged into by a settlement of this pairing.
  ClubId followed(ClubId club) const;
  // match_context, the countries of the competition worked out once while rows name the same.
  MatchContext context(const std::optional<std::string>& country,
                       const std::optional<std::string>& competition);

  Resolver resolver_;
  storage::Store& store_;
  SourceId source_;
  FileReport& report_;
  std::unordered_map<ClubId, ClubId> merged_;  // placeholders settled in the current pairing
  std::optional<std::string> competition_;    // the last competition context() was asked of
  MatchContext competition_context_;          // its match_context, without a country
};

struct ImportContext {
  storage::Store& store;
  SourceId source;
  std::string path;
  const ImportOptions& options;
  FileReport& report;
  ClubLookup& clubs;

  // Counts what merging one tie did into the report.
  void count(const storage::MergeResult& merged);
};

}  // namespace footballdb::import
