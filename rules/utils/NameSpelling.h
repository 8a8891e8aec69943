// Name spellings: how a list of words is written as a name (snake_case, camelCase, ...), how a
// C++ enumerator's name splits into words, and the closest-name suggestion every rule that
// compares names uses. Free of Clang headers: configuration code and data-file rules share it.
#pragma once

#include "OptionEnumMapping.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contractcheck {

enum class NameSpelling { Exact, SnakeCase, ScreamingSnakeCase, CamelCase, PascalCase, KebabCase };

// The names of the spellings: the choices of every `names` option, read as a NameSpelling.
inline constexpr OptionChoice<NameSpelling> SpellingChoiceList[] = {
    {NameSpelling::Exact, "exact"},
    {NameSpelling::SnakeCase, "snake_case"},
    {NameSpelling::ScreamingSnakeCase, "SCREAMING_SNAKE_CASE"},
    {NameSpelling::CamelCase, "camelCase"},
    {NameSpelling::PascalCase, "PascalCase"},
    {NameSpelling::KebabCase, "kebab-case"},
};
inline constexpr OptionEnumMapping SpellingChoices(SpellingChoiceList);

// "exact", "snake_case", "SCREAMING_SNAKE_CASE", "camelCase", "PascalCase", "kebab-case".
std::string_view spellingName(NameSpelling Spelling);
const std::vector<std::string> &spellingNames();

// Name without Prefix ("RT_Iteration" without "RT_" -> "Iteration"), kept whole where it does
// not start with Prefix or Prefix is all of it: a binding's strip-prefix options.
std::string_view withoutPrefix(std::string_view Name, std::string_view Prefix);
// The last component of a qualified name: "trading::Router::open" -> "open", "::f" -> "f".
std::string_view unqualifiedName(std::string_view Qualified);
// An identifier's words, lower-cased: split at '_', '-' and case changes, an acronym kept whole
// ("HTTPServer" -> http, server; "Http2Server" -> http2, server).
std::vector<std::string> identifierWords(std::string_view Name);
// A text's words, lower-cased: the identifier words of each run between white space ("Stream
// property can_play is false" -> stream, property, can, play, is, false). Punctuation stays on
// its word: "warning: " is a decorated name (a prefix), not the word "warning".
std::vector<std::string> textWords(std::string_view Text);
// An enumerator's words: its identifier's words after dropping the Google-style 'k' prefix
// ("kPagerDuty" -> pager, duty).
std::vector<std::string> enumeratorWords(std::string_view Name);
std::string renderWords(const std::vector<std::string> &Words, NameSpelling Spelling);
// How an enumerator is written in the given spelling; Exact keeps the C++ name.
std::string spellEnumerator(std::string_view Name, NameSpelling Spelling);

// framework/DidYouMean's closestMatch, for string_view callers.
std::optional<std::string> closestName(std::string_view Word,
                                       const std::vector<std::string> &Candidates);

} // namespace contractcheck
