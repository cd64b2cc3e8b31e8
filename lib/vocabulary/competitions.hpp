// The names of competitions (data/vocabulary/competitions.txt): which canonical competition a
// name a source gives means.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace footballdb::vocabulary {

// The canonical name of the competition `name` names ("English FA Cup" is the FA Cup), compared
// accent- and case-folded; nullopt for a name the file does not list.
std::optional<std::string> listed_competition(std::string_view name);

}  // namespace footballdb::vocabulary
