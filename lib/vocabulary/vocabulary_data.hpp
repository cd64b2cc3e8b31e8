// The vocabulary files shipped in data/vocabulary/, embedded at build time (cmake/embed_text.cmake).
#pragma once

#include <string_view>

namespace footballdb::data {

std::string_view vocabulary_countries();  // data/vocabulary/countries.txt
std::string_view vocabulary_names();      // data/vocabulary/names.txt
std::string_view vocabulary_competitions();  // data/vocabulary/competitions.txt
std::string_view rules_competitions();       // data/rules/competitions.txt

}  // namespace footballdb::data
