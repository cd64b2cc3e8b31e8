// to_json for the CLI's --json output.
#include <nlohmann/json.hpp>

#include "export/json_values.hpp"
#include "footballdb/json.hpp"

namespace footballdb {

using json = nlohmann::ordered_json;
using namespace json_values;

namespace {

json club(const std::optional<ClubRef>& ref) {
  if (!ref) return nullptr;
  return json{{"id", ref->id.value()}, {"name", ref->name}};
}

json evidence(const std::vector<Evidence>& list) {
  json out = json::array();
  for (const Evidence& e : list) {
    out.push_back({{"source", e.source.value()}, {"path", e.path}, {"line", e.line}});
  }
  return out;
}

json candidate(const Candidate& c) {
  return json{{"id", c.club.id.value()},
              {"name", c.club.name},
              {"matched_name", c.matched_name},
              {"method", c.method},
              {"score", c.score},
              {"country", opt(c.country)},
              {"ties", c.ties}};
}

json leg_json(const Leg& leg) {
  return json{{"number", leg.number},
              {"date", opt(leg.date)},
              {"kickoff", opt(leg.kickoff)},
              {"home", club(leg.home)},
              {"away", club(leg.away)},
              {"score", score(leg.score())},
              {"full_time", score(leg.full_time)},
              {"half_time", score(leg.half_time)},
              {"extra_time", score(leg.extra_time)},
              {"penalties", score(leg.penalties)},
              {"status", to_string(leg.status)},
              {"replay", leg.replay},
              {"neutral", leg.neutral_venue},
              {"venue", opt(leg.venue)},
              {"awarded_to", leg.awarded_to ? json(leg.awarded_to->value()) : json(nullptr)},
              {"evidence", evidence(leg.evidence)}};
}

json stated_json(const std::vector<StatedOutcome>& list) {
  json stated = json::array();
  for (const StatedOutcome& s : list) {
    stated.push_back({{"winner", club(s.winner)},
                      {"aggregate", aggregate(s.aggregate)},
                      {"decided_by", decided_by(s.decided_by)},
                      {"text", s.text},
                      {"source", s.evidence.source.value()},
                      {"path", s.evidence.path},
                      {"line", s.evidence.line}});
  }
  return stated;
}

json summary_json(const TieSummary& t) {
  return json{{"id", t.id.value()},
              {"competition", t.competition},
              {"season", t.season},
              {"round", t.round},
              {"clubs", json::array({club(t.club_a), club(t.club_b)})}};
}

}  // namespace

std::string to_json(const Tie& tie) {
  json legs = json::array();
  for (const Leg& leg : tie.legs) legs.push_back(leg_json(leg));
  json stated = stated_json(tie.stated);
  json out{{"id", tie.id.value()},
           {"competition", tie.competition},
           {"season", tie.season},
           {"round", tie.round},
           {"round_order", tie.round_order},
           {"number", opt(tie.number)},
           {"clubs", json::array({club(tie.club_a), club(tie.club_b)})},
           {"aggregate", aggregate(tie.outcome.aggregate)},
           {"winner", club(tie.winner)},
           {"decided_by", decided_by(tie.outcome.decided_by)},
           {"extra_time", tie.outcome.extra_time},
           {"outcome_from", tie.outcome.stated ? json("stated")
                            : (tie.outcome.winner || tie.outcome.aggregate) ? json("legs")
                                                                             : json(nullptr)},
           {"legs", legs},
           {"stated", stated},
           {"disagreement", tie.disagreement},
           {"coin_toss_winner", club(tie.coin_toss_winner)},
           {"evidence", evidence(tie.evidence)},
           {"group", opt(tie.group)},
           {"round_names", tie.round_names}};
  return out.dump();
}

std::string to_json(const Fixture& f) {
  json out{{"date", opt(f.leg.date)},
           {"kickoff", opt(f.leg.kickoff)},
           {"competition", f.competition},
           {"season", f.season},
           {"round", f.round},
           {"tie_id", f.tie.value()},
           {"leg_number", f.leg.number},
           {"leg_id", f.leg.id.value()}};
  const json leg = leg_json(f.leg);
  for (const auto& [key, value] : leg.items()) {
    if (!out.contains(key) && key != "number") out[key] = value;
  }
  return out.dump();
}

std::string to_json(const Resolution& r) {
  json candidates = json::array();
  for (const Candidate& c : r.candidates) {
    json one = candidate(c);
    one["explanation"] = c.explanation;
    candidates.push_back(std::move(one));
  }
  return json{{"query", r.query},
              {"status", to_string(r.status)},
              {"club", club(r.club)},
              {"candidates", candidates},
              {"method", r.method.empty() ? json(nullptr) : json(r.method)}}
      .dump();
}

std::string to_json(const Club& c) {
  json names = json::array();
  for (const ClubName& n : c.names) {
    names.push_back({{"name", n.name}, {"lang", opt(n.lang)}, {"origin", opt(n.origin)}});
  }
  return json{{"id", c.id.value()},
              {"name", c.name},
              {"country", opt(c.country)},
              {"city", opt(c.city)},
              {"names", names}}
      .dump();
}

std::string to_json(const SourceSummary& s) {
  json options = nullptr;
  if (s.options) {
    options = json::object();
    for (const auto& [key, value] : *s.options) options[key] = value;
  }
  return json{{"id", s.id.value()},     {"path", s.path},
              {"format", s.format},     {"sha256", s.sha256},
              {"imported_at", s.imported_at}, {"ties", s.ties},
              {"legs", s.legs},         {"claims", s.claims},
              {"conflicts", s.conflicts}, {"names", s.names},
              {"reviews", s.reviews},   {"options", options}}
      .dump();
}

std::string to_json(const SourceRemoval& r) {
  return json{{"id", r.id.value()},
              {"path", r.path},
              {"ties_removed", r.ties_removed},
              {"legs_removed", r.legs_removed},
              {"claims_removed", r.claims_removed},
              {"conflicts_removed", r.conflicts_removed},
              {"legs_rederived", r.legs_rederived},
              {"outcomes_changed", r.outcomes_changed},
              {"rounds_removed", r.rounds_removed},
              {"clubs_removed", r.clubs_removed},
              {"reviews_removed", r.reviews_removed}}
      .dump();
}

std::string to_json(const NameReview& r) {
  json candidates = json::array();
  for (const Candidate& c : r.candidates) candidates.push_back(candidate(c));
  json ties = json::array();
  for (const Tie& t : r.ties) {
    ties.push_back({{"id", t.id.value()},
                    {"competition", t.competition},
                    {"season", t.season},
                    {"round", t.round},
                    {"clubs", json::array({club(t.club_a), club(t.club_b)})}});
  }
  json seen = nullptr;
  if (r.seen) seen = {{"source", r.seen->source.value()}, {"path", r.seen->path}, {"line", r.seen->line}};
  return json{{"id", r.id.value()},
              {"name", r.name},
              {"reason", r.reason},
              {"status", to_string(r.status)},
              {"club", club(r.club)},
              {"candidates", candidates},
              {"seen", seen},
              {"ties", ties},
              {"decided_club", club(r.decided_club)},
              {"decided_at", opt(r.decided_at)}}
      .dump();
}

std::string to_json(const ClubAlias& a) {
  json source = nullptr;
  if (a.source) source = {{"source", a.source->source.value()}, {"path", a.source->path}, {"line", a.source->line}};
  return json{{"club", club(a.club)},
              {"name", a.name},
              {"lang", opt(a.lang)},
              {"method", a.method},
              {"canonical", a.canonical},
              {"source", source}}
      .dump();
}

std::string to_json(const Standing& s) {
  return json{{"competition", s.competition},
              {"season", s.season},
              {"round", s.round},
              {"group", opt(s.group)},
              {"position", s.position},
              {"club", club(s.club)},
              {"played", s.played},
              {"won", s.won},
              {"drawn", s.drawn},
              {"lost", s.lost},
              {"goals_for", s.goals_for},
              {"goals_against", s.goals_against},
              {"points", s.points}}
      .dump();
}

std::string to_json(const RuleSet& rules) {
  return json{{"legs", rules.legs},
              {"extra_time", rules.extra_time},
              {"penalties", rules.penalties},
              {"away_goals", rules.away_goals},
              {"away_goals_extra_time", rules.away_goals_extra_time},
              {"replays", rules.replays},
              {"replay_limit", rules.replay_limit},
              {"replay_extra_time", rules.replay_extra_time},
              {"replay_penalties", rules.replay_penalties}}
      .dump();
}

std::string to_json(const ImportReport& report) {
  json files = json::array();
  for (const FileReport& f : report.files) {
    files.push_back({{"path", f.path},
                     {"format", f.format.empty() ? json(nullptr) : json(f.format)},
                     {"already_imported", f.already_imported},
                     {"records", f.records},
                     {"ties_added", f.ties_added},
                     {"ties_merged", f.ties_merged},
                     {"legs_added", f.legs_added},
                     {"legs_confirmed", f.legs_confirmed},
                     {"claims", f.claims},
                     {"clubs_added", f.clubs_added},
                     {"reviews", f.reviews},
                     {"reviews_settled", f.reviews_settled},
                     {"conflicts", f.conflicts}});
  }
  return json{{"dry_run", report.dry_run}, {"files", files}}.dump();
}

std::string to_json(const CheckReport& report) {
  json conflicts = json::array();
  for (const ConflictFinding& f : report.conflicts) {
    conflicts.push_back({{"tie", summary_json(f.tie)},
                         {"leg", opt(f.leg)},
                         {"field", f.field},
                         {"stored", f.stored},
                         {"claimed", f.claimed},
                         {"source", f.evidence.source.value()},
                         {"path", f.evidence.path},
                         {"line", f.evidence.line}});
  }
  json disagreements = json::array();
  for (const DisagreementFinding& f : report.disagreements) {
    disagreements.push_back(
        {{"tie", summary_json(f.tie)},
         {"aggregate", aggregate(f.outcome.aggregate)},
         {"winner", club(f.winner)},
         {"decided_by", decided_by(f.outcome.decided_by)},
         {"outcome_from", f.winner || f.outcome.aggregate
                              ? json(f.outcome.stated ? "stated" : "legs")
                              : json(nullptr)},
         {"reasons", f.reasons}});
  }
  json partial = json::array();
  for (const PartialTieFinding& f : report.partial_ties) {
    partial.push_back({{"tie", summary_json(f.tie)},
                       {"stated", stated_json(f.stated)},
                       {"evidence", evidence(f.evidence)}});
  }
  json reviews = json::array();
  for (const NameReviewFinding& f : report.name_reviews) {
    reviews.push_back({{"id", f.id},
                       {"name", f.name},
                       {"reason", f.reason},
                       {"club", club(f.club)},
                       {"candidates", f.candidates},
                       {"source", f.evidence ? json(f.evidence->source.value()) : json(nullptr)},
                       {"path", f.evidence ? json(f.evidence->path) : json(nullptr)},
                       {"line", f.evidence ? json(f.evidence->line) : json(nullptr)}});
  }
  json anomalies = json::array();
  for (const RuleAnomalyFinding& f : report.rule_anomalies) {
    anomalies.push_back({{"tie", summary_json(f.tie)}, {"anomalies", f.anomalies}});
  }
  json undecided = json::array();
  for (const UndecidedTieFinding& f : report.undecided_ties) {
    undecided.push_back({{"tie", summary_json(f.tie)},
                         {"aggregate", aggregate(f.aggregate)},
                         {"reason", f.reason}});
  }
  return json{{"integrity",
               {{"check", report.integrity.check},
                {"ok", report.integrity.problems.empty()},
                {"problems", report.integrity.problems}}},
              {"conflicts", conflicts},
              {"disagreements", disagreements},
              {"partial_ties", partial},
              {"name_reviews", reviews},
              {"rule_anomalies", anomalies},
              {"undecided_ties", undecided}}
      .dump();
}

}  // namespace footballdb
