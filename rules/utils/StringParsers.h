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
  // The value the body returns for a name it does not accept (its fallback), as
  // enumValueText writes it, when the body shows one: see unmatchedNameValue.
  std::optional<std::string> Fallback;
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

// The value of a constant expression of Enum's type, in decimal: `E::X`, a constant that
// aliases one (protobuf's `Joint::REVOLUTE` for `Joint_Type_REVOLUTE`), `std::optional(E::X)`.
// Nullopt for anything else (another enum, a variable, an expression not constant).
std::optional<std::string> enumValueText(const clang::Expr *E, const clang::EnumDecl &Enum);

// What a string-to-enum function returns for a name it does not accept, followed along the path
// such a name takes through its body: past every if/else-if whose conditions all compare the
// argument with a literal (they are false for it) into the chain's last else, past a switch
// over the argument's hash into its default, to a `return E::X;` or a `return result;` of a local
// last set to E::X (`auto result = E::X; if (s == "x") result = E::Y; ... return result;`).
// Nullopt when the path meets anything else that may decide (another condition, a loop that
// returns, a throw), or ends in a value that is no constant of the enum.
std::optional<std::string> unmatchedNameValue(const clang::FunctionDecl &Definition,
                                              const clang::ParmVarDecl &Param,
                                              const clang::EnumDecl &Enum);

// The names a string-to-enum function accepts, when its body shows all of them: nullopt when
// the body has none of the recognised shapes, names fewer than two, or lets the argument reach
// another parser (a number conversion, a lower-casing helper, another string-to-enum function),
// where any literal might be accepted.
std::optional<AcceptedNames> inferAcceptedNames(const clang::FunctionDecl &Definition);

} // namespace contractcheck
