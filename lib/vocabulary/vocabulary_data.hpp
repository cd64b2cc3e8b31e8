// The vocabulary files shipped in data/vocabulary/, embedded at build time (cmake/embed_text.cmake).
#pragma once

#include <string_view>

namespace footballdb::data {

std::string_view vocabulary_countries();  // data/vocabulary/countries.txt
std::string_view vocabulary_names();      // data/vocabulary/names.txt

}  // namespace footballdb::data
