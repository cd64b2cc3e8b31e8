// The matcher layer by layer, and the traps of DOMAIN.md, on small registries.
#include "names/matcher.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "footballdb/error.hpp"
#include "names/shipped_registry.hpp"
#include "names/vocabulary.hpp"

namespace footballdb::names {
namespace {

// A registry of the clubs the traps are about, with their English or native names only.
class MatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    club(1, "FC Santa Coloma", "AND", "Santa Coloma", {"Santa Coloma"});
    club(2, "UE Santa Coloma", "AND", "Santa Coloma", {});
    club(3, "Bakı FK", "AZE", "Baku", {"FK Baku", "Baku"});
    club(4, "İnter Bakı PİK", "AZE", "Baku", {"Inter Baku"});
    club(5, "MTK Budapest", "HUN", "Budapest", {});
    club(6, "Budapest Honvéd FC", "HUN", "Budapest", {"Budapest Honvéd"});
    club(7, "FK Metalurg Skopje", "MKD", "Skopje", {"Metalurg Skopje"});
    club(8, "FC Metalurgi Rustavi", "GEO", std::nullopt, {"Metalurgi Rustavi"});
    club(9, "SK Liepājas Metalurgs", "LVA", "Liepāja", {"Liepājas Metalurgs"});
    club(10, "FC Dacia Chișinău", "MDA", "Chișinău", {"Dacia Chișinău"});
    club(11, "FC Zimbru Chișinău", "MDA", "Chișinău", {"Zimbru Chișinău"});
    club(12, "FC Zhetysu Taldykorgan", "KAZ", std::nullopt, {"Zhetysu"});
    club(13, "FC Pyunik", "ARM", "Yerevan", {"Pyunik FC"});
    club(14, "FC Torpedo Kutaisi", "GEO", std::nullopt, {});
    club(15, "FC Aktobe", "KAZ", std::nullopt, {});
    club(16, "FC Ordabasy Shymkent", "KAZ", std::nullopt, {});
    club(17, "FC Shirak", "ARM", std::nullopt, {"Shirak Gyumri"});
    club(18, "FC Gandzasar", "ARM", std::nullopt, {"FC Gandzasar Kapan"});
    club(19, "Xäzär Länkäran FK", "AZE", std::nullopt, {"Khazar Lankaran"});
    club(20, "KKS Lech Poznań", "POL", "Poznań", {});
    club(21, "Myllykosken Pallo -47", "FIN", "Myllykoski", {});
    club(22, "ÍBV Vestmannaeyjar", "ISL", "Vestmannaeyjar", {});
    club(23, "Rosenborg BK", "NOR", "Trondheim", {});
    club(24, "FC Twente", "NED", "Enschede", {});
    club(25, "Hibernians FC", "MLT", "Paola", {});
    club(26, "Bohemian FC", "IRL", "Dublin", {});
    club(27, "KuPS Kuopio", "FIN", "Kuopio", {"Kuopion Palloseura"});
    club(28, "Llanelli AFC", "WAL", "Llanelli", {});
    club(29, "Birkirkara FC", "MLT", "Birkirkara", {});
    club(30, "FC Gomel", "BLR", "Gomel", {});
    club(31, "St Patrick's Athletic FC", "IRL", "Dublin", {"St Patrick's Athletic"});
    club(32, "JK Trans Narva", "EST", "Narva", {});
    club(33, "KF Tirana", "ALB", "Tirana", {});
    club(34, "FC USV Eschen/Mauren", "LIE", "Mauren", {});
    club(35, "Stabæk", "NOR", "Bærum", {"Stabæk Fotball"});
    club(36, "Metalurg Zaporizhya", "UKR", "Zaporizhya", {});
    matcher_.add_exonym("Posen", "Poznań");
  }

  void club(std::int64_t id, const char* name, const char* country, std::optional<std::string> city,
            std::vector<std::string> names) {
    matcher_.add_club(ClubId(id), name, std::string(country), std::move(city));
    for (auto& n : names) matcher_.add_name(ClubId(id), n, std::nullopt);
  }

  // "name (method)" when resolved, else the status.
  std::string outcome(std::string_view raw, const MatchContext& context = {}) const {
    Resolution r = matcher_.resolve(raw, context);
    if (r.status != ResolveStatus::kResolved) return std::string(to_string(r.status));
    return r.club->name + " (" + r.method + ")";
  }

  std::vector<std::string> candidates(std::string_view raw) const {
    std::vector<std::string> out;
    for (const auto& c : matcher_.resolve(raw).candidates) out.push_back(c.club.name);
    std::sort(out.begin(), out.end());
    return out;
  }

  Matcher matcher_;
};

TEST_F(MatcherTest, ExactNormalizedAndFoldedLayers) {
  EXPECT_EQ(outcome("Inter Baku"), "İnter Bakı PİK (exact)");
  EXPECT_EQ(outcome("  Inter Baku "), "İnter Bakı PİK (exact)");
  EXPECT_EQ(outcome("INTER BAKU"), "İnter Bakı PİK (normalized)");
  EXPECT_EQ(outcome("Dacia Chişinău"), "FC Dacia Chișinău (normalized)");  // cedilla, comma below
  EXPECT_EQ(outcome("St Patrick’s Athletic"), "St Patrick's Athletic FC (normalized)");
  EXPECT_EQ(outcome("Dacia Chisinau"), "FC Dacia Chișinău (folded)");
  EXPECT_EQ(outcome("USV Eschen-Mauren"), "FC USV Eschen/Mauren (tokens)");
}

TEST_F(MatcherTest, TransliterationBridgesGermanAndEnglish) {
  EXPECT_EQ(outcome("FC Torpedo Kutaissi"), "FC Torpedo Kutaisi (transliterated)");
  EXPECT_EQ(outcome("Metalurgi Rustawi"), "FC Metalurgi Rustavi (transliterated)");
  EXPECT_EQ(outcome("FC Aqtöbe"), "FC Aktobe (transliterated)");
  EXPECT_EQ(outcome("Schirak Gjumri"), "FC Shirak (transliterated)");
  EXPECT_EQ(outcome("FC Gandsassar Kapan"), "FC Gandzasar (transliterated)");
  EXPECT_EQ(outcome("Chazar Lankaran"), "unknown");
  EXPECT_EQ(outcome("Xəzər Lənkəran"), "Xäzär Länkäran FK (transliterated)");
  EXPECT_EQ(outcome("Schetissu"), "FC Zhetysu Taldykorgan (transliterated)");
  EXPECT_EQ(outcome("Пюник"), "FC Pyunik (tokens)");
}

TEST_F(MatcherTest, UmlautsWrittenOutAreTheLettersTheyStandFor) {
  // ASCII sources write ä, ö, ü and ø as ae, oe, ue and oe.
  club(40, "1. FC Köln", "GER", "Köln", {"Köln", "FC Köln"});
  club(41, "Bayern München", "GER", "München", {"FC Bayern München"});
  club(42, "TSV 1860 München", "GER", "München", {"1860 München"});
  club(43, "Brøndby IF", "DEN", "Brøndby", {});
  club(44, "Malmö FF", "SWE", "Malmö", {});
  club(45, "Stade Malherbe Caen", "FRA", "Caen", {"Caen", "SM Caen"});
  EXPECT_EQ(outcome("Koeln"), "1. FC Köln (transliterated)");
  EXPECT_EQ(outcome("1. FC Koeln"), "1. FC Köln (transliterated)");
  EXPECT_EQ(outcome("FC Bayern Muenchen"), "Bayern München (transliterated)");
  EXPECT_EQ(outcome("TSV 1860 Muenchen"), "TSV 1860 München (transliterated)");
  EXPECT_EQ(outcome("Broendby IF"), "Brøndby IF (transliterated)");
  EXPECT_EQ(outcome("Malmoe FF"), "Malmö FF (transliterated)");
  // The city alone names neither club of it, written either way; a short word keeps its e.
  for (const char* city : {"München", "Muenchen"}) {
    EXPECT_NE(matcher_.resolve(city).status, ResolveStatus::kResolved) << city;
  }
  EXPECT_EQ(outcome("Can"), "unknown");
}

TEST(NameVocabulary, ReadsFormsEquatedToWhatTheyStandForAndSaysWhatALineLacks) {
  const NameVocabulary v = read_name_vocabulary("legal fc fk = fc\nshort utd = united\n", "v.txt");
  EXPECT_EQ(v.legal_forms,
            (std::vector<std::pair<std::string, std::string>>{{"fc", "fc"}, {"fk", "fc"}}));
  EXPECT_EQ(v.short_forms.at("utd"), "united");
  auto error_of = [](const char* text) {
    try {
      read_name_vocabulary(text, "v.txt");
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(error_of("short utd united\n").find("v.txt:1: expected \"short FORM ... = WORD\""),
            std::string::npos);
  EXPECT_NE(error_of("\nlegal fc =\n").find("v.txt:2: expected \"legal FORM ... = CLASS\""),
            std::string::npos);
}

TEST_F(MatcherTest, UtdIsUnited) {
  // The British press's short form, no prefix of the word it stands for.
  club(60, "Leeds United FC", "ENG", "Leeds", {"Leeds United"});
  club(61, "Dundee United FC", "SCO", "Dundee", {"Dundee United"});
  club(62, "Dundee FC", "SCO", "Dundee", {"Dundee"});
  EXPECT_EQ(outcome("Leeds Utd"), "Leeds United FC (transliterated)");
  EXPECT_EQ(outcome("Dundee Utd"), "Dundee United FC (transliterated)");
  EXPECT_NE(matcher_.resolve("Utd").status, ResolveStatus::kResolved);
}

TEST_F(MatcherTest, SheffAndWedAreSheffieldAndWednesday) {
  // The British press's short forms of Sheffield Wednesday, which no layer meets alone.
  club(65, "Sheffield Wednesday FC", "ENG", "Sheffield", {"Sheffield Wednesday"});
  club(66, "Sheffield United FC", "ENG", "Sheffield", {"Sheffield United"});
  EXPECT_EQ(outcome("Sheff Wed"), "Sheffield Wednesday FC (transliterated)");
  EXPECT_EQ(outcome("Sheffield Weds"), "Sheffield Wednesday FC (transliterated)");
  EXPECT_EQ(outcome("Sheff Utd"), "Sheffield United FC (transliterated)");
}

TEST_F(MatcherTest, LeagueTablesCutTheLastWordToItsFirstLetters) {
  club(70, "Bristol City FC", "ENG", "Bristol", {"Bristol City"});
  club(71, "Bristol Rovers FC", "ENG", "Bristol", {"Bristol Rovers"});
  club(72, "Notts County FC", "ENG", "Nottingham", {"Notts County"});
  club(73, "Sporting Charleroi", "BEL", "Charleroi", {});
  club(74, "Sporting Cristal", "PER", "Lima", {});
  club(75, "Real Madrid CF", "ESP", "Madrid", {"Real Madrid"});
  club(76, "Real Madrid Baloncesto", "ESP", "Madrid", {});
  EXPECT_EQ(outcome("Bristol C"), "Bristol City FC (abbreviation)");
  EXPECT_EQ(outcome("Bristol R"), "Bristol Rovers FC (abbreviation)");
  EXPECT_EQ(outcome("Notts Co"), "Notts County FC (abbreviation)");
  EXPECT_EQ(outcome("Bristol Rov."), "Bristol Rovers FC (abbreviation)");
  // A word of three letters or more that a club's name holds ("Man City") is that word, not
  // a cut one: "Bristol Man" is no Bristol Manor Farm.
  club(77, "Manchester City FC", "ENG", "Manchester", {"Man City"});
  club(78, "Bristol Manor Farm FC", "ENG", "Bristol", {"Bristol Manor Farm"});
  EXPECT_NE(matcher_.resolve("Bristol Man").status, ResolveStatus::kResolved);
  // Two clubs' words begin so: no guess.
  EXPECT_EQ(matcher_.resolve("Sporting C").status, ResolveStatus::kAmbiguous);
  // The city alone is no club's name cut short, nor is a reserve team's mark.
  EXPECT_NE(matcher_.resolve("Bristol").status, ResolveStatus::kResolved);
  const Resolution reserve = matcher_.resolve("Real Madrid B");
  EXPECT_FALSE(reserve.club && reserve.club->name == "Real Madrid Baloncesto");
}

// A nickname (data/clubs/nicknames.txt) is one club's the world over: a club whose name merely
// holds it is no rival, as it is to a spelling from anywhere else.
TEST_F(MatcherTest, ANicknameHasNoRivalThatMerelyHoldsItsWord) {
  club(80, "Tottenham Hotspur FC", "ENG", "London", {"Tottenham"});
  club(81, "Cape Town Spurs", "RSA", "Cape Town", {"Cape Town Spurs FC"});
  club(82, "Wolverhampton Wanderers FC", "ENG", "Wolverhampton", {"Wolves"});
  club(83, "Chattanooga Red Wolves", "USA", "Chattanooga", {});
  MatchContext typed;
  typed.typed = true;
  matcher_.add_name(ClubId(80), "Spurs", std::nullopt);
  EXPECT_EQ(matcher_.resolve("Spurs", typed).status, ResolveStatus::kAmbiguous);
  // The same spelling becoming a nickname, as nicknames.txt lists one the registry has.
  matcher_.add_name(ClubId(80), "Spurs", std::nullopt, true);
  EXPECT_EQ(outcome("Spurs", typed), "Tottenham Hotspur FC (exact)");
  EXPECT_EQ(outcome("Spurs"), "Tottenham Hotspur FC (exact)");
  EXPECT_EQ(outcome("SPURS", typed), "Tottenham Hotspur FC (normalized)");
  EXPECT_EQ(matcher_.resolve("Wolves", typed).status, ResolveStatus::kAmbiguous);
  // Where the source says the club is of another country, the nickname's club is not meant.
  MatchContext south_africa;
  south_africa.country = "RSA";
  EXPECT_NE(outcome("Spurs", south_africa), "Tottenham Hotspur FC (exact)");
}

TEST_F(MatcherTest, ACommonWordTypedAloneIsOnlyProposedEvenInTheScope) {
  club(50, "Shamrock Rovers FC", "IRL", "Dublin", {"Shamrock Rovers"});
  club(51, "Blackburn Rovers FC", "ENG", "Blackburn", {});
  club(52, "Bristol Rovers FC", "ENG", "Bristol", {});
  club(53, "Tranmere Rovers FC", "ENG", "Birkenhead", {});
  club(54, "Doncaster Rovers FC", "ENG", "Doncaster", {});
  club(55, "Raith Rovers FC", "SCO", "Kirkcaldy", {});
  MatchContext context;
  context.typed = true;
  context.scope = {ClubId(50)};  // the only one of them with data
  // "Rovers" is a word of five clubs: alone, it names none of them, even the one with data ...
  const Resolution rovers = matcher_.resolve("Rovers", context);
  EXPECT_NE(rovers.status, ResolveStatus::kResolved);
  ASSERT_FALSE(rovers.candidates.empty());
  EXPECT_EQ(rovers.candidates.front().club.name, "Shamrock Rovers FC");
  // ... while the club's own word does.
  EXPECT_EQ(outcome("Shamrock", context), "Shamrock Rovers FC (tokens)");
}

TEST_F(MatcherTest, WeakTokensAreDroppedAddedAndReordered) {
  EXPECT_EQ(outcome("Schetissu Taldyqorghan"), "FC Zhetysu Taldykorgan (tokens)");
  EXPECT_EQ(outcome("Pjunik Jerewan"), "FC Pyunik (tokens)");
  EXPECT_EQ(outcome("Ordabassy Schymkent"), "FC Ordabasy Shymkent (tokens)");
  EXPECT_EQ(outcome("Torpedo Kutaissi"), "FC Torpedo Kutaisi (tokens)");
  EXPECT_EQ(outcome("Rosenborg Trondheim"), "Rosenborg BK (tokens)");
  EXPECT_EQ(outcome("FC Twente Enschede"), "FC Twente (tokens)");
  EXPECT_EQ(outcome("Hibernians Paola"), "Hibernians FC (tokens)");
  EXPECT_EQ(outcome("Bohemians Dublin"), "Bohemian FC (tokens)");
  EXPECT_EQ(outcome("Honvéd Budapest"), "Budapest Honvéd FC (tokens)");
  EXPECT_EQ(outcome("JK Narva Trans"), "JK Trans Narva (tokens)");
  EXPECT_EQ(outcome("AFC Llanelli"), "Llanelli AFC (tokens)");
  EXPECT_EQ(outcome("FC Birkirkara"), "Birkirkara FC (tokens)");
  EXPECT_EQ(outcome("FK Gomel"), "FC Gomel (tokens)");
  EXPECT_EQ(outcome("KF Tiranë"), "KF Tirana (tokens)");
  EXPECT_EQ(outcome("Stabæk IF"), "Stabæk (tokens)");
  EXPECT_EQ(outcome("Rustawi Metalurgi"), "FC Metalurgi Rustavi (tokens)");
}

TEST_F(MatcherTest, ExonymAndAbbreviationLayers) {
  EXPECT_EQ(outcome("Lech Posen"), "KKS Lech Poznań (exonym)");
  EXPECT_EQ(outcome("MyPa-47"), "Myllykosken Pallo -47 (abbreviation)");
  EXPECT_EQ(outcome("MyPa"), "Myllykosken Pallo -47 (abbreviation)");
  EXPECT_EQ(outcome("ÍB Vestmannaeyja"), "ÍBV Vestmannaeyjar (abbreviation)");
  EXPECT_EQ(outcome("Kuopio PS"), "KuPS Kuopio (abbreviation)");
  EXPECT_EQ(outcome("Kuopion PS"), "KuPS Kuopio (abbreviation)");
}

TEST_F(MatcherTest, LegalFormAloneNeverMatchesAcross) {
  EXPECT_EQ(outcome("FC Santa Coloma"), "FC Santa Coloma (exact)");
  EXPECT_EQ(outcome("UE Santa Coloma"), "UE Santa Coloma (exact)");
  EXPECT_EQ(outcome("Santa Coloma UE"), "UE Santa Coloma (tokens)");
  EXPECT_EQ(outcome("US Santa Coloma"), "unknown");
  EXPECT_FALSE(matcher_.compatible("FC Santa Coloma", ClubId(2)));
  EXPECT_FALSE(matcher_.compatible("UE Santa Coloma", ClubId(1)));
}

// A city's small club or a phoenix club with the big club's one word and a short legal form of
// its own (CF Benfica, AFC Wimbledon) is not the club whose name holds another club word there,
// though every word of it is a spelling of that club: proposed for review, never bound.
TEST_F(MatcherTest, AnotherKindOfClubOfTheSameWordIsOnlyProposed) {
  club(40, "SL Benfica", "POR", "Lisboa", {"Benfica", "Sport Lisboa e Benfica"});
  club(41, "Wimbledon FC", "ENG", "London", {"Wimbledon"});
  EXPECT_EQ(outcome("CF Benfica"), "ambiguous");
  EXPECT_EQ(candidates("CF Benfica"), std::vector<std::string>{"SL Benfica"});
  EXPECT_EQ(outcome("UE Benfica"), "ambiguous");
  EXPECT_EQ(outcome("AFC Wimbledon"), "ambiguous");
  EXPECT_EQ(candidates("AFC Wimbledon"), std::vector<std::string>{"Wimbledon FC"});
  // The club's own words, and legal forms of its own kind, still find it.
  EXPECT_EQ(outcome("Benfica"), "SL Benfica (exact)");
  EXPECT_EQ(outcome("SL Benfica"), "SL Benfica (exact)");
  EXPECT_EQ(outcome("Benfica SL"), "SL Benfica (tokens)");
  EXPECT_EQ(outcome("FC Wimbledon"), "Wimbledon FC (tokens)");
  EXPECT_EQ(outcome("Wimbledon Football Club"), "Wimbledon FC (tokens)");
  // A legal form added to a club whose name holds none, or to a name of more words.
  EXPECT_EQ(outcome("Stabæk IF"), "Stabæk (tokens)");
  EXPECT_EQ(outcome("FK Liepājas Metalurgs"), "SK Liepājas Metalurgs (tokens)");
}

TEST_F(MatcherTest, DistinctClubsSharingWordsStayApart) {
  EXPECT_EQ(outcome("FK Baku"), "Bakı FK (exact)");
  EXPECT_EQ(outcome("FK İnter Baku"), "İnter Bakı PİK (tokens)");
  EXPECT_EQ(outcome("MTK Budapest FC"), "MTK Budapest (tokens)");
  EXPECT_EQ(outcome("Metalurg Skopje FK"), "FK Metalurg Skopje (tokens)");
  EXPECT_EQ(outcome("FK Liepājas Metalurgs"), "SK Liepājas Metalurgs (tokens)");
  EXPECT_EQ(outcome("Metalurg Rustavi"), "FC Metalurgi Rustavi (tokens)");
  EXPECT_EQ(outcome("Zimbru Chisinau"), "FC Zimbru Chișinău (folded)");
  EXPECT_EQ(outcome("Dacia"), "FC Dacia Chișinău (tokens)");
}

// A club an import made is known by the whole of a name a source gave it: a name of fewer words
// may be another club. A generic club noun alone ("Ramblers", "Rangers") is only a name of a club
// called just that.
TEST_F(MatcherTest, FewerWordsThanAnImportedNameAreAProposalOnly) {
  matcher_.add_club(ClubId(100), "Vauxhall Motors (Luton)", std::string("ENG"), std::nullopt,
                    true);
  matcher_.add_club(ClubId(101), "Darwen Ramblers", std::string("ENG"), std::nullopt, true);
  club(102, "Cobh Ramblers FC", "IRL", "Cobh", {});
  club(103, "Kidderminster Harriers FC", "ENG", "Kidderminster", {});
  EXPECT_EQ(outcome("Vauxhall Motors"), "unknown");
  EXPECT_EQ(outcome("Darwen"), "ambiguous");
  EXPECT_EQ(outcome("Ramblers"), "ambiguous");
  EXPECT_EQ(outcome("Harriers"), "ambiguous");
  EXPECT_EQ(outcome("Vauxhall Motors (Luton)"), "Vauxhall Motors (Luton) (exact)");
  EXPECT_EQ(outcome("Darwen Ramblers FC"), "Darwen Ramblers (tokens)");
  // A registry club is known by its distinctive words.
  EXPECT_EQ(outcome("Cobh Ramblers"), "Cobh Ramblers FC (tokens)");
  EXPECT_EQ(outcome("Kidderminster Harriers"), "Kidderminster Harriers FC (tokens)");
}

// In a country a source states, a club's own name without its legal form is that club, unless
// another club's name is that too but for legal forms and place words.
TEST_F(MatcherTest, AClubsOwnNameWithoutItsLegalFormInItsCountry) {
  club(110, "FC Barcelona", "ESP", "Barcelona", {"Barcelona"});
  club(111, "RCD Espanyol", "ESP", "Barcelona", {"Espanyol Barcelona"});
  club(112, "Barcelona SC", "ECU", "Guayaquil", {"Barcelona"});
  club(113, "Hereford FC", "ENG", "Hereford", {"Hereford"});
  club(114, "Hereford United FC", "ENG", "Hereford", {});
  MatchContext spain, andorra, england;
  spain.country = "ESP";
  andorra.country = "AND";
  england.country = "ENG";
  EXPECT_EQ(outcome("Barcelona", spain), "FC Barcelona (exact)");
  EXPECT_EQ(outcome("Barcelona"), "ambiguous");
  EXPECT_EQ(outcome("Santa Coloma", andorra), "ambiguous");
  EXPECT_EQ(outcome("Hereford", england), "ambiguous");
  EXPECT_EQ(outcome("Espanyol Barcelona", spain), "RCD Espanyol (exact)");
}

TEST_F(MatcherTest, ShortNamesThatFitSeveralClubsAreAmbiguous) {
  EXPECT_EQ(candidates("Santa Coloma"),
            (std::vector<std::string>{"FC Santa Coloma", "UE Santa Coloma"}));
  EXPECT_EQ(candidates("Baku"), (std::vector<std::string>{"Bakı FK", "İnter Bakı PİK"}));
  EXPECT_EQ(outcome("Budapest"), "ambiguous");
  EXPECT_EQ(outcome("Chișinău"), "ambiguous");
  EXPECT_EQ(candidates("Metalurg"),
            (std::vector<std::string>{"FC Metalurgi Rustavi", "FK Metalurg Skopje",
                                      "Metalurg Zaporizhya", "SK Liepājas Metalurgs"}));
  EXPECT_EQ(outcome("Xyzzy"), "unknown");
  EXPECT_EQ(outcome(""), "unknown");
}

TEST_F(MatcherTest, CountryNarrowsCandidates) {
  MatchContext georgia;
  georgia.country = "GEO";
  EXPECT_EQ(outcome("Metalurg", georgia), "FC Metalurgi Rustavi (tokens)");
  MatchContext andorra;
  andorra.country = "AND";
  EXPECT_EQ(outcome("Santa Coloma", andorra), "ambiguous");
}

TEST_F(MatcherTest, CannotLinkKeepsClubsApart) {
  EXPECT_TRUE(matcher_.compatible("Baku", ClubId(4)));
  matcher_.add_cannot_link(ClubId(3), ClubId(4));
  EXPECT_FALSE(matcher_.compatible("Baku", ClubId(4)));
  EXPECT_FALSE(matcher_.compatible("FK Baku", ClubId(4)));
  EXPECT_TRUE(matcher_.compatible("FK Baku", ClubId(3)));
}

TEST_F(MatcherTest, CompatibleGivesTheLayer) {
  auto c = matcher_.compatible("Santa Coloma", ClubId(2));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->method, "tokens");
  c = matcher_.compatible("Lech Posen", ClubId(20));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->method, "exonym");
  c = matcher_.compatible("Inter Baku", ClubId(4));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->method, "exact");
  EXPECT_DOUBLE_EQ(c->score, 1.0);
  EXPECT_FALSE(matcher_.compatible("MTK Budapest", ClubId(6)));
  EXPECT_FALSE(matcher_.compatible("Inter Baku", ClubId(99)));
}

TEST_F(MatcherTest, RemovedSpellingNoLongerMatches) {
  EXPECT_EQ(outcome("Zhetysu"), "FC Zhetysu Taldykorgan (exact)");
  matcher_.remove_name(ClubId(12), "Zhetysu");
  EXPECT_NE(outcome("Zhetysu"), "FC Zhetysu Taldykorgan (exact)");
  matcher_.remove_name(ClubId(12), "no such name");
}

TEST_F(MatcherTest, AmbiguousListsEveryCandidateWithMethodAndScore) {
  Resolution r = matcher_.resolve("Santa Coloma");
  ASSERT_EQ(r.status, ResolveStatus::kAmbiguous);
  EXPECT_FALSE(r.club);
  ASSERT_EQ(r.candidates.size(), 2u);
  EXPECT_EQ(r.candidates[0].method, "exact");
  EXPECT_GT(r.candidates[0].score, r.candidates[1].score);
}

TEST_F(MatcherTest, UnknownIdsAndDuplicateClubsAreUsageErrors) {
  EXPECT_THROW(matcher_.add_name(ClubId(999), "X", std::nullopt), Error);
  EXPECT_THROW(matcher_.add_club(ClubId(1), "Again", std::nullopt, std::nullopt), Error);
}

TEST_F(MatcherTest, ConstResolveIsSafeFromManyThreads) {
  std::vector<std::thread> threads;
  std::vector<int> resolved(4, 0);
  for (std::size_t t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        for (const char* q : {"Pjunik Jerewan", "Пюник", "MyPa", "Baku", "Lech Posen"}) {
          if (matcher_.resolve(q).status == ResolveStatus::kResolved) ++resolved[t];
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int n : resolved) EXPECT_EQ(n, 800);
}

TEST(Registry, ReadsClubsSpellingsAndLanguages) {
  std::istringstream in(
      "# comment\n= AZE\nBakı FK @ Baku   # a comment\n  | FK Baku\n  | Bakı [az]\n"
      "\n= ARM\nFC Shirak\n");
  std::vector<RegistryClub> clubs;
  read_registry(in, "r.txt", [&](RegistryClub&& c) { clubs.push_back(std::move(c)); });
  ASSERT_EQ(clubs.size(), 2u);
  EXPECT_EQ(clubs[0].name, "Bakı FK");
  EXPECT_EQ(clubs[0].country, "AZE");
  EXPECT_EQ(clubs[0].city, "Baku");
  ASSERT_EQ(clubs[0].names.size(), 2u);
  EXPECT_EQ(clubs[0].names[1].name, "Bakı");
  EXPECT_EQ(clubs[0].names[1].lang, "az");
  EXPECT_EQ(clubs[1].country, "ARM");
  EXPECT_FALSE(clubs[1].city);
}

// openfootball's lists may give a club's spellings on its own line: they are spellings, not a
// part of its name.
TEST(Registry, SpellingsOnTheClubLineAreSpellings) {
  std::istringstream in("= SUI\nFC Gambarogno-Contone | FC Gambarogno @ Gambarogno\n"
                        "  | Gambarogno\nFC Lugano|Lugano [it]\n");
  std::vector<RegistryClub> clubs;
  read_registry(in, "r.txt", [&](RegistryClub&& c) { clubs.push_back(std::move(c)); });
  ASSERT_EQ(clubs.size(), 2u);
  EXPECT_EQ(clubs[0].name, "FC Gambarogno-Contone");
  EXPECT_EQ(clubs[0].city, "Gambarogno");
  ASSERT_EQ(clubs[0].names.size(), 2u);
  EXPECT_EQ(clubs[0].names[0].name, "FC Gambarogno");
  EXPECT_EQ(clubs[0].names[1].name, "Gambarogno");
  EXPECT_EQ(clubs[1].name, "FC Lugano");
  ASSERT_EQ(clubs[1].names.size(), 1u);
  EXPECT_EQ(clubs[1].names[0].name, "Lugano");
  EXPECT_EQ(clubs[1].names[0].lang, "it");
}

TEST(Registry, MalformedLinesFailWithFileAndLine) {
  auto message = [](const std::string& text) {
    std::istringstream in(text);
    try {
      read_registry(in, "r.txt", [](RegistryClub&&) {});
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInput);
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("  | FK Baku\n"),
            "input: r.txt:1:3: expected a club line before a \"|\" spelling");
  EXPECT_EQ(message("Bakı FK\n"),
            "input: r.txt:1:1: expected a \"= CODE\" country line before a club");
  EXPECT_EQ(message("= Azerbaijan\n"),
            "input: r.txt:1:1: expected a three-letter country code after \"=\"");
  EXPECT_EQ(message("= AZE\nBakı FK\n  | \n"), "input: r.txt:3:3: expected a name after \"|\"");
}

TEST(Registry, NamePairs) {
  std::istringstream in("# distinct\nFC Santa Coloma != UE Santa Coloma\n");
  std::vector<std::pair<std::string, std::string>> pairs;
  read_name_pairs(in, "d.txt", "!=", [&](std::string&& a, std::string&& b) {
    pairs.emplace_back(a, b);
  });
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].second, "UE Santa Coloma");
  std::istringstream bad("FC Santa Coloma UE Santa Coloma\n");
  EXPECT_THROW(read_name_pairs(bad, "d.txt", "!=", [](std::string&&, std::string&&) {}), Error);
}

TEST(ShippedRegistry, LoadsWithEverySeedClub) {
  testing::ShippedRegistry registry;
  testing::load_shipped_registry(registry);
  EXPECT_GT(registry.matcher.size(), 3000u);
  EXPECT_TRUE(registry.ids.count("MFK Dubnica"));
}

TEST(DidYouMean, ClosestChoicesByEditDistanceToTheWholeOrItsLastWords) {
  const std::vector<std::string> commands = {"import", "export", "ties", "fixtures", "standings"};
  EXPECT_EQ(did_you_mean("tiez", commands), std::vector<std::string>{"ties"});
  EXPECT_EQ(did_you_mean("fixture", commands), std::vector<std::string>{"fixtures"});
  EXPECT_EQ(did_you_mean("imprt", commands), std::vector<std::string>{"import"});
  EXPECT_EQ(did_you_mean("tise", commands), std::vector<std::string>{"ties"});  // a swap is 1
  EXPECT_TRUE(did_you_mean("frobnicate", commands).empty());
  EXPECT_TRUE(did_you_mean("", commands).empty());
  const std::vector<std::string> competitions = {"UEFA Champions League", "UEFA Europa League",
                                                 "FA Cup", "Coupe de France"};
  EXPECT_EQ(did_you_mean("Champions Leage", competitions),
            std::vector<std::string>{"UEFA Champions League"});
  EXPECT_EQ(did_you_mean("coupe de frnace", competitions),
            std::vector<std::string>{"Coupe de France"});
  EXPECT_EQ(did_you_mean("EUROPA LEAGUE", competitions),
            std::vector<std::string>{"UEFA Europa League"});
  // Closest first (a last word alike is as close as the whole), at most `most`.
  EXPECT_EQ(did_you_mean("Cup", {"Cups", "Cap", "FA Cup"}, 2),
            (std::vector<std::string>{"FA Cup", "Cap"}));
}

}  // namespace
}  // namespace footballdb::names
