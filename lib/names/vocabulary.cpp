#include "names/vocabulary.hpp"

#include <sstream>
#include <utility>
#include <vector>

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
    // The forms of a "KIND FORM ... = WHAT" line, each with its WHAT.
    auto equated = [&](const char* what) {
      if (words.size() < 3 || words[words.size() - 2] != "=") {
        fail("expected \"" + kind + " FORM ... = " + what + "\"");
      }
      std::vector<std::pair<std::string, std::string>> out;
      for (std::size_t i = 0; i + 2 < words.size(); ++i) out.emplace_back(words[i], words.back());
      return out;
    };
    if (kind == "legal") {
      for (auto& form : equated("CLASS")) v.legal_forms.push_back(std::move(form));
    } else if (kind == "stop") {
      v.stop.insert(words.begin(), words.end());
    } else if (kind == "place") {
      v.place.insert(words.begin(), words.end());
    } else if (kind == "reserve") {
      v.reserve.insert(words.begin(), words.end());
    } else if (kind == "city") {
      v.cities.push_back(rest);
    } else if (kind == "short") {
      for (auto& form : equated("WORD")) v.short_forms[form.first] = std::move(form.second);
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
