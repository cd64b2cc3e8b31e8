// The words the club-name matcher treats apart: data/vocabulary/names.txt, embedded at build time.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace footballdb::names {

struct NameVocabulary {
  std::vector<std::pair<std::string, std::string>> legal_forms;  // folded form, its class
  std::set<std::string, std::less<>> stop;     // words that carry nothing
  std::set<std::string, std::less<>> place;    // words of many places' names, no city alone
  std::set<std::string, std::less<>> reserve;  // words that mark a reserve or youth team
  std::vector<std::string> cities;             // cities that name clubs in sources
  // Short forms that are no prefix of the word they stand for ("utd": "united"), by short form.
  std::map<std::string, std::string, std::less<>> short_forms;
};

// The shipped vocabulary, read once. Throws Error(kInternal, "data/vocabulary/names.txt:LINE:
// ...") when the embedded file does not read. Thread-safe.
const NameVocabulary& name_vocabulary();

// Reads a vocabulary in the format of data/vocabulary/names.txt; `path` is used in messages.
NameVocabulary read_name_vocabulary(std::string_view text, const std::string& path);

}  // namespace footballdb::names
