// Importing footballdb's JSON interchange format through the public API, as a user would:
// counts, re-imports, malformed files and rollback, context, merging, names and round trips.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "footballdb/footballdb.hpp"
#include "storage/database_impl.hpp"
#include "testing.hpp"

namespace footballdb {
namespace {

using testing::data_path;
using testing::TempDir;

const std::string kSample = data_path("json/uefa-europa-league-2012-13-q2.json");
const std::string kCases = data_path("json/cases.json");

std::string export_text(const Database& db) {
  std::ostringstream out;
  export_json(db, out);
  return out.str();
}

// The one value `sql` selects, straight from SQLite.
std::int64_t select_int(const Database& db, const std::string& sql) {
  return detail::DatabaseAccess::sqlite(db).execAndGet(sql).getInt64();
}

std::string select_text(const Database& db, const std::string& sql) {
  return detail::DatabaseAccess::sqlite(db).execAndGet(sql).getString();
}

// The ties of `club`, which must have a known name.
std::vector<Tie> ties_of(const Database& db, const std::string& club) {
  TieFilter filter;
  filter.club = db.require_club(club).id;
  return db.ties(filter);
}

// Expects importing `paths` to fail with Error(`code`) whose message contains every one of
// `parts`, and to leave the database exactly as it was.
void expect_rejected(Database& db, const std::vector<std::string>& paths,
                     const std::vector<std::string>& parts, ErrorCode code = ErrorCode::kInput) {
  const std::string before = export_text(db);
  try {
    import_files(db, paths);
    ADD_FAILURE() << "import succeeded";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), code) << e.what();
    for (const std::string& part : parts) {
      EXPECT_NE(std::string(e.what()).find(part), std::string::npos)
          << "'" << part << "' not in: " << e.what();
    }
  }
  EXPECT_EQ(export_text(db), before);
}

// --- Importing the sample ---

TEST(JsonImport, SampleGivesEveryTieLegAndClub) {
  Database db = Database::open(":memory:");
  const ImportReport report = import_files(db, {kSample});
  ASSERT_EQ(report.files.size(), 1u);
  const FileReport& f = report.files[0];
  EXPECT_EQ(f.path, kSample);
  EXPECT_EQ(f.format, "json");
  EXPECT_FALSE(f.already_imported);
  EXPECT_EQ(f.records, 38);  // one round and 37 ties
  EXPECT_EQ(f.ties_added, 37);
  EXPECT_EQ(f.ties_merged, 0);
  EXPECT_EQ(f.legs_added, 74);
  EXPECT_EQ(f.legs_confirmed, 0);
  EXPECT_EQ(f.claims, 37);
  // 72 names are registry clubs; "Víkingur" and "FC Daugava" each fit several clubs and got a
  // club of their own, queued for review.
  EXPECT_EQ(f.clubs_added, 2);
  EXPECT_EQ(f.reviews, 2);
  EXPECT_EQ(f.conflicts, 0);
  EXPECT_FALSE(report.dry_run);

  EXPECT_EQ(db.ties().size(), 37u);
  EXPECT_EQ(select_int(db, "SELECT count(*) FROM legs"), 74);
  EXPECT_EQ(select_int(db, "SELECT count(DISTINCT c) FROM (SELECT home c FROM legs "
                           "UNION ALL SELECT away FROM legs)"),
            74);
  EXPECT_EQ(select_int(db, "SELECT count(*) FROM clubs WHERE origin = 'import'"), 2);
  EXPECT_EQ(select_int(db, "SELECT count(*) FROM name_reviews WHERE status = 'open'"), 2);
  EXPECT_EQ(db.fixtures().size(), 74u);
  for (const Tie& t : db.ties()) {
    EXPECT_TRUE(t.winner) << t.club_a->name << " v " << t.club_b->name;
    EXPECT_FALSE(t.disagreement) << t.club_a->name << " v " << t.club_b->name;
  }
}

TEST(JsonImport, ImportingTheSameFileAgainChangesNothing) {
  Database db = Database::open(":memory:");
  import_files(db, {kSample});
  const std::string before = export_text(db);
  const ImportReport again = import_files(db, {kSample});
  ASSERT_EQ(again.files.size(), 1u);
  EXPECT_TRUE(again.files[0].already_imported);
  EXPECT_EQ(again.files[0].records, 0);
  EXPECT_EQ(again.files[0].ties_added, 0);
  EXPECT_EQ(export_text(db), before);
}

TEST(JsonImport, TheSameContentUnderAnotherNameIsImportedOnce) {
  TempDir dir;
  const std::string copy = dir.path("copy-of-q2.json");
  std::filesystem::copy_file(kSample, copy);
  Database db = Database::open(":memory:");
  import_files(db, {kSample});
  const std::string before = export_text(db);
  const ImportReport again = import_files(db, {copy});
  EXPECT_TRUE(again.files[0].already_imported);
  EXPECT_EQ(export_text(db), before);
  EXPECT_EQ(select_int(db, "SELECT count(*) FROM sources"), 1);
}

TEST(JsonImport, DryRunReportsCountsAndWritesNothing) {
  Database db = Database::open(":memory:");
  const std::string empty = export_text(db);
  ImportOptions options;
  options.dry_run = true;
  const ImportReport report = import_files(db, {kSample}, options);
  EXPECT_TRUE(report.dry_run);
  ASSERT_EQ(report.files.size(), 1u);
  EXPECT_EQ(report.files[0].ties_added, 37);
  EXPECT_EQ(report.files[0].legs_added, 74);
  EXPECT_EQ(report.files[0].clubs_added, 2);
  EXPECT_EQ(export_text(db), empty);
  EXPECT_TRUE(db.ties().empty());
  // Nothing was remembered either: a real import afterwards does the work.
  EXPECT_EQ(import_files(db, {kSample}).files[0].ties_added, 37);
}

// --- Malformed files ---

// A database holding the sample, and a directory for bad files.
class JsonImportErrors : public ::testing::Test {
 protected:
  void SetUp() override { import_files(db_, {kSample}); }
  // Writes a file `name` with `content` and expects importing it to fail at `line` saying
  // `expected`, leaving the database as it was.
  void expect_input_error(const std::string& content, int line, const std::string& expected) {
    const std::string path = dir_.write("bad.json", content);
    expect_rejected(db_, {path}, {"input: " + path + ":" + std::to_string(line) + ":", expected});
  }

  Database db_ = Database::open(":memory:");
  TempDir dir_;
};

// A document with one tie whose only leg is `leg`, on line 4.
std::string tie_with_leg(const std::string& leg) {
  return "{\"footballdb\": 1,\n"
         "\"ties\": [\n"
         "{\"competition\": \"UEFA Cup\", \"season\": \"2012-13\", \"round\": \"Final\",\n"
         " \"legs\": [" + leg + "\n]}\n]}\n";
}

TEST_F(JsonImportErrors, BadSyntaxNamesTheLine) {
  expect_input_error(tie_with_leg(R"({"home": "A", "away": "B", "full_time": [1, 0],})"), 4,
                     "expected JSON");
}

TEST_F(JsonImportErrors, AScoreNeedsTwoNumbers) {
  expect_input_error(tie_with_leg(R"({"home": "A", "away": "B", "full_time": [2]})"), 4,
                     "expected \"full_time\" as [home, away] goals");
}

TEST_F(JsonImportErrors, ADateMustBeReal) {
  expect_input_error(tie_with_leg(R"({"home": "A", "away": "B", "date": "2012-02-30"})"), 4,
                     "expected \"date\" as a real date YYYY-MM-DD, got \"2012-02-30\"");
}

TEST_F(JsonImportErrors, AKickoffMustBeAClockTime) {
  expect_input_error(tie_with_leg(R"({"home": "A", "away": "B", "kickoff": "25:00"})"), 4,
                     "expected \"kickoff\" as HH:MM, got \"25:00\"");
}

TEST_F(JsonImportErrors, AnUnknownKeyIsNamed) {
  expect_input_error(tie_with_leg(R"({"home": "A", "away": "B", "fulltime": [1, 0]})"), 4,
                     "unexpected key \"fulltime\" in a leg (expected number,");
}

TEST_F(JsonImportErrors, AWalkoverNeedsTheClubItWasAwardedTo) {
  expect_input_error(tie_with_leg(R"({"home": "A", "away": "B", "status": "walkover"})"), 4,
                     "expected \"awarded_to\" (home or away) for a walkover");
}

TEST_F(JsonImportErrors, ALegBetweenOtherClubsThanTheTiesPointsAtTheLeg) {
  expect_input_error(
      "{\"footballdb\": 1,\n"
      "\"ties\": [\n"
      "{\"competition\": \"UEFA Cup\", \"season\": \"2012-13\", \"round\": \"Final\",\n"
      " \"clubs\": [\"A\", \"B\"], \"legs\": [\n"
      "  {\"home\": \"A\", \"away\": \"B\", \"full_time\": [1, 0]},\n"
      "  {\"home\": \"B\", \"away\": \"C\", \"full_time\": [1, 0]}\n"
      "]}\n"
      "]}\n",
      6, "expected every leg between the tie's two clubs");
}

TEST_F(JsonImportErrors, ANumericClubMustBeListed) {
  expect_input_error(
      "{\"footballdb\": 1,\n"
      "\"clubs\": [{\"id\": 1, \"name\": \"A\"}, {\"id\": 2, \"name\": \"B\"}],\n"
      "\"ties\": [\n"
      "{\"competition\": \"UEFA Cup\", \"season\": \"2012-13\", \"round\": \"Final\", \"legs\": [\n"
      "  {\"home\": 1, \"away\": 3, \"full_time\": [1, 0]}\n"
      "]}\n"
      "]}\n",
      5, "away refers to club 3, which the \"clubs\" section above does not list");
}

TEST_F(JsonImportErrors, AVersionOtherThanOneIsRefused) {
  expect_input_error("{\"footballdb\": 2,\n\"ties\": []}\n", 1, "expected \"footballdb\": 1");
}

TEST_F(JsonImportErrors, ADocumentWithoutTheVersionIsRefused) {
  const std::string content =
      "{\"ties\": [\n"
      "{\"competition\": \"UEFA Cup\", \"season\": \"2012-13\", \"round\": \"Final\",\n"
      " \"clubs\": [\"A\", \"B\"]}\n"
      "]}\n";
  // Detected by content, it is no footballdb document ...
  expect_input_error(content, 1, "expected");
  // ... and read as one, it lacks the version.
  const std::string path = dir_.write("unversioned.json", content);
  const std::string before = export_text(db_);
  ImportOptions options;
  options.format = "json";
  try {
    import_files(db_, {path}, options);
    ADD_FAILURE() << "import succeeded";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInput);
    EXPECT_NE(std::string(e.what()).find(path + ":1:"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("expected a footballdb document: {\"footballdb\": 1"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(export_text(db_), before);
}

TEST_F(JsonImportErrors, ABadSecondFileRollsBackTheFirst) {
  const std::string good =
      dir_.write("good.json",
                 "{\"footballdb\": 1, \"ties\": [\n"
                 "{\"competition\": \"UEFA Cup\", \"season\": \"2012-13\", \"round\": \"Final\",\n"
                 " \"legs\": [{\"home\": \"A\", \"away\": \"B\", \"full_time\": [1, 0]}]}\n"
                 "]}\n");
  const std::string bad =
      dir_.write("bad.json", tie_with_leg(R"({"home": "A", "away": "B", "full_time": [2]})"));
  expect_rejected(db_, {good, bad}, {bad + ":4:"});
  // The first file was not remembered as imported: importing it alone works.
  EXPECT_EQ(import_files(db_, {good}).files[0].ties_added, 1);
}

// --- Context from the options ---

TEST(JsonImportContext, OptionsGiveWhatTheTiesLeaveOut) {
  TempDir dir;
  const std::string path = dir.write(
      "final.json",
      "{\"footballdb\": 1, \"ties\": [\n"
      "{\"legs\": [{\"date\": \"2013-05-15\", \"home\": \"Chelsea\", \"away\": \"Benfica\",\n"
      "            \"neutral\": true, \"full_time\": [2, 1]}]},\n"
      "{\"round\": \"Semi-finals\", \"clubs\": [\"Chelsea\", \"FC Basel\"]}\n"
      "]}\n");
  Database db = Database::open(":memory:");
  ImportOptions options;
  options.competition = "UEFA Europa League";
  options.season = "2012/13";
  options.round = "Final";
  import_files(db, {path}, options);
  auto ties = ties_of(db, "Chelsea");
  ASSERT_EQ(ties.size(), 2u);
  EXPECT_EQ(ties[0].round, "Final");  // created first, ordered first
  EXPECT_EQ(ties[0].competition, "UEFA Europa League");
  EXPECT_EQ(ties[0].season, "2012-13");
  EXPECT_EQ(ties[0].winner->name, "Chelsea FC");
  EXPECT_EQ(ties[1].round, "Semi-finals");
  EXPECT_EQ(ties[1].season, "2012-13");
}

TEST_F(JsonImportErrors, ADocumentThatContradictsItselfIsRefusedAtTheLaterLine) {
  // The same leg twice in one document with two scores: neither is taken silently.
  TempDir dir;
  const std::string path = dir.write(
      "twice.json",
      "{\"footballdb\": 1, \"ties\": [\n"
      "{\"competition\": \"UEFA Europa League\", \"season\": \"2012-13\",\n"
      " \"round\": \"Final\", \"legs\": [{\"date\": \"2013-05-15\", \"home\": \"Chelsea\",\n"
      " \"away\": \"Benfica\", \"full_time\": [2, 1]}]},\n"
      "{\"competition\": \"UEFA Europa League\", \"season\": \"2012-13\",\n"
      " \"round\": \"Final\", \"legs\": [{\"date\": \"2013-05-15\", \"home\": \"Chelsea\",\n"
      " \"away\": \"Benfica\", \"full_time\": [1, 1]}]}\n"
      "]}\n");
  Database db = Database::open(":memory:");
  expect_rejected(db, {path}, {path + ":5:", "2-1", "1-1"});
}

TEST(JsonImportContext, ATiesRoundIsNamedAsEveryFormatNamesIt) {
  // A qualifying competition's "First round" is the first qualifying round, as in a CSV file
  // or a Football.TXT heading; the round's names after a comma say which round it is.
  TempDir dir;
  const std::string path = dir.write(
      "rounds.json",
      "{\"footballdb\": 1, \"ties\": [\n"
      "{\"competition\": \"UEFA Champions League qualifying\", \"season\": \"2012-13\",\n"
      " \"round\": \"First round\", \"clubs\": [\"Linfield\", \"B36 Torshavn\"]},\n"
      "{\"competition\": \"UEFA Champions League\", \"season\": \"2012-13\",\n"
      " \"round\": \"Finals, Round of 16\", \"clubs\": [\"Galatasaray\", \"Schalke 04\"]}\n"
      "]}\n");
  Database db = Database::open(":memory:");
  import_files(db, {path});
  const auto first = ties_of(db, "Linfield");
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].competition, "UEFA Champions League");
  EXPECT_EQ(first[0].round, "First qualifying round");
  const auto last16 = ties_of(db, "Galatasaray");
  ASSERT_EQ(last16.size(), 1u);
  EXPECT_EQ(last16[0].round, "Round of 16");
}

TEST(JsonImportContext, AFieldNeitherFileNorOptionsGiveIsNamed) {
  TempDir dir;
  const std::string path =
      dir.write("final.json",
                "{\"footballdb\": 1, \"ties\": [\n"
                "{\"season\": \"2012-13\", \"clubs\": [\"Chelsea\", \"Benfica\"]}\n"
                "]}\n");
  Database db = Database::open(":memory:");
  ImportOptions options;
  options.competition = "UEFA Europa League";
  const std::string before = export_text(db);
  try {
    import_files(db, {path}, options);
    ADD_FAILURE() << "import succeeded";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInput);
    EXPECT_NE(std::string(e.what()).find(path + ":2:"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("expected \"round\""), std::string::npos) << e.what();
  }
  EXPECT_EQ(export_text(db), before);
}

// --- Merging what several files say ---

TEST(JsonImportMerge, APartialTieIsCompletedByTheFullOne) {
  const std::string partial = data_path("json/lech-partial.json");
  Database db = Database::open(":memory:");
  const FileReport first = import_files(db, {partial}).files[0];
  EXPECT_EQ(first.ties_added, 1);
  EXPECT_EQ(first.claims, 1);
  auto ties = ties_of(db, "Lech Poznań");
  ASSERT_EQ(ties.size(), 1u);
  EXPECT_FALSE(ties[0].club_b);
  // The legs decide nothing: the outcome is what the one source states.
  EXPECT_TRUE(ties[0].outcome.stated);
  EXPECT_EQ(ties[0].outcome.aggregate, (Aggregate{3, 1}));

  const FileReport second = import_files(db, {kSample}).files[0];
  EXPECT_EQ(second.ties_added, 36);
  EXPECT_EQ(second.ties_merged, 1);
  EXPECT_EQ(second.conflicts, 0);
  EXPECT_EQ(db.ties().size(), 37u);
  ties = ties_of(db, "Lech Poznań");
  ASSERT_EQ(ties.size(), 1u);
  const Tie& t = ties[0];
  ASSERT_TRUE(t.club_b);
  EXPECT_EQ(t.club_b->name, "FC Zhetysu Taldykorgan");
  EXPECT_EQ(t.winner->name, "KKS Lech Poznań");
  EXPECT_EQ(t.outcome.aggregate, (Aggregate{3, 1}));
  EXPECT_FALSE(t.outcome.stated);
  ASSERT_EQ(t.stated.size(), 2u);
  EXPECT_EQ(t.stated[0].aggregate, (Aggregate{3, 1}));
  EXPECT_EQ(t.stated[0].text, "Lech Poznań went through 3–1 on aggregate.");
  EXPECT_EQ(t.stated[0].evidence.path, partial);
  EXPECT_EQ(t.stated[0].evidence.line, 5);
  EXPECT_EQ(t.stated[1].winner->name, "KKS Lech Poznań");
  EXPECT_FALSE(t.disagreement);
  ASSERT_EQ(t.evidence.size(), 2u);
  EXPECT_EQ(t.evidence[0].path, partial);
  EXPECT_EQ(t.evidence[0].line, 3);
  EXPECT_EQ(t.evidence[1].path, kSample);
  EXPECT_EQ(t.evidence[1].line, 28);
}

TEST(JsonImportMerge, TheSameLegFromTwoFilesIsOneLegWithTwoPiecesOfEvidence) {
  const std::string leg_file = data_path("json/lech-first-leg.json");
  Database db = Database::open(":memory:");
  import_files(db, {kSample});
  const FileReport report = import_files(db, {leg_file}).files[0];
  EXPECT_EQ(report.ties_added, 0);
  EXPECT_EQ(report.ties_merged, 1);
  EXPECT_EQ(report.legs_added, 0);
  EXPECT_EQ(report.legs_confirmed, 1);
  EXPECT_EQ(report.conflicts, 0);
  EXPECT_EQ(select_int(db, "SELECT count(*) FROM legs"), 74);
  auto ties = ties_of(db, "Lech Poznań");
  ASSERT_EQ(ties.size(), 1u);
  ASSERT_EQ(ties[0].legs.size(), 2u);
  const Leg& leg = ties[0].legs[0];
  EXPECT_EQ(leg.full_time, (Score{2, 0}));
  EXPECT_EQ(leg.half_time, (Score{0, 0}));  // kept from the sample
  ASSERT_EQ(leg.evidence.size(), 2u);
  EXPECT_EQ(leg.evidence[0].path, kSample);
  EXPECT_EQ(leg.evidence[1].path, leg_file);
  EXPECT_EQ(leg.evidence[1].line, 5);
}

TEST(JsonImportMerge, ADifferentScoreIsAConflictAndTheStoredScoreStays) {
  const std::string other = data_path("json/lech-first-leg-3-0.json");
  Database db = Database::open(":memory:");
  import_files(db, {kSample});
  const FileReport report = import_files(db, {other}).files[0];
  EXPECT_EQ(report.conflicts, 1);
  auto ties = ties_of(db, "Lech Poznań");
  ASSERT_EQ(ties.size(), 1u);
  EXPECT_EQ(ties[0].legs[0].full_time, (Score{2, 0}));
  EXPECT_EQ(ties[0].outcome.aggregate, (Aggregate{3, 1}));
  SQLite::Statement q(detail::DatabaseAccess::sqlite(db),
                      "SELECT c.field, c.stored, c.claimed, c.line, s.path, c.leg_id = l.id "
                      "FROM conflicts c JOIN sources s ON s.id = c.source_id "
                      "JOIN legs l ON l.tie_id = c.tie_id AND l.number = 1");
  ASSERT_TRUE(q.executeStep());
  EXPECT_EQ(q.getColumn(0).getString(), "full_time");
  EXPECT_EQ(q.getColumn(1).getString(), "2-0");
  EXPECT_EQ(q.getColumn(2).getString(), "3-0");
  EXPECT_EQ(q.getColumn(3).getInt(), 5);
  EXPECT_EQ(q.getColumn(4).getString(), other);
  EXPECT_EQ(q.getColumn(5).getInt(), 1);
  EXPECT_FALSE(q.executeStep());
}

// One leg of Lech v Zhetysu as a source gives it: `facts` are the leg's JSON keys after the clubs.
std::string lech_leg(const std::string& facts) {
  return "{\"footballdb\": 1, \"ties\": [{\"competition\": \"UEFA Europa League\", "
         "\"season\": \"2012-13\", \"round\": \"Second qualifying round\", \"legs\": [{"
         "\"number\": 1, \"home\": \"Lech Poznań\", \"away\": \"Zhetysu Taldykorgan\", " +
         facts + "}]}]}\n";
}

TEST(JsonImportMerge, AResultThatDiffersAnywhereChangesNothingOfTheStoredOne) {
  TempDir dir;
  Database db = Database::open(":memory:");
  import_files(db, {dir.write("a.json", lech_leg("\"full_time\": [1, 0]"))});
  // 3-0 with 2-0 at half time: the half-time score alone would not fit the stored 1-0.
  const FileReport report =
      import_files(db, {dir.write("b.json", lech_leg("\"full_time\": [3, 0], \"half_time\": [2, 0]"))})
          .files[0];
  EXPECT_EQ(report.conflicts, 1);
  const Tie t = ties_of(db, "Lech Poznań").at(0);
  ASSERT_EQ(t.legs.size(), 1u);
  EXPECT_EQ(t.legs[0].full_time, (Score{1, 0}));
  EXPECT_FALSE(t.legs[0].half_time);
  EXPECT_EQ(select_text(db, "SELECT field || ' ' || stored || ' ' || claimed FROM conflicts"),
            "full_time 1-0 3-0");
}

TEST(JsonImportMerge, AResultThatAgreesFillsInWhatIsMissing) {
  TempDir dir;
  Database db = Database::open(":memory:");
  import_files(db, {dir.write("a.json", lech_leg("\"full_time\": [2, 0]"))});
  const FileReport report =
      import_files(db, {dir.write("b.json", lech_leg("\"full_time\": [2, 0], \"half_time\": [0, 0]"))})
          .files[0];
  EXPECT_EQ(report.conflicts, 0);
  EXPECT_EQ(report.legs_confirmed, 1);
  EXPECT_EQ(ties_of(db, "Lech Poznań").at(0).legs[0].half_time, (Score{0, 0}));
}

TEST(JsonImportMerge, APlayedLegAgainstAStoredWalkoverIsAConflict) {
  TempDir dir;
  Database db = Database::open(":memory:");
  import_files(db, {dir.write("a.json", lech_leg("\"status\": \"walkover\", \"awarded_to\": \"Lech Poznań\""))});
  const FileReport report =
      import_files(db, {dir.write("b.json", lech_leg("\"full_time\": [1, 0]"))}).files[0];
  EXPECT_EQ(report.conflicts, 1);  // the status: the score that comes with it is not applied
  const Tie t = ties_of(db, "Lech Poznań").at(0);
  EXPECT_EQ(t.legs[0].status, LegStatus::kWalkover);
  EXPECT_FALSE(t.legs[0].full_time);
  EXPECT_EQ(t.outcome.decided_by, DecidedBy::kWalkover);
}

// A tie of `a` v `b` in the 2012-13 (or `season`) second qualifying round, `a` winning 2-0, 1-1.
std::string won_tie(const std::string& a, const std::string& b,
                    const std::string& season = "2012-13") {
  return "{\"competition\": \"UEFA Europa League\", \"season\": \"" + season +
         "\", \"round\": \"Second qualifying round\", \"legs\": ["
         "{\"number\": 1, \"home\": \"" + a + "\", \"away\": \"" + b + "\", \"full_time\": [2, 0]},"
         "{\"number\": 2, \"home\": \"" + b + "\", \"away\": \"" + a + "\", \"full_time\": [1, 1]}]}";
}

TEST(JsonImportMerge, AcceptingANameThatWonItsTieMovesTheWinnerToo) {
  TempDir dir;
  Database db = Database::open(":memory:");
  import_files(db, {dir.write("a.json", "{\"footballdb\": 1, \"ties\": [" +
                                            won_tie("Víkingur", "KR Reykjavík") + "]}")});
  const std::vector<NameReview> open = db.reviews();
  ASSERT_EQ(open.size(), 1u);
  db.accept_review(open[0].id, db.require_club("Víkingur Reykjavík").id);
  const Tie t = ties_of(db, "KR Reykjavík").at(0);
  EXPECT_EQ(t.winner->name, "Víkingur Reykjavík");
  EXPECT_EQ(t.club_b->name, "Víkingur Reykjavík");
}

TEST(JsonImportMerge, AReviewThatCannotBeSettledThroughItsTieStaysOpen) {
  TempDir dir;
  Database db = Database::open(":memory:");
  // "Víkingur" meets KR in 2012-13 and Fram in 2010-11, while Víkingur Reykjavík met Fylkir in
  // that same 2010-11 round: whoever "Víkingur" is, it is not Víkingur Reykjavík.
  import_files(db, {dir.write("a.json", "{\"footballdb\": 1, \"ties\": [" +
                                            won_tie("Víkingur", "KR Reykjavík") + "," +
                                            won_tie("Víkingur", "Fram Reykjavík", "2010-11") +
                                            "," +
                                            won_tie("Víkingur Reykjavík", "Fylkir", "2010-11") +
                                            "]}")});
  const FileReport report =
      import_files(db, {dir.write("b.json", "{\"footballdb\": 1, \"ties\": [" +
                                                won_tie("Víkingur Reykjavík", "KR Reykjavík") +
                                                "]}")})
          .files[0];
  EXPECT_EQ(report.reviews_settled, 0);
  EXPECT_EQ(report.conflicts, 1);  // the pairing: KR's tie is with "Víkingur"
  ASSERT_EQ(db.reviews().size(), 1u);
  EXPECT_EQ(db.reviews()[0].name, "Víkingur");
}

TEST(JsonImportMerge, AClubWithASecondOpponentInAKnockoutRoundIsAConflict) {
  Database db = Database::open(":memory:");
  import_files(db, {kSample});
  const FileReport report = import_files(db, {data_path("json/lech-other-opponent.json")}).files[0];
  // Lech Poznań v FC Twente (each in a tie of its own) and Lech Poznań v Real Madrid.
  EXPECT_EQ(report.ties_added, 0);
  EXPECT_EQ(report.ties_merged, 0);
  EXPECT_EQ(report.conflicts, 2);
  EXPECT_EQ(db.ties().size(), 37u);
  auto ties = ties_of(db, "Lech Poznań");
  ASSERT_EQ(ties.size(), 1u);
  EXPECT_EQ(ties[0].club_b->name, "FC Zhetysu Taldykorgan");
  ASSERT_EQ(ties_of(db, "FC Twente").size(), 1u);
  EXPECT_EQ(ties_of(db, "FC Twente")[0].club_b->name, "UE Santa Coloma");
  EXPECT_TRUE(ties_of(db, "Real Madrid").empty());
  EXPECT_EQ(select_int(db, "SELECT count(*) FROM conflicts WHERE field = 'pairing'"), 2);
}

// --- Export and import again ---

// `document` with every source id replaced by the source's sha256 and the source at `drop_path`
// left out.
nlohmann::json by_source_hash(nlohmann::json document, const std::string& drop_path = "") {
  std::map<std::int64_t, std::string> sha;
  std::string dropped;  // the hash of the source at drop_path
  nlohmann::json sources = nlohmann::json::array();
  for (nlohmann::json s : document["sources"]) {
    sha[s["id"].get<std::int64_t>()] = s["sha256"].get<std::string>();
    if (s["path"] == drop_path) {
      dropped = s["sha256"].get<std::string>();
      continue;
    }
    s.erase("id");
    sources.push_back(s);
  }
  document["sources"] = sources;
  auto fix = [&sha](nlohmann::json& evidence) {
    if (evidence.is_object()) evidence = nlohmann::json::array({evidence});
    for (nlohmann::json& e : evidence) e["source"] = sha.at(e["source"].get<std::int64_t>());
  };
  // The round names a source gave, by its hash; those of the dropped source (an export
  // imported names its rounds too) left out.
  for (nlohmann::json& round : document["rounds"]) {
    if (!round.contains("stated")) continue;
    nlohmann::json stated = nlohmann::json::array();
    for (nlohmann::json n : round["stated"]) {
      const std::string source = sha.at(n["source"].get<std::int64_t>());
      if (!drop_path.empty() && source == dropped) continue;
      n["source"] = source;
      stated.push_back(n);
    }
    round["stated"] = stated;
  }
  for (nlohmann::json& tie : document["ties"]) {
    fix(tie["evidence"]);
    for (nlohmann::json& leg : tie["legs"]) fix(leg["evidence"]);
    for (nlohmann::json& stated : tie["stated"]) fix(stated["evidence"]);
  }
  return document;
}

// Every section of `a` and `b` the same, element by element.
void expect_same_document(const nlohmann::json& a, const nlohmann::json& b) {
  for (const char* section : {"sources", "clubs", "competitions", "rounds", "ties"}) {
    ASSERT_EQ(a[section].size(), b[section].size()) << section;
    for (std::size_t i = 0; i < a[section].size(); ++i) {
      EXPECT_EQ(a[section][i], b[section][i]) << section << " " << i;
    }
  }
}

TEST(JsonRoundTrip, ExportImportExportGivesTheSameDocument) {
  Database first = Database::open(":memory:");
  import_files(first, {data_path("json/lech-partial.json")});
  import_files(first, {kSample, kCases});
  import_files(first,
               {data_path("json/lech-first-leg.json"), data_path("json/lech-first-leg-3-0.json")});
  RuleSet no_away_goals;
  no_away_goals.away_goals = false;
  first.set_rules("UEFA Champions League", "2005-06", no_away_goals);

  TempDir dir;
  const std::string exported = dir.path("export.json");
  std::ofstream(exported) << export_text(first);
  Database second = Database::open(":memory:");
  import_files(second, {exported});
  expect_same_document(by_source_hash(nlohmann::json::parse(export_text(first))),
                       by_source_hash(nlohmann::json::parse(export_text(second)), exported));
  EXPECT_EQ(second.rules("UEFA Champions League", "2007-08"), no_away_goals);
}

// An export of text and CSV sources imports as they were: the rounds keep the names each source
// gave them ("2.Qualifikationsrunde", engsoccerdata's "QF"), and the claims a CSV row makes
// (without words of their own) come back.
TEST(JsonRoundTrip, AnExportOfTextAndCsvSourcesKeepsTheirRoundNamesAndClaims) {
  Database first = Database::open(":memory:");
  ImportOptions uel;
  uel.competition = "UEFA Europa League";
  uel.season = "2012-13";
  uel.round = "Second qualifying round";
  import_files(first, {data_path("000_98225e7db66c08bd.txt")}, uel);
  import_files(first, {data_path("csv/champs_layout.csv")});
  TempDir dir;
  const std::string exported = dir.write("export.json", export_text(first));
  Database second = Database::open(":memory:");
  import_files(second, {exported});
  const auto a = by_source_hash(nlohmann::json::parse(export_text(first)));
  const auto b = by_source_hash(nlohmann::json::parse(export_text(second)), exported);
  expect_same_document(a, b);
  bool named = false;
  for (const nlohmann::json& round : b["rounds"]) {
    for (const nlohmann::json& n : round.value("stated", nlohmann::json::array())) {
      named = named || n["name"] == "2.Qualifikationsrunde";
    }
  }
  EXPECT_TRUE(named) << "the pairing table's own name of its round";
}

TEST(JsonRoundTrip, ImportingAnExportIntoItsOwnDatabaseAddsOnlyTheSource) {
  Database db = Database::open(":memory:");
  import_files(db, {data_path("json/lech-partial.json"), kSample, kCases});
  const std::string before = export_text(db);
  TempDir dir;
  const std::string exported = dir.write("export.json", before);
  const FileReport report = import_files(db, {exported}).files[0];
  EXPECT_EQ(report.ties_added, 0);
  EXPECT_EQ(report.legs_added, 0);
  EXPECT_EQ(report.claims, 0);
  EXPECT_EQ(report.clubs_added, 0);
  EXPECT_EQ(report.conflicts, 0);
  EXPECT_EQ(by_source_hash(nlohmann::json::parse(export_text(db)), exported),
            by_source_hash(nlohmann::json::parse(before)));
  EXPECT_EQ(ties_of(db, "Lech Poznań")[0].stated.size(), 2u);
}

// --- Club names ---

TEST(JsonImportNames, NamesWithALanguageAreStored) {
  Database db = Database::open(":memory:");
  import_files(db, {kCases});
  // cases.json declares "Inter" of ITA: the registry's club, which gains the new spelling.
  const Club inter = *db.club(db.require_club("Inter Mediolan").id);
  EXPECT_EQ(inter.name, "FC Internazionale Milano");
  EXPECT_EQ(inter.country, "ITA");
  const ClubName& added = inter.names.back();
  EXPECT_EQ(added.name, "Inter Mediolan");
  EXPECT_EQ(added.lang, "pl");
  EXPECT_EQ(added.origin, kCases);
}

TEST(JsonImportNames, AFoldedSpellingMeansTheKnownClubAndIsRecorded) {
  TempDir dir;
  const std::string path =
      dir.write("lech.json",
                "{\"footballdb\": 1, \"ties\": [\n"
                "{\"competition\": \"UEFA Europa League\", \"season\": \"2012-13\",\n"
                " \"round\": \"Second qualifying round\", \"clubs\": [\"LECH POZNAN\", null]}\n"
                "]}\n");
  Database db = Database::open(":memory:");
  import_files(db, {kSample});
  const FileReport report = import_files(db, {path}).files[0];
  EXPECT_EQ(report.clubs_added, 0);
  EXPECT_EQ(report.ties_merged, 1);
  const Resolution r = db.resolve("LECH POZNAN");
  ASSERT_EQ(r.status, ResolveStatus::kResolved);
  EXPECT_EQ(r.club->name, "KKS Lech Poznań");
  EXPECT_EQ(r.method, "exact");  // the spelling is known now
  const Club lech = *db.club(r.club->id);
  EXPECT_EQ(lech.names.back().name, "LECH POZNAN");
  EXPECT_EQ(lech.names.back().origin, path);
  EXPECT_EQ(select_text(db, "SELECT method FROM club_names WHERE name = 'LECH POZNAN'"),
            "folded");
}

TEST(JsonImportNames, AnAmbiguousNameGetsAClubOfItsOwnAndAwaitsReview) {
  TempDir dir;
  const std::string path = dir.write(
      "vikingur.json",
      "{\"footballdb\": 1, \"ties\": [\n"
      "{\"competition\": \"UEFA Europa League\", \"season\": \"2012-13\",\n"
      " \"round\": \"First qualifying round\", \"clubs\": [\"Víkingur\", \"FC Santa Coloma\"]}\n"
      "]}\n");
  Database db = Database::open(":memory:");
  const FileReport report = import_files(db, {path}).files[0];
  EXPECT_EQ(report.reviews, 1);
  auto ties = ties_of(db, "FC Santa Coloma");
  ASSERT_EQ(ties.size(), 1u);
  EXPECT_EQ(ties[0].club_b->name, "Víkingur");
  EXPECT_NE(ties[0].club_b->id, db.require_club("Víkingur Gøta").id);
  EXPECT_NE(ties[0].club_b->id, db.require_club("Víkingur Reykjavík").id);
  const std::string candidates =
      select_text(db, "SELECT candidates FROM name_reviews WHERE name = 'Víkingur'");
  EXPECT_NE(candidates.find("Víkingur Gøta"), std::string::npos);
  EXPECT_NE(candidates.find("Víkingur Reykjavík"), std::string::npos);
  EXPECT_EQ(select_text(db, "SELECT reason FROM name_reviews WHERE name = 'Víkingur'"),
            "ambiguous");
}

}  // namespace
}  // namespace footballdb
