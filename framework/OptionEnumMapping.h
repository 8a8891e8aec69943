// A Choice option read as an enum (clang-tidy's OptionEnumMapping): the allowed spellings and
// the enum value each stands for are declared once, beside the enum. The option's spec lists
// names(), so the configuration loader (OptionParser) rejects any other value at its line and
// column with the allowed ones listed; the rule then reads the enum once and never parses the
// string again.
#pragma once

#include <nlohmann/json.hpp>

#include <array>
#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace contractcheck {

template <typename E> struct OptionChoice {
  E Value;
  std::string_view Name;
};

template <typename E, std::size_t N> class OptionEnumMapping {
public:
  constexpr OptionEnumMapping(const OptionChoice<E> (&Choices)[N]) {
    for (std::size_t I = 0; I < N; ++I) {
      Values[I] = Choices[I].Value;
      Names[I] = Choices[I].Name;
    }
  }

  // For OptionSpec::Choices and FieldSpec::Choices.
  constexpr std::span<const std::string_view> names() const { return Names; }
  constexpr std::string_view name(E Value) const {
    for (std::size_t I = 0; I < N; ++I)
      if (Values[I] == Value)
        return Names[I];
    return {};
  }
  // Name was validated against names() when the configuration was read: anything else here is
  // a defect (a spec that lists another mapping's names), not a user's mistake.
  E value(std::string_view Name) const {
    for (std::size_t I = 0; I < N; ++I)
      if (Names[I] == Name)
        return Values[I];
    throw std::logic_error("'" + std::string(Name) + "' is not one of the option's choices");
  }
  // A validated option value, or Default when the record leaves Key out.
  E value(const nlohmann::json &Record, std::string_view Key, E Default) const {
    auto It = Record.find(Key);
    return It == Record.end() ? Default : value(It->template get<std::string>());
  }

private:
  std::array<E, N> Values{};
  std::array<std::string_view, N> Names{};
};

template <typename E, std::size_t N>
OptionEnumMapping(const OptionChoice<E> (&)[N]) -> OptionEnumMapping<E, N>;

} // namespace contractcheck
