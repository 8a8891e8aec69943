// What a string-to-enum function accepts, read from its body: the literals an if/else chain
// compares its argument with, the literals a switch over a hash of it names, or the names of a
// {"literal", E::X} table it looks the argument up in.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class EnumDecl;
class Expr;
class FunctionDecl;
class ParmVarDecl;
class QualType;
class StringLiteral;
} // namespace clang

namespace contractcheck {

struct AcceptedNames {
  const clang::EnumDecl *Enum = nullptr;
  std::vector<std::string> Names; // in the order the body names them, each once
  bool CaseInsensitive = false;
};

// The enum a function returns: E itself, or the first template argument of an optional,
// expected or StatusOr of E. Null for anything else.
const clang::EnumDecl *parsedEnum(clang::QualType ReturnType);
// std::string, std::string_view (any basic_string*), const char *, llvm::StringRef, by value
// or reference.
bool isStringType(clang::QualType Type);
// The position of a function's only string parameter, if it has exactly one.
std::optional<unsigned> stringParameter(const clang::FunctionDecl &Function);
// Looks through what stands between a value and the expression that produced it: implicit and
// functional conversions, temporaries, converting constructors, and .c_str()/.data().
const clang::Expr *peelConversions(const clang::Expr *E);
// The literal an argument is, looking through the conversions to the parameter's string type.
const clang::StringLiteral *literalArgument(const clang::Expr *Arg);

// The literal Condition tests the parameter Param equal to: `p == "x"`, `"x" == p`,
// `p.compare("x") == 0`, `strcmp(p, "x") == 0`, `!strcmp(p, "x")`. Null for anything else (a
// case-insensitive or prefix comparison, another operand, a conjunction).
const clang::StringLiteral *testedLiteral(const clang::Expr *Condition,
                                          const clang::ParmVarDecl &Param);

// The names a string-to-enum function accepts, when its body shows all of them: nullopt when
// the body has none of the recognised shapes, names fewer than two, or lets the argument reach
// another parser (a number conversion, a lower-casing helper, another string-to-enum function),
// where any literal might be accepted.
std::optional<AcceptedNames> inferAcceptedNames(const clang::FunctionDecl &Definition);

} // namespace contractcheck
