// The club registry shipped in data/clubs/, embedded at build time (cmake/embed_text.cmake).
#pragma once

#include <string_view>

namespace footballdb::data {

std::string_view clubs_registry();  // data/clubs/registry.txt
std::string_view clubs_extra();     // data/clubs/extra.txt
std::string_view clubs_distinct();  // data/clubs/distinct.txt
std::string_view clubs_exonyms();   // data/clubs/exonyms.txt
std::string_view clubs_associations();  // data/clubs/associations.txt
std::string_view clubs_nicknames();     // data/clubs/nicknames.txt

}  // namespace footballdb::data
