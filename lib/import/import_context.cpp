#include "import/import_context.hpp"

#include "footballdb/error.hpp"

namespace footballdb::import {

ClubId ClubLookup::get(const std::string& name, const SourceLocation& where) {
  if (auto it = cache_.find(name); it != cache_.end()) return it->second;
  Resolution r = db_.resolve(name);
  ClubId id;
  switch (r.status) {
    case ResolveStatus::kResolved:
      id = r.club->id;
      if (r.method != "exact") store_.add_club_name(id, name, std::nullopt, source_);
      break;
    case ResolveStatus::kUnknown:
      id = store_.add_club(name, std::nullopt, std::nullopt, "import", source_);
      ++report_.clubs_added;
      break;
    case ResolveStatus::kAmbiguous: {
      std::string message = where.to_string() + ": '" + name + "' may mean several clubs:";
      for (const Candidate& c : r.candidates) message += "\n  " + c.club.name;
      throw Error(ErrorCode::kClub, message);
    }
  }
  cache_.emplace(name, id);
  return id;
}

void ImportContext::count(const storage::MergeResult& merged) {
  if (merged.tie) ++(merged.added ? report.ties_added : report.ties_merged);
  report.legs_added += merged.legs_added;
  report.legs_confirmed += merged.legs_confirmed;
  report.claims += merged.claims;
  report.conflicts += merged.conflicts;
}

}  // namespace footballdb::import
