// Countries: the codes sources write for them, and which countries a competition admits.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace footballdb::vocabulary {

// The club registry's code for a country code as a source writes it: "KOS" -> "KVX",
// "mco" -> "MON"; any other code upper-cased, blanks trimmed. Thread-safe.
std::string canonical_country(std::string_view code);

// The countries whose clubs `competition` (its canonical name, canonical_competition) admits,
// sorted: the FA Cup's are England, Wales, Scotland and the two Irelands; a UEFA competition's
// are UEFA's members; a competition not listed in data/vocabulary/countries.txt that names one
// country admits that country's ("Bosnia and Herzegovina Cup": BIH; "Swiss Cup": SUI and LIE).
// Empty when the competition names no country or two: then any country may play. Thread-safe.
const std::vector<std::string>& admitted_countries(std::string_view competition);

}  // namespace footballdb::vocabulary
