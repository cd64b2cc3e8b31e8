#include "interchange/json_reader.hpp"

#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "footballdb/error.hpp"
#include "vocabulary/competition_names.hpp"
#include "import/limits.hpp"
#include "vocabulary/rounds.hpp"

namespace footballdb::interchange {
namespace {

using import::check_club_name;
using import::Context;
using import::ImportContext;
using import::kMaxJsonDepth;
using import::kMaxLineBytes;

using nlohmann::json;

// Where the parser is in the input: updated as the parser reads characters.
struct Position {
  int line = 1;
  int column = 0;
  std::size_t bytes = 0;
};

// An input iterator over a stream that keeps `Position` up to date, so that parse events
// and errors know their line.
class CountingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = char;

  CountingIterator() = default;
  CountingIterator(std::istream& in, Position* pos) : it_(in), pos_(pos) {}
  char operator*() const { return *it_; }
  CountingIterator& operator++() {
    if (*it_ == '\n') {
      ++pos_->line;
      pos_->column = 0;
    } else if ((static_cast<unsigned char>(*it_) & 0xC0) != 0x80) {
      ++pos_->column;  // count characters, not UTF-8 continuation bytes
    }
    ++pos_->bytes;
    ++it_;
    return *this;
  }
  bool operator==(const CountingIterator& other) const { return it_ == other.it_; }
  bool operator!=(const CountingIterator& other) const { return it_ != other.it_; }

 private:
  std::istreambuf_iterator<char> it_;
  Position* pos_ = nullptr;
};

constexpr const char* kLineKey = "@line";

class Reader {
 public:
  Reader(ImportContext& context, const import::RecordSink& sink) : ctx_(context), sink_(sink) {}

  // Sources, clubs and rules are bound and stored here; rounds and ties go to the sink, which
  // counts them as records.
  void element(const std::string& section, json& value) {
    if (section == "rounds") {
      round(value);
    } else if (section == "ties") {
      tie(value);
    } else {
      ++ctx_.report.records;
      if (section == "sources") {
        source(value);
      } else if (section == "clubs") {
        club(value);
      } else if (section == "competitions") {
        competition(value);
      }
    }
  }

 private:
  SourceLocation at(const json& object) const {
    auto it = object.find(kLineKey);
    return SourceLocation{ctx_.path, it != object.end() ? it->get<int>() : 0, 0};
  }

  [[noreturn]] void fail(const json& object, const std::string& message) const {
    throw input_error(at(object), message);
  }

  void expect_object(const json& value, const char* what) const {
    if (!value.is_object()) fail(value, std::string("expected ") + what + " as an object");
  }

  void only_keys(const json& object, std::initializer_list<const char*> keys,
                 const char* what) const {
    for (const auto& item : object.items()) {
      if (item.key().rfind('@', 0) == 0) continue;
      bool known = false;
      for (const char* k : keys) known = known || item.key() == k;
      if (!known) {
        std::string list;
        for (const char* k : keys) list += std::string(list.empty() ? "" : ", ") + k;
        fail(object, "unexpected key \"" + item.key() + "\" in " + what + " (expected " + list +
                         ")");
      }
    }
  }

  std::optional<std::string> text(const json& object, const char* key, bool required = false) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
      if (required) fail(object, std::string("expected \"") + key + "\"");
      return std::nullopt;
    }
    if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
      fail(object, std::string("expected \"") + key + "\" as a non-empty string");
    }
    return it->get<std::string>();
  }

  std::optional<int> integer(const json& object, const char* key, int min, int max) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return std::nullopt;
    if (!it->is_number_integer() || it->get<std::int64_t>() < min ||
        it->get<std::int64_t>() > max) {
      fail(object, std::string("expected \"") + key + "\" as a whole number from " +
                       std::to_string(min) + " to " + std::to_string(max));
    }
    return it->get<int>();
  }

  std::optional<bool> boolean(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return std::nullopt;
    if (!it->is_boolean()) fail(object, std::string("expected \"") + key + "\" as true or false");
    return it->get<bool>();
  }

  std::optional<std::pair<int, int>> pair(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return std::nullopt;
    auto goals = [](const json& v) { return v.is_number_integer() && v >= 0 && v <= 99; };
    if (!it->is_array() || it->size() != 2 || !goals((*it)[0]) || !goals((*it)[1])) {
      fail(object, std::string("expected \"") + key + "\" as [home, away] goals from 0 to 99");
    }
    return std::pair<int, int>{(*it)[0].get<int>(), (*it)[1].get<int>()};
  }

  std::optional<Score> score(const json& object, const char* key) {
    auto p = pair(object, key);
    if (!p) return std::nullopt;
    return Score{p->first, p->second};
  }

  std::string season(const json& object, const std::optional<std::string>& given) {
    auto raw = given ? given : ctx_.options.season;
    if (!raw) fail(object, "expected \"season\" (or --season)");
    auto canonical = Season::normalize(*raw);
    if (!canonical) fail(object, "expected \"season\" as YYYY or YYYY-YY, got \"" + *raw + "\"");
    return *canonical;
  }

  // The competition, season and round of `object` (its round in `round_field`), else the
  // import's; the assembler names them as it names every record's.
  Context round_context(const json& object, const char* round_field) {
    auto competition = text(object, "competition");
    if (!competition) competition = ctx_.options.competition;
    if (!competition) fail(object, "expected \"competition\" (or --competition)");
    auto round_name = text(object, round_field);
    if (!round_name) round_name = ctx_.options.round;
    if (!round_name) fail(object, std::string("expected \"") + round_field + "\" (or --round)");
    Context out;
    out.competition = competition;
    out.season = season(object, text(object, "season"));
    out.round = round_name;
    return out;
  }

  ClubId club_ref(const json& object, const json& ref, const char* what) {
    if (ref.is_number_integer()) {
      auto it = local_clubs_.find(ref.get<std::int64_t>());
      if (it == local_clubs_.end()) {
        fail(object, std::string(what) + " refers to club " + ref.dump() +
                         ", which the \"clubs\" section above does not list");
      }
      return it->second;
    }
    if (ref.is_string() && !ref.get_ref<const std::string&>().empty()) {
      return ctx_.clubs.get(ref.get<std::string>(), at(object));
    }
    if (ref.is_object() && ref.contains("name") && ref["name"].is_string()) {
      return ctx_.clubs.get(ref["name"].get<std::string>(), at(object));
    }
    fail(object, std::string("expected ") + what +
                     " as a club: a number from the clubs section, a name, or {\"name\": ...}");
  }

  std::optional<ClubId> opt_club_ref(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return std::nullopt;
    return club_ref(object, *it, key);
  }

  // The stored source that `ref`'s "source" (an id of the "sources" section) names; an error
  // is of `what` at `where`.
  SourceId source_ref(const json& ref, const json& where, const std::string& what) {
    auto it = ref.find("source");
    if (it == ref.end() || !it->is_number_integer()) {
      fail(where, "expected " + what + "'s \"source\" as the id of a source listed above");
    }
    auto src = local_sources_.find(it->get<std::int64_t>());
    if (src == local_sources_.end()) {
      fail(where, what + " refers to source " + it->dump() +
                      ", which the \"sources\" section above does not list");
    }
    return src->second;
  }

  // Evidence: the listed sources, or this file at the object's line.
  std::vector<std::pair<SourceId, int>> evidence(const json& object) {
    std::vector<std::pair<SourceId, int>> out;
    auto it = object.find("evidence");
    if (it != object.end() && !it->is_null()) {
      const json list = it->is_array() ? *it : json::array({*it});
      for (const json& e : list) {
        if (!e.is_object() || !e.contains("source") || !e["source"].is_number_integer()) {
          fail(object, "expected \"evidence\" as {\"source\": N, \"line\": N} or a list of them");
        }
        out.emplace_back(source_ref(e, object, "evidence"),
                         integer(e, "line", 0, 1 << 30).value_or(0));
      }
    }
    if (out.empty()) out.emplace_back(ctx_.source, at(object).line);
    return out;
  }

  void source(const json& s) {
    expect_object(s, "a source");
    only_keys(s, {"id", "path", "sha256", "format", "imported_at", "options"}, "a source");
    auto id = integer(s, "id", 1, 1 << 30);
    if (!id) fail(s, "expected \"id\"");
    const std::string sha = *text(s, "sha256", true);
    if (sha.size() != 64 || sha.find_first_not_of("0123456789abcdef") != std::string::npos) {
      fail(s, "expected \"sha256\" as 64 lower-case hex digits");
    }
    std::optional<std::string> options;
    if (const auto o = s.find("options"); o != s.end() && !o->is_null()) {
      if (!o->is_object()) fail(*o, "expected \"options\" as an object");
      nlohmann::ordered_json given = nlohmann::ordered_json::object();
      for (auto it = o->begin(); it != o->end(); ++it) {
        if (it.key().rfind('@', 0) == 0) continue;  // where the reader found it
        if (!it->is_string()) fail(s, "expected each of \"options\" as a string");
        given[it.key()] = it->get<std::string>();
      }
      options = given.dump();
    }
    SourceId source;
    if (const auto stored = ctx_.store.sources.find(sha)) {
      source = stored->id;
    } else {
      source = ctx_.store.sources.add(*text(s, "path", true), sha, *text(s, "format", true),
                                     *text(s, "imported_at", true), options);
    }
    local_sources_[*id] = source;
  }

  void club(const json& c) {
    expect_object(c, "a club");
    only_keys(c, {"id", "name", "country", "city", "names", "origin"}, "a club");
    // A club the file declares is the stored club of that canonical name and country. Failing
    // that, a club the file marks as its own ("origin" other than "registry", as an export does
    // for clubs its database created) is created as it is; any other name is resolved.
    const std::string name = *text(c, "name", true);
    check_club_name(name, at(c));
    const auto country = text(c, "country");
    const auto origin = text(c, "origin");
    if (origin && *origin != "registry" && *origin != "import" && *origin != "user") {
      fail(c, "expected \"origin\" as registry, import or user");
    }
    // Two clubs may share a canonical name and country (the registry has two "Lorca FC"): the
    // file's clubs are matched to them in order.
    std::optional<ClubId> found;
    for (ClubId candidate : ctx_.store.clubs.find(name, country)) {
      if (claimed_.insert(candidate).second) {
        found = candidate;
        break;
      }
    }
    if (!found && !origin) found = ctx_.clubs.resolved(name, at(c), country);
    if (!found) ++ctx_.report.clubs_added;
    const ClubId id = found ? *found
                            : ctx_.store.clubs.add(name, country, text(c, "city"),
                                                  origin == std::optional<std::string>("user")
                                                      ? "user"
                                                      : "import",
                                                  ctx_.source, at(c).line);
    if (found) ctx_.store.clubs.fill_details(*found, country, text(c, "city"));
    if (auto local = integer(c, "id", 0, 1 << 30)) local_clubs_[*local] = id;
    auto it = c.find("names");
    if (it == c.end() || it->is_null()) return;
    if (!it->is_array()) fail(c, "expected \"names\" as a list");
    for (const json& n : *it) {
      if (n.is_string() && !n.get_ref<const std::string&>().empty()) {
        check_club_name(n.get_ref<const std::string&>(), at(c));
        ctx_.store.clubs.add_name(id, n.get<std::string>(), std::nullopt, ctx_.source, "import");
      } else if (n.is_object() && n.contains("name") && n["name"].is_string()) {
        check_club_name(n["name"].get_ref<const std::string&>(), at(c));
        ctx_.store.clubs.add_name(id, n["name"].get<std::string>(), text(n, "lang"),
                                 ctx_.source, "import");
      } else {
        fail(c, "expected each of \"names\" as a name or {\"name\": ..., \"lang\": ...}");
      }
    }
  }

  void competition(const json& c) {
    expect_object(c, "a competition");
    only_keys(c, {"name", "rules"}, "a competition");
    const std::string name = *text(c, "name", true);
    ctx_.store.rounds.competition_id(name);  // listed without rules, it still exists (and in this order)
    auto it = c.find("rules");
    if (it == c.end() || it->is_null()) return;
    if (!it->is_array()) fail(c, "expected \"rules\" as a list");
    std::optional<std::string> changed;
    for (const json& r : *it) {
      expect_object(r, "rules");
      only_keys(r, {"from", "round", "legs", "away_goals", "away_goals_extra_time", "extra_time",
                    "penalties", "replays", "replay_limit", "replay_extra_time",
                    "replay_penalties"},
                "rules");
      const std::string from = season(r, text(r, "from", true));
      const std::string round = text(r, "round").value_or("");
      RuleSet rules = default_rules(name, *Season::start_year(from), round);
      rules.legs = static_cast<int>(integer(r, "legs", 1, 2).value_or(rules.legs));
      rules.away_goals = boolean(r, "away_goals").value_or(rules.away_goals);
      rules.away_goals_extra_time =
          boolean(r, "away_goals_extra_time").value_or(rules.away_goals_extra_time);
      rules.extra_time = boolean(r, "extra_time").value_or(rules.extra_time);
      rules.penalties = boolean(r, "penalties").value_or(rules.penalties);
      rules.replays = boolean(r, "replays").value_or(rules.replays);
      rules.replay_limit =
          static_cast<int>(integer(r, "replay_limit", 0, 99).value_or(rules.replay_limit));
      rules.replay_extra_time = boolean(r, "replay_extra_time").value_or(rules.replay_extra_time);
      rules.replay_penalties = boolean(r, "replay_penalties").value_or(rules.replay_penalties);
      const std::string competition = vocabulary::canonical_competition(name, Season::start_year(from));
      const auto canonical = vocabulary::canonical_round(round);
      ctx_.store.put_rules(competition, *Season::start_year(from), rules,
                           round.empty() || !canonical ? round : canonical->name);
      changed = competition;
    }
    // The ties stored before this file was read are decided again by the new rules; the file's
    // own are decided when the import writes its outcomes.
    if (changed) ctx_.store.recompute_competition(*changed);
  }

  void round(const json& r) {
    expect_object(r, "a round");
    only_keys(r, {"competition", "season", "name", "order", "knockout", "stated"}, "a round");
    import::RoundRecord record;
    record.where = at(r);
    record.context = round_context(r, "name");
    record.order = integer(r, "order", 0, 1 << 20);
    record.knockout = boolean(r, "knockout");
    if (auto it = r.find("stated"); it != r.end() && !it->is_null()) {
      if (!it->is_array()) fail(r, "expected \"stated\" as a list");
      for (const json& n : *it) {
        expect_object(n, "a stated round name");
        only_keys(n, {"name", "source"}, "a stated round name");
        record.stated.emplace_back(source_ref(n, n, "a stated round name"),
                                   *text(n, "name", /*required=*/true));
      }
    }
    sink_(std::move(record));
  }

  storage::LegDraft leg(const json& l) {
    expect_object(l, "a leg");
    only_keys(l, {"number", "replay", "status", "date", "kickoff", "home", "away", "neutral",
                  "venue", "full_time", "half_time", "extra_time", "penalties", "awarded_to",
                  "evidence", "score"},
              "a leg");
    storage::LegDraft d;
    d.line = at(l).line;
    Leg& leg = d.leg;
    if (auto n = integer(l, "number", 1, 99)) {
      leg.number = *n;
      d.numbered = true;
    }
    leg.replay = boolean(l, "replay").value_or(false);
    if (auto s = text(l, "status")) {
      auto status = parse_leg_status(*s);
      if (!status) {
        fail(l, "expected \"status\" as played, scheduled, awarded, walkover, annulled or "
                "cancelled");
      }
      leg.status = *status;
    }
    if (auto date = text(l, "date")) {
      leg.date = Date::parse(*date);
      if (!leg.date) fail(l, "expected \"date\" as a real date YYYY-MM-DD, got \"" + *date + "\"");
    }
    if (auto kickoff = text(l, "kickoff")) {
      leg.kickoff = LocalTime::parse(*kickoff);
      if (!leg.kickoff) fail(l, "expected \"kickoff\" as HH:MM, got \"" + *kickoff + "\"");
    }
    if (!l.contains("home") || !l.contains("away")) fail(l, "expected \"home\" and \"away\"");
    leg.home.id = club_ref(l, l["home"], "home");
    leg.away.id = club_ref(l, l["away"], "away");
    if (leg.home.id == leg.away.id) fail(l, "expected two different clubs in a leg");
    leg.neutral_venue = boolean(l, "neutral").value_or(false);
    leg.venue = text(l, "venue");
    leg.full_time = score(l, "full_time");
    leg.half_time = score(l, "half_time");
    leg.extra_time = score(l, "extra_time");
    leg.penalties = score(l, "penalties");
    if (!leg.full_time && !leg.extra_time) leg.full_time = score(l, "score");
    leg.awarded_to = opt_club_ref(l, "awarded_to");
    if (leg.status == LegStatus::kPlayed && !leg.score()) leg.status = LegStatus::kScheduled;
    validate(l, leg);
    return d;
  }

  // The checks the schema makes too, said in the file's terms.
  void validate(const json& l, const Leg& leg) {
    if (leg.status == LegStatus::kWalkover &&
        (!leg.awarded_to || (*leg.awarded_to != leg.home.id && *leg.awarded_to != leg.away.id))) {
      fail(l, "expected \"awarded_to\" (home or away) for a walkover");
    }
    if (auto problem = leg_problem(leg)) fail(l, "expected " + *problem);
  }


  void tie(const json& t) {
    expect_object(t, "a tie");
    only_keys(t, {"id", "competition", "season", "round", "number", "clubs", "coin_toss_winner",
                  "legs", "stated", "evidence", "aggregate", "winner", "decided_by",
                  "extra_time", "group"},
              "a tie");
    import::DraftRecord record;
    record.where = at(t);
    record.context = round_context(t, "round");
    storage::TieDraft& d = record.draft;
    d.number = integer(t, "number", 1, 1 << 20);
    auto clubs = t.find("clubs");
    if (clubs != t.end() && !clubs->is_null()) {
      if (!clubs->is_array() || clubs->empty() || clubs->size() > 2) {
        fail(t, "expected \"clubs\" as [club, club] or [club, null]");
      }
      if (!(*clubs)[0].is_null()) d.club_a = club_ref(t, (*clubs)[0], "clubs[0]");
      if (clubs->size() == 2 && !(*clubs)[1].is_null()) {
        d.club_b = club_ref(t, (*clubs)[1], "clubs[1]");
      }
      if (!d.club_a && d.club_b) std::swap(d.club_a, d.club_b);
      if (d.club_a && d.club_a == d.club_b) fail(t, "expected two different clubs in a tie");
    }
    d.coin_toss_winner = opt_club_ref(t, "coin_toss_winner");
    d.group = text(t, "group");
    d.evidence = evidence(t);
    if (auto legs = t.find("legs"); legs != t.end() && !legs->is_null()) {
      if (!legs->is_array()) fail(t, "expected \"legs\" as a list");
      for (const json& l : *legs) {
        storage::LegDraft leg = leg_draft_with_evidence(l);
        for (ClubId club : {leg.leg.home.id, leg.leg.away.id}) {
          if (!d.club_a) {
            d.club_a = club;
          } else if (club != *d.club_a && !d.club_b) {
            d.club_b = club;
          } else if (club != *d.club_a && club != *d.club_b) {
            fail(l, "expected every leg between the tie's two clubs");
          }
        }
        d.legs.push_back(std::move(leg));
      }
    }
    if (!d.club_a && !d.number) fail(t, "expected \"clubs\", \"legs\" or \"number\"");
    if (auto stated = t.find("stated"); stated != t.end() && !stated->is_null()) {
      if (!stated->is_array()) fail(t, "expected \"stated\" as a list");
      for (const json& s : *stated) d.claims.push_back(claim(s));
    }
    sink_(std::move(record));
  }

  storage::LegDraft leg_draft_with_evidence(const json& l) {
    storage::LegDraft d = leg(l);
    if (l.contains("evidence")) {
      d.evidence = evidence(l);
      d.line = d.evidence.front().second;
    }
    return d;
  }

  storage::ClaimDraft claim(const json& s) {
    expect_object(s, "a stated outcome");
    only_keys(s, {"winner", "aggregate", "decided_by", "text", "evidence"}, "a stated outcome");
    storage::ClaimDraft c;
    c.winner = opt_club_ref(s, "winner");
    if (auto agg = pair(s, "aggregate")) c.aggregate = Aggregate{agg->first, agg->second};
    if (auto how = text(s, "decided_by")) {
      c.decided_by = parse_decided_by(*how);
      if (!c.decided_by) {
        fail(s, "expected \"decided_by\" as aggregate, away_goals, penalties, replay, "
                "coin_toss, walkover or awarded");
      }
    }
    // The source's words, where it had any: a claim read from a CSV row has none (""), as the
    // exporter writes it.
    const auto words = s.find("text");
    const bool none =
        words != s.end() && words->is_string() && words->get_ref<const std::string&>().empty();
    c.text = none ? std::string() : text(s, "text").value_or("");
    if (!c.winner && !c.aggregate && !c.decided_by) {
      fail(s, "expected a stated \"winner\", \"aggregate\" or \"decided_by\"");
    }
    auto ev = evidence(s);
    c.source = ev.front().first;
    c.line = ev.front().second;
    return c;
  }

  ImportContext& ctx_;
  const import::RecordSink& sink_;
  std::unordered_map<std::int64_t, ClubId> local_clubs_;
  std::unordered_map<std::int64_t, SourceId> local_sources_;
  std::unordered_set<ClubId> claimed_;  // stored clubs the clubs section has named
};

const std::set<std::string> kSections = {"sources", "clubs", "competitions", "rounds", "ties"};

}  // namespace

void read_json(std::istream& in, ImportContext& context, const import::RecordSink& sink) {
  Position pos;
  Reader reader(context, sink);
  std::vector<int> object_lines;  // line of each open object, by depth
  std::string section;
  bool versioned = false;

  auto check_depth = [&](int depth) {
    if (depth >= kMaxJsonDepth) {
      throw input_error({context.path, pos.line, pos.column},
                        "expected objects and arrays nested at most " +
                            std::to_string(kMaxJsonDepth) + " deep");
    }
  };
  // The parser has checked the UTF-8; a NUL byte, which JSON writes as \u0000, is refused as in
  // every other format.
  auto check_string = [&](const std::string& text) {
    if (text.size() > kMaxLineBytes) {
      throw input_error({context.path, pos.line, pos.column},
                        "expected a string of at most " + std::to_string(kMaxLineBytes >> 10) +
                            " KiB");
    }
    if (text.find('\0') != std::string::npos) {
      throw input_error({context.path, pos.line, pos.column},
                        "expected text, got a NUL byte (\\u0000) in a string");
    }
  };
  // Every section but the version is a list of objects.
  auto expect_list = [&] {
    throw input_error({context.path, pos.line, pos.column},
                      "expected \"" + section + "\" as a list of objects");
  };
  auto expect_objects = [&] {
    throw input_error({context.path, pos.line, pos.column},
                      "expected each element of \"" + section + "\" as an object");
  };
  auto callback = [&](int depth, json::parse_event_t event, json& parsed) -> bool {
    switch (event) {
      case json::parse_event_t::object_start:
        check_depth(depth);
        if (depth == 1 && section != "footballdb") expect_list();
        object_lines.push_back(pos.line);
        return true;
      case json::parse_event_t::key:
        check_string(parsed.get_ref<const std::string&>());
        if (depth == 1) {
          section = parsed.get<std::string>();
          if (section != "footballdb" && kSections.count(section) == 0) {
            throw input_error({context.path, pos.line, pos.column},
                              "unexpected section \"" + section +
                                  "\" (expected footballdb, sources, clubs, competitions, "
                                  "rounds, ties)");
          }
        }
        return true;
      case json::parse_event_t::object_end: {
        const int line = object_lines.back();
        object_lines.pop_back();
        if (depth == 0) return true;
        parsed[kLineKey] = line;
        if (depth == 2 && kSections.count(section) != 0) {
          reader.element(section, parsed);
          if (context.options.progress) {
            context.options.progress(context.path, pos.bytes, 0);
          }
          return false;  // handled: drop it, so memory stays bounded
        }
        return true;
      }
      case json::parse_event_t::value:
        if (parsed.is_string()) check_string(parsed.get_ref<const std::string&>());
        if (depth == 1 && section == "footballdb") {
          if (!parsed.is_number_integer() || parsed.get<int>() != 1) {
            throw input_error({context.path, pos.line, pos.column},
                              "expected \"footballdb\": 1 (this footballdb reads version 1)");
          }
          versioned = true;
        } else if (depth == 1) {
          expect_list();
        } else if (depth == 2) {
          expect_objects();
        }
        return true;
      case json::parse_event_t::array_start:
        check_depth(depth);
        if (depth == 2) expect_objects();
        return true;
      case json::parse_event_t::array_end:
        return true;
    }
    return true;
  };

  try {
    // Elements are handled and dropped as they end: what stays is the small top level.
    const json top = json::parse(CountingIterator(in, &pos), CountingIterator(), callback);
    if (!top.is_object()) {
      throw input_error({context.path, 1, 1}, "expected a footballdb document: {\"footballdb\": 1, ...}");
    }
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
    auto colon = what.find(": ");
    throw input_error({context.path, pos.line, pos.column},
                      "expected JSON: " + (colon == std::string::npos ? what
                                                                       : what.substr(colon + 2)));
  } catch (const json::exception& e) {
    throw input_error({context.path, pos.line, pos.column}, e.what());
  }
  if (!versioned) {
    throw input_error({context.path, 1, 1}, "expected a footballdb document: {\"footballdb\": 1, ...}");
  }
}

bool sniff_json(std::string_view head) {
  auto first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return false;
  if (head.substr(first, 3) == "\xEF\xBB\xBF") first += 3;
  return head[first] == '{' && head.find("\"footballdb\"") != std::string_view::npos;
}

}  // namespace footballdb::interchange
