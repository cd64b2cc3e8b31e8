// The README's example: import the sample sources, ask for a club's ties and next match; then an
// error caught across the library's boundary and the version macros.
#include <footballdb/footballdb.hpp>
#include <iostream>

int main(int argc, char** argv) {
  using namespace footballdb;
  if (argc != 3) {
    std::cerr << "usage: consumer PAIRINGS RESULTS\n";
    return 2;
  }
  Database db = Database::open(":memory:");
  ImportOptions options;
  options.competition = "UEFA Europa League";
  options.season = "2012-13";
  options.round = "Second qualifying round";
  import_files(db, {argv[1], argv[2]}, options);

  TieFilter filter;
  filter.club = db.require_club("Lech Posen").id;
  const std::vector<Tie> ties = db.ties(filter);
  for (const Tie& tie : ties) {
    std::cout << tie.club_a->name << " v " << (tie.club_b ? tie.club_b->name : "?");
    if (tie.winner) std::cout << ": " << tie.winner->name << " (" << to_string(*tie.outcome.decided_by) << ")";
    std::cout << "\n";
  }
  auto next = db.next_fixture(filter.club.value(), *Date::parse("2012-07-06"));
  if (next) std::cout << "next: " << next->leg.date->to_string() << "\n";
  bool ok = ties.size() == 1 && ties[0].outcome.aggregate == Aggregate{3, 1} && next &&
            next->leg.date->to_string() == "2012-07-12";
  // An Error thrown inside the library is caught here by its type and code.
  try {
    db.require_club("Nonesuch Wanderers of Nowhere");
    ok = false;
  } catch (const Error& e) {
    ok = ok && e.code() == ErrorCode::kClub;
  }
  static_assert(FOOTBALLDB_VERSION_NUMBER == FOOTBALLDB_VERSION_MAJOR * 10000 +
                                                 FOOTBALLDB_VERSION_MINOR * 100 +
                                                 FOOTBALLDB_VERSION_PATCH);
  std::cout << "footballdb " << FOOTBALLDB_VERSION << "\n";
  return ok ? 0 : 1;
}
