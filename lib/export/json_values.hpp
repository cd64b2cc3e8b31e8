// Small conversions of domain values to JSON shared by the JSON writers.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "footballdb/types.hpp"

namespace footballdb::json_values {

inline nlohmann::ordered_json score(const std::optional<Score>& s) {
  if (!s) return nullptr;
  return nlohmann::ordered_json::array({s->home, s->away});
}

inline nlohmann::ordered_json aggregate(const std::optional<Aggregate>& a) {
  if (!a) return nullptr;
  return nlohmann::ordered_json::array({a->a, a->b});
}

inline nlohmann::ordered_json decided_by(const std::optional<DecidedBy>& how) {
  if (!how) return nullptr;
  return std::string(to_string(*how));
}

inline nlohmann::ordered_json opt(const std::optional<std::string>& v) {
  if (!v) return nullptr;
  return *v;
}

inline nlohmann::ordered_json opt(const std::optional<int>& v) {
  if (!v) return nullptr;
  return *v;
}

inline nlohmann::ordered_json opt(const std::optional<Date>& v) {
  if (!v) return nullptr;
  return v->to_string();
}

inline nlohmann::ordered_json opt(const std::optional<LocalTime>& v) {
  if (!v) return nullptr;
  return v->to_string();
}

}  // namespace footballdb::json_values
