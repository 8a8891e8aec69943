// The evidence rule that tells a table meant to map every enumerator from one that is partial on
// purpose (retryable events, overrides, special cases). See docs/rules/contract-enum-table.md.
#pragma once

#include "Glob.h"

#include <cstddef>
#include <vector>

namespace clang {
class EnumDecl;
class Expr;
class FunctionDecl;
class VarDecl;
} // namespace clang

namespace contractcheck {

struct TotalityPolicy {
  unsigned MinCoveragePercent;   // a table naming this share of the values is total
  unsigned ConverterCoveragePercent; // the share needed inside an enum<->text function
  std::vector<Glob> PartialNames;    // variable names that say "partial" (kRetryable*, *Overrides)
};

// A map or array of pairs is held to naming every value of Enum when its name does not say it is
// partial and either it names MinCoveragePercent of the values, or it lives in a function that
// converts between Enum and text and names ConverterCoveragePercent of them.
bool meantToBeTotal(const clang::VarDecl &Table, const clang::EnumDecl &Enum, size_t Named,
                    size_t Held, const TotalityPolicy &Policy);

// `std::string to_string(E)`, `const char *Name(E)`, `E parse(std::string_view)`,
// `std::optional<E> FromString(const std::string &)`, `bool Parse(const char *, E *)`.
bool convertsBetweenEnumAndText(const clang::FunctionDecl &Function, const clang::EnumDecl &Enum);

// `std::string message(int c) const { switch (static_cast<E>(c)) ... }`: a function returning
// text whose integer parameter Value converts to Enum explicitly converts Enum to text as much as
// `to_string(E)` does. std::error_category::message(int) is the standard's own shape of it, the
// one every error enum's category implements.
bool convertsIntegerParameterToText(const clang::FunctionDecl &Function, const clang::Expr &Value,
                                    const clang::EnumDecl &Enum);

} // namespace contractcheck
