#include "storage/club_index.hpp"

#include <vector>

#include "names/matcher_index.hpp"
#include "storage/rows.hpp"

namespace footballdb::storage {

names::QueryRunner ClubIndex::runner() {
  return [this](const char* sql, const std::vector<std::string>& params,
                const std::function<void(const names::Row&)>& row) {
    SQLite::Statement& q = statements_.get(sql);
    for (std::size_t i = 0; i < params.size(); ++i) q.bind(static_cast<int>(i + 1), params[i]);
    names::Row values;
    while (q.executeStep()) {
      values.clear();
      for (int i = 0; i < q.getColumnCount(); ++i) values.push_back(opt_text(q.getColumn(i)));
      row(values);
    }
    q.reset();
  };
}

const names::Matcher& ClubIndex::matcher() {
  const std::int64_t version = db_.execAndGet("PRAGMA data_version").getInt64();
  if (matcher_ && version == data_version_) return *matcher_;
  matcher_.reset();
  matcher_ = names::build_matcher(runner());
  data_version_ = version;
  ++changes_;
  return *matcher_;
}

const names::Matcher& ClubIndex::lookup() {
  const std::int64_t version = db_.execAndGet("PRAGMA data_version").getInt64();
  if (lookup_ && version == lookup_version_) return *lookup_;
  if (matcher_ && version == data_version_) return *matcher_;  // built already: as good
  lookup_.reset();
  const names::QueryRunner run = runner();
  if (!names::stored_keys_current(run)) return matcher();
  lookup_ = names::open_matcher(run);
  lookup_version_ = version;
  return *lookup_;
}

void ClubIndex::club_added(ClubId id, const std::string& name,
                           const std::optional<std::string>& country,
                           const std::optional<std::string>& city, bool from_import) {
  lookup_.reset();
  ++changes_;
  if (matcher_) matcher_->add_club(id, name, country, city, from_import);
}

void ClubIndex::name_added(ClubId id, const std::string& name,
                           const std::optional<std::string>& lang, bool nickname) {
  lookup_.reset();
  ++changes_;
  if (matcher_) matcher_->add_name(id, name, lang, nickname);
}

void ClubIndex::club_merged(ClubId from, ClubId into) {
  lookup_.reset();
  ++changes_;
  if (matcher_) matcher_->merge_club(from, into);
}

void ClubIndex::name_removed(ClubId id, const std::string& name) {
  lookup_.reset();
  ++changes_;
  if (matcher_) matcher_->remove_name(id, name);
}

void ClubIndex::write_keys(bool all) {
  if (all && db_.execAndGet("SELECT version FROM club_name_keys_version").getInt() !=
                 names::kStoredKeysVersion) {
    db_.exec("DELETE FROM club_name_keys");
    db_.exec("DELETE FROM club_name_latin");
    db_.exec("INSERT OR IGNORE INTO club_names_unkeyed(name_id) SELECT id FROM club_names");
    SQLite::Statement& v = statements_.get("UPDATE club_name_keys_version SET version = ?");
    v.bind(1, names::kStoredKeysVersion);
    v.exec();
  }
  struct Pending {
    std::int64_t id;
    std::string name;
    std::optional<std::string> country, city;
  };
  std::vector<Pending> pending;
  // From the names waiting for their keys (an import's new names) to their rows: CROSS JOIN
  // keeps SQLite from reading every stored name and looking each up among the waiting ones.
  SQLite::Statement& q = statements_.get(
      "SELECT n.id, n.name, c.country, CASE WHEN n.name = c.name THEN c.city END "
      "FROM club_names_unkeyed CROSS JOIN club_names n ON n.id = club_names_unkeyed.name_id "
      "JOIN clubs c ON c.id = n.club_id");
  while (q.executeStep()) {
    pending.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                       opt_text(q.getColumn(2)), opt_text(q.getColumn(3))});
  }
  q.reset();
  SQLite::Statement& key =
      statements_.get("INSERT OR IGNORE INTO club_name_keys(key, name_id) VALUES (?, ?)");
  SQLite::Statement& latin =
      statements_.get("INSERT OR REPLACE INTO club_name_latin(name_id, latin) VALUES (?, ?)");
  // A waiting spelling holds no keys: the triggers that mark one (migration 0006) delete its
  // keys and Latin form as they do, and a new version of the analysis deletes them all above.
  for (const Pending& p : pending) {
    std::optional<std::string> in_latin;
    const std::vector<std::string> keys =
        names::MatcherIndex::stored_keys(analyzer_, p.name, p.country, p.city, in_latin);
    for (const std::string& k : keys) {
      key.reset();
      key.bind(1, k);
      key.bind(2, p.id);
      key.exec();
    }
    if (in_latin) {
      latin.reset();
      latin.bind(1, p.id);
      latin.bind(2, *in_latin);
      latin.exec();
    }
  }
  db_.exec("DELETE FROM club_names_unkeyed");
}

}  // namespace footballdb::storage
