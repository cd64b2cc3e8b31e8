#include "import/import_context.hpp"

#include "footballdb/error.hpp"

namespace footballdb::import {

ClubId ClubLookup::get(const std::string& name, const SourceLocation& where) {
  if (auto it = cache_.find(name); it != cache_.end()) return it->second;
  return take(name, db_.resolve(name), where);
}

ClubId ClubLookup::get_canonical(const std::string& name, const SourceLocation& where) {
  Resolution r = db_.resolve(name);
  if (r.status == ResolveStatus::kAmbiguous) {
    std::vector<Candidate> named;
    for (const Candidate& c : r.candidates) {
      if (c.club.name == name) named.push_back(c);
    }
    if (named.size() == 1) {
      r.status = ResolveStatus::kResolved;
      r.club = named.front().club;
      r.candidates = named;
    }
  }
  return take(name, r, where);
}

ClubId ClubLookup::take(const std::string& name, const Resolution& r,
                        const SourceLocation& where) {
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
