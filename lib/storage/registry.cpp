#include "storage/registry.hpp"

#include <sstream>
#include <unordered_map>

#include "footballdb/error.hpp"
#include "footballdb/names.hpp"
#include "storage/registry_data.hpp"
#include "storage/store.hpp"

namespace footballdb::storage {

int load_registry(Store& store, StatementCache& statements) {
  std::unordered_map<std::string, ClubId> by_name;  // canonical name -> first club of that name
  int added = 0;
  auto read = [&](std::string_view text, const char* path) {
    std::istringstream in{std::string(text)};
    read_registry(in, path, [&](RegistryClub&& club) {
      const ClubId id =
          store.clubs.add(club.name, club.country, club.city, "registry", std::nullopt);
      by_name.emplace(club.name, id);
      for (const ClubName& n : club.names) {
        store.clubs.add_name(id, n.name, n.lang, std::nullopt, "registry");
      }
      ++added;
    });
  };
  read(data::clubs_registry(), "data/clubs/registry.txt");
  read(data::clubs_extra(), "data/clubs/extra.txt");

  std::istringstream distinct{std::string(data::clubs_distinct())};
  SQLite::Statement& pair = statements.get(
      "INSERT OR IGNORE INTO club_distinct(club_a, club_b) VALUES (min(?1, ?2), max(?1, ?2))");
  read_name_pairs(distinct, "data/clubs/distinct.txt", "!=", [&](std::string&& a, std::string&& b) {
    auto x = by_name.find(a);
    auto y = by_name.find(b);
    if (x == by_name.end() || y == by_name.end()) {
      throw Error(ErrorCode::kInternal, "data/clubs/distinct.txt names a club the registry lacks: " +
                                            (x == by_name.end() ? a : b));
    }
    pair.reset();
    pair.bind(1, x->second.value());
    pair.bind(2, y->second.value());
    pair.exec();
  });

  std::istringstream associations{std::string(data::clubs_associations())};
  SQLite::Statement& country =
      statements.get("INSERT OR IGNORE INTO club_countries(club_id, country) VALUES (?, ?)");
  read_name_pairs(associations, "data/clubs/associations.txt", "=",
                  [&](std::string&& club, std::string&& code) {
                    auto x = by_name.find(club);
                    if (x == by_name.end()) {
                      throw Error(ErrorCode::kInternal,
                                  "data/clubs/associations.txt names a club the registry lacks: " +
                                      club);
                    }
                    country.reset();
                    country.bind(1, x->second.value());
                    country.bind(2, code);
                    country.exec();
                  });

  std::istringstream nicknames{std::string(data::clubs_nicknames())};
  read_name_pairs(nicknames, "data/clubs/nicknames.txt", "=",
                  [&](std::string&& name, std::string&& club) {
                    auto x = by_name.find(club);
                    if (x == by_name.end()) {
                      throw Error(ErrorCode::kInternal,
                                  "data/clubs/nicknames.txt names a club the registry lacks: " + club);
                    }
                    store.clubs.add_name(x->second, name, std::nullopt, std::nullopt, "nickname");
                  });

  std::istringstream exonyms{std::string(data::clubs_exonyms())};
  SQLite::Statement& exonym =
      statements.get("INSERT OR REPLACE INTO exonyms(exonym, name) VALUES (?, ?)");
  read_name_pairs(exonyms, "data/clubs/exonyms.txt", "=", [&](std::string&& e, std::string&& n) {
    exonym.reset();
    exonym.bind(1, e);
    exonym.bind(2, n);
    exonym.exec();
  });
  return added;
}

}  // namespace footballdb::storage
