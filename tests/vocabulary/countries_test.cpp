#include "vocabulary/countries.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace footballdb::vocabulary {
namespace {

using Codes = std::vector<std::string>;

TEST(AdmittedCountries, AListedCompetitionAdmitsItsList) {
  EXPECT_EQ(admitted_countries("FA Cup"), (Codes{"ENG", "IRL", "NIR", "SCO", "WAL"}));
  EXPECT_EQ(admitted_countries("Coupe de France"), (Codes{"FRA", "MON"}));
  const Codes& uefa = admitted_countries("UEFA Champions League");
  EXPECT_NE(std::find(uefa.begin(), uefa.end(), "BIH"), uefa.end());
  EXPECT_NE(std::find(uefa.begin(), uefa.end(), "MNE"), uefa.end());
}

// A national cup footballdb does not list is of the country its name names, in English or the
// country's own language: a club of another country is no club of its ("FK Rudar" of the
// Bosnian cup is not Montenegro's FK Rudar Pljevlja).
TEST(AdmittedCountries, ACompetitionNamingOneCountryAdmitsThatCountry) {
  EXPECT_EQ(admitted_countries("Bosnia and Herzegovina Cup"), Codes{"BIH"});
  EXPECT_EQ(admitted_countries("Czech Republic Cup"), Codes{"CZE"});
  EXPECT_EQ(admitted_countries("Türkiye Kupasi"), Codes{"TUR"});
  EXPECT_EQ(admitted_countries("Belgium Beker van België"), Codes{"BEL"});
  EXPECT_EQ(admitted_countries("Puchar Polski"), Codes{"POL"});
  EXPECT_EQ(admitted_countries("ÖFB-Cup"), Codes{"AUT"});
  EXPECT_EQ(admitted_countries("swiss cup"), (Codes{"LIE", "SUI"}));  // with its own neighbours
  EXPECT_EQ(admitted_countries("Scottish League Cup"), (Codes{"ENG", "SCO"}));
  // The longer name first: Northern Ireland's cup is not the Republic's.
  EXPECT_EQ(admitted_countries("Northern Ireland Cup"), Codes{"NIR"});
  EXPECT_EQ(admitted_countries("Ireland FAI Cup"), (Codes{"IRL", "NIR"}));
}

TEST(AdmittedCountries, ACompetitionNamingNoCountryOrTwoAdmitsAny) {
  EXPECT_TRUE(admitted_countries("Landspokalturneringen").empty());
  EXPECT_TRUE(admitted_countries("Anglo-Italian Cup").empty());
  EXPECT_TRUE(admitted_countries("Bench National Cup 3").empty());
  EXPECT_TRUE(admitted_countries("Copa Ficticia").empty());
}

}  // namespace
}  // namespace footballdb::vocabulary
