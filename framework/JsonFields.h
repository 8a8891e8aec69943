// A struct's JSON converters declared once, by its fields and their keys:
//
//   struct LiteralCallFact { std::string Callee; std::string Literal; SourcePosition Where; ... };
//   CONTRACTCHECK_JSON_FIELDS(LiteralCallFact, (Callee, "callee"), (Literal, "literal"),
//                             (Where, "where"))
//
// defines to_json and from_json (found by nlohmann's ADL lookup; use it in the struct's
// namespace, after the struct). This is NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE with a key per field:
// the stored keys stay snake_case and do not change when a member is renamed. Every listed field
// is required when reading (a fact of another shape is a FactVersionError, see Facts.h), except a
// std::optional, which is left out when empty and empty when absent. A member that is not listed
// (a pointer into the TU that extracted it) is not stored and reads as its default.
//
// Adding a field to a fact: list it here and bump the fact's Version.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>

namespace contractcheck::jsonfields {

template <typename V> void write(nlohmann::json &J, const char *Key, const V &Value) {
  J[Key] = Value;
}
template <typename V>
void write(nlohmann::json &J, const char *Key, const std::optional<V> &Value) {
  if (Value)
    J[Key] = *Value;
}

template <typename V> void read(const nlohmann::json &J, const char *Key, V &Value) {
  J.at(Key).get_to(Value);
}
template <typename V> void read(const nlohmann::json &J, const char *Key, std::optional<V> &Value) {
  if (auto It = J.find(Key); It != J.end())
    Value = It->template get<V>();
  else
    Value.reset();
}

} // namespace contractcheck::jsonfields

// (Member, "key") -> one statement; NLOHMANN_JSON_PASTE applies these to every pair.
#define CONTRACTCHECK_JSON_WRITE_FIELD(Pair) CONTRACTCHECK_JSON_WRITE_FIELD_I Pair
#define CONTRACTCHECK_JSON_WRITE_FIELD_I(Member, Key)                                              \
  ::contractcheck::jsonfields::write(J, Key, V.Member);
#define CONTRACTCHECK_JSON_READ_FIELD(Pair) CONTRACTCHECK_JSON_READ_FIELD_I Pair
#define CONTRACTCHECK_JSON_READ_FIELD_I(Member, Key)                                               \
  ::contractcheck::jsonfields::read(J, Key, V.Member);

#define CONTRACTCHECK_JSON_FIELDS(Type, ...)                                                       \
  inline void to_json(nlohmann::json &J, const Type &V) {                                          \
    J = nlohmann::json::object();                                                                  \
    NLOHMANN_JSON_EXPAND(NLOHMANN_JSON_PASTE(CONTRACTCHECK_JSON_WRITE_FIELD, __VA_ARGS__))         \
  }                                                                                                \
  inline void from_json(const nlohmann::json &J, Type &V) {                                        \
    V = Type();                                                                                    \
    NLOHMANN_JSON_EXPAND(NLOHMANN_JSON_PASTE(CONTRACTCHECK_JSON_READ_FIELD, __VA_ARGS__))          \
  }
