#include "storage/club_index.hpp"

#include "storage/rows.hpp"

namespace footballdb::storage {

const names::Matcher& ClubIndex::matcher() {
  const std::int64_t version = db_.execAndGet("PRAGMA data_version").getInt64();
  if (matcher_ && version == data_version_) return *matcher_;
  names::Matcher m;
  {
    SQLite::Statement& q = statements_.get("SELECT id, name, country, city FROM clubs");
    while (q.executeStep()) {
      m.add_club(ClubId{q.getColumn(0).getInt64()}, q.getColumn(1).getString(),
                 opt_text(q.getColumn(2)), opt_text(q.getColumn(3)));
    }
  }
  {
    SQLite::Statement& q = statements_.get("SELECT club_id, name, lang FROM club_names");
    while (q.executeStep()) {
      m.add_name(ClubId{q.getColumn(0).getInt64()}, q.getColumn(1).getString(),
                 opt_text(q.getColumn(2)));
    }
  }
  {
    SQLite::Statement& q = statements_.get("SELECT club_a, club_b FROM club_distinct");
    while (q.executeStep()) {
      m.add_cannot_link(ClubId{q.getColumn(0).getInt64()}, ClubId{q.getColumn(1).getInt64()});
    }
  }
  {
    SQLite::Statement& q = statements_.get("SELECT exonym, name FROM exonyms");
    while (q.executeStep()) m.add_exonym(q.getColumn(0).getString(), q.getColumn(1).getString());
  }
  matcher_ = std::move(m);
  data_version_ = version;
  return *matcher_;
}

void ClubIndex::club_added(ClubId id, const std::string& name,
                           const std::optional<std::string>& country,
                           const std::optional<std::string>& city) {
  if (matcher_) matcher_->add_club(id, name, country, city);
}

void ClubIndex::name_added(ClubId id, const std::string& name,
                           const std::optional<std::string>& lang) {
  if (matcher_) matcher_->add_name(id, name, lang);
}

void ClubIndex::name_removed(ClubId id, const std::string& name) {
  if (matcher_) matcher_->remove_name(id, name);
}

}  // namespace footballdb::storage
