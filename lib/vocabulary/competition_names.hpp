// Competition names: the many ways sources name a competition, mapped to one name.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace footballdb::vocabulary {

// The competition's usual name for a name as sources write it: "Europa League" and
// "UEFA Europa League - Quali" -> "UEFA Europa League"; "Champions League" before 1992-93 ->
// "European Cup" and "European Cup" from 1992-93 on -> "UEFA Champions League". Other names
// are returned trimmed. `qualifying` is set when the name marks a qualifying competition
// ("- Quali", "Qualifying").
std::string canonical_competition(std::string_view raw, std::optional<int> season_year,
                                  bool* qualifying = nullptr);

// Which of UEFA's club competitions a name is, as canonical_competition reads it: the European
// Cup (the Champions League from 1992-93), another of UEFA's ("UEFA Cup", "Cup Winners' Cup",
// "UEFA Youth League"), or none.
enum class UefaCompetition { kNone, kEuropeanCup, kOther };
UefaCompetition uefa_competition(std::string_view name, std::optional<int> season_year);

// The competition openfootball's file naming implies (cl.txt, clq.txt, el.txt, conf.txt, and
// cup.txt in a champions-league archive), or nullopt.
std::optional<std::string> competition_from_path(std::string_view path);

}  // namespace footballdb::vocabulary
