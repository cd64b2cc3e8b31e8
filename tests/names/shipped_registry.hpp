// Loads the shipped club registry (data/clubs/) into a Matcher, as the database does on import.
#pragma once

#include <fstream>
#include <map>
#include <string>

#include "footballdb/error.hpp"
#include "footballdb/names.hpp"
#include "names/matcher.hpp"

namespace footballdb::names::testing {

struct ShippedRegistry {
  Matcher matcher;
  std::map<std::string, ClubId> ids;  // canonical name -> id (the first club of that name)
  std::size_t spellings = 0;
};

inline std::ifstream open_data(const std::string& file) {
  std::ifstream in(std::string(FOOTBALLDB_SOURCE_DIR) + "/data/clubs/" + file);
  if (!in) throw Error(ErrorCode::kIo, "cannot open data/clubs/" + file);
  return in;
}

inline void load_shipped_registry(ShippedRegistry& registry) {
  std::int64_t next = 1;
  for (const char* file : {"registry.txt", "extra.txt"}) {
    std::ifstream in = open_data(file);
    read_registry(in, file, [&](RegistryClub&& club) {
      ClubId id(next++);
      registry.ids.emplace(club.name, id);
      registry.matcher.add_club(id, club.name, club.country, club.city);
      for (auto& name : club.names) {
        registry.matcher.add_name(id, std::move(name.name), std::move(name.lang));
        ++registry.spellings;
      }
    });
  }
  std::ifstream distinct = open_data("distinct.txt");
  read_name_pairs(distinct, "distinct.txt", "!=", [&](std::string&& a, std::string&& b) {
    registry.matcher.add_cannot_link(registry.ids.at(a), registry.ids.at(b));
  });
  std::ifstream associations = open_data("associations.txt");
  read_name_pairs(associations, "associations.txt", "=", [&](std::string&& club, std::string&& code) {
    registry.matcher.add_country(registry.ids.at(club), std::move(code));
  });
  std::ifstream nicknames = open_data("nicknames.txt");
  read_name_pairs(nicknames, "nicknames.txt", "=", [&](std::string&& name, std::string&& club) {
    registry.matcher.add_name(registry.ids.at(club), std::move(name), std::nullopt, true);
    ++registry.spellings;
  });
  std::ifstream exonyms = open_data("exonyms.txt");
  read_name_pairs(exonyms, "exonyms.txt", "=", [&](std::string&& exonym, std::string&& name) {
    registry.matcher.add_exonym(std::move(exonym), std::move(name));
  });
}

}  // namespace footballdb::names::testing
