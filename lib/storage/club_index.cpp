#include "storage/club_index.hpp"

#include "storage/rows.hpp"

namespace footballdb::storage {

const names::Matcher& ClubIndex::matcher() {
  const std::int64_t version = db_.execAndGet("PRAGMA data_version").getInt64();
  if (matcher_ && version == data_version_) return *matcher_;
  names::Matcher m = names::build_matcher(
      [this](const char* sql, const std::function<void(const names::Row&)>& row) {
        SQLite::Statement& q = statements_.get(sql);
        names::Row values;
        while (q.executeStep()) {
          values.clear();
          for (int i = 0; i < q.getColumnCount(); ++i) values.push_back(opt_text(q.getColumn(i)));
          row(values);
        }
      });
  matcher_ = std::move(m);
  data_version_ = version;
  return *matcher_;
}

void ClubIndex::club_added(ClubId id, const std::string& name,
                           const std::optional<std::string>& country,
                           const std::optional<std::string>& city, bool from_import) {
  if (matcher_) matcher_->add_club(id, name, country, city, from_import);
}

void ClubIndex::name_added(ClubId id, const std::string& name,
                           const std::optional<std::string>& lang) {
  if (matcher_) matcher_->add_name(id, name, lang);
}

void ClubIndex::club_merged(ClubId from, ClubId into) {
  if (matcher_) matcher_->merge_club(from, into);
}

void ClubIndex::name_removed(ClubId id, const std::string& name) {
  if (matcher_) matcher_->remove_name(id, name);
}

}  // namespace footballdb::storage
