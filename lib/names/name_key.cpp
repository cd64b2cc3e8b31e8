// name_key and fold_key: ICU normalisation plus the letter mappings football names need.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "core/text.hpp"
#include "footballdb/names.hpp"

namespace footballdb {
namespace {

const icu::Normalizer2& normalizer(bool decompose) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = decompose ? icu::Normalizer2::getNFKDInstance(status)
                                        : icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || n == nullptr) std::abort();  // ICU data missing: nothing can work
  return *n;
}

// Code points that mean the same in a name, mapped to one form before case folding.
UChar32 unify(UChar32 c) {
  switch (c) {
    case 0x0130:  // İ LATIN CAPITAL LETTER I WITH DOT ABOVE: Turkish capital of "i"
      return 'i';
    case 0x015E:  // Ş
    case 0x015F:  // ş
    case 0x0218:  // Ș
      return 0x0219;  // ș
    case 0x0162:  // Ţ
    case 0x0163:  // ţ
    case 0x021A:  // Ț
      return 0x021B;  // ț
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
    case 0x00B4:
    case 0x0060:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x2033:
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return '-';
    default:
      return u_isUWhiteSpace(c) ? ' ' : c;
  }
}

// ASCII spelling of letters that have no decomposition into a base letter and marks.
const char* ascii_letter(UChar32 c) {
  switch (c) {
    case 0x00DF:  // ß
      return "ss";
    case 0x00E6:  // æ
      return "ae";
    case 0x0153:  // œ
      return "oe";
    case 0x00F8:  // ø
      return "o";
    case 0x00FE:  // þ
      return "th";
    case 0x00F0:  // ð
    case 0x0111:  // đ
      return "d";
    case 0x0142:  // ł
      return "l";
    case 0x0131:  // ı
      return "i";
    case 0x0259:  // ə
    case 0x01DD:  // ǝ
      return "e";
    case 0x0127:  // ħ
      return "h";
    case 0x014B:  // ŋ
      return "n";
    default:
      return nullptr;
  }
}

// Collapses runs of spaces and trims, in place.
void squeeze_spaces(std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  s.swap(out);
}

icu::UnicodeString normalized(std::string_view name) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString nfkc = normalizer(false).normalize(text, status);
  icu::UnicodeString unified;
  for (int32_t i = 0; i < nfkc.length(); i = nfkc.moveIndex32(i, 1)) {
    unified.append(unify(nfkc.char32At(i)));
  }
  unified.foldCase(U_FOLD_CASE_DEFAULT);
  return normalizer(false).normalize(unified, status);
}

// What normalized() gives for ASCII text, as UTF-8: NFKC changes no ASCII, unify() maps the
// grave accent to an apostrophe and white space to a space, case folding lowers letters.
std::string ascii_normalized(std::string_view name) {
  std::string out(name);
  for (char& c : out) {
    if (c == '`') {
      c = '\'';
    } else if (c == ' ' || (c >= '\t' && c <= '\r')) {
      c = ' ';
    } else if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

}  // namespace

std::string name_key(std::string_view name) {
  // Most names are ASCII: the same answer without ICU's round trip through UTF-16.
  std::string out;
  if (is_ascii(name)) {
    out = ascii_normalized(name);
  } else {
    normalized(name).toUTF8String(out);
  }
  squeeze_spaces(out);
  return out;
}

std::string fold_key(std::string_view name) {
  if (is_ascii(name)) {
    std::string out = ascii_normalized(name);
    out.erase(std::remove_if(out.begin(), out.end(), [](char c) { return c == '\'' || c == '.'; }),
              out.end());
    for (char& c : out) {
      if (!std::isalnum(static_cast<unsigned char>(c))) c = ' ';
    }
    squeeze_spaces(out);
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed = normalizer(true).normalize(normalized(name), status);
  std::string out;
  out.reserve(static_cast<std::size_t>(decomposed.length()));
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    UChar32 c = decomposed.char32At(i);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c < 0x80) {
      if (c == '\'' || c == '.') continue;
      out.push_back(u_isalnum(c) ? static_cast<char>(c) : ' ');
    } else if (const char* ascii = ascii_letter(c)) {
      out += ascii;
    } else if (u_isalnum(c)) {
      icu::UnicodeString(c).toUTF8String(out);  // a letter of another script: kept as it is
    } else {
      out.push_back(' ');
    }
  }
  squeeze_spaces(out);
  return out;
}

std::string_view to_string(ReviewStatus status) noexcept {
  switch (status) {
    case ReviewStatus::kOpen:
      return "open";
    case ReviewStatus::kAccepted:
      return "accepted";
    case ReviewStatus::kCreated:
      return "created";
    case ReviewStatus::kRejected:
      return "rejected";
  }
  return "open";
}

std::string_view to_string(ResolveStatus status) noexcept {
  switch (status) {
    case ResolveStatus::kResolved:
      return "resolved";
    case ResolveStatus::kAmbiguous:
      return "ambiguous";
    case ResolveStatus::kUnknown:
      return "unknown";
  }
  return "unknown";
}

}  // namespace footballdb
