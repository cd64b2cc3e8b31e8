#include "names/vocabulary.hpp"

#include <sstream>

#include "footballdb/error.hpp"
#include "vocabulary/vocabulary_data.hpp"

namespace footballdb::names {

NameVocabulary read_name_vocabulary(std::string_view text, const std::string& path) {
  NameVocabulary v;
  std::istringstream in{std::string(text)};
  std::string line;
  int number = 0;
  auto fail = [&](const std::string& what) {
    throw Error(ErrorCode::kInternal, path + ":" + std::to_string(number) + ": " + what);
  };
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const auto space = line.find(' ');
    const std::string kind = line.substr(0, space);
    const std::string rest = space == std::string::npos ? std::string() : line.substr(space + 1);
    std::vector<std::string> words;
    std::istringstream split(rest);
    for (std::string w; split >> w;) words.push_back(w);
    if (words.empty()) fail("expected words after \"" + kind + "\"");
    if (kind == "legal") {
      if (words.size() < 3 || words[words.size() - 2] != "=") {
        fail("expected \"legal FORM ... = CLASS\"");
      }
      for (std::size_t i = 0; i + 2 < words.size(); ++i) {
        v.legal_forms.emplace_back(words[i], words.back());
      }
    } else if (kind == "stop") {
      v.stop.insert(words.begin(), words.end());
    } else if (kind == "place") {
      v.place.insert(words.begin(), words.end());
    } else if (kind == "reserve") {
      v.reserve.insert(words.begin(), words.end());
    } else if (kind == "city") {
      v.cities.push_back(rest);
    } else if (kind == "short") {
      if (words.size() < 3 || words[words.size() - 2] != "=") {
        fail("expected \"short FORM ... = WORD\"");
      }
      for (std::size_t i = 0; i + 2 < words.size(); ++i) v.short_forms[words[i]] = words.back();
    } else {
      fail("expected legal, stop, place, reserve, city or short, got \"" + kind + "\"");
    }
  }
  return v;
}

const NameVocabulary& name_vocabulary() {
  static const NameVocabulary kVocabulary =
      read_name_vocabulary(data::vocabulary_names(), "data/vocabulary/names.txt");
  return kVocabulary;
}

}  // namespace footballdb::names
