// Reading a table keyed by an enum from its initializer: a std::map-like container, an array of
// pairs or of structs whose first field is the enum, or the NLOHMANN_JSON_SERIALIZE_ENUM list.
#pragma once

#include <llvm/ADT/APSInt.h>

#include <optional>
#include <vector>

#include <string>

namespace clang {
class ASTContext;
class EnumDecl;
class Expr;
class LangOptions;
class SourceLocation;
class SourceManager;
class VarDecl;
} // namespace clang

namespace contractcheck {

struct TableEntry {
  llvm::APSInt Key;
  const clang::Expr *KeyExpr;
  const clang::Expr *Mapped; // the second element, when there is one
  const clang::Expr *Whole;  // the entry, for locations
};

enum class TableShape { Map, PairArray, NlohmannMacro };

struct KeyedTable {
  const clang::EnumDecl *Enum;
  TableShape Shape;
  std::vector<TableEntry> Entries;
};

// Nothing when the variable is not such a table, or when any entry's key is not a constant of
// the enum (a table built by a function call, a key computed at run time): such tables are not
// judged at all.
std::optional<KeyedTable> readKeyedTable(const clang::VarDecl &Var, const clang::ASTContext &Ctx);

// An expression as written in its file (a macro's use, not its expansion); "" for null.
std::string sourceText(const clang::Expr *E, const clang::SourceManager &SM,
                       const clang::LangOptions &LangOpts);

// `T m[] = {...}` of NLOHMANN_JSON_SERIALIZE_ENUM is spelled inside the macro: its findings go to
// the macro's use. Other tables are reported at their name.
clang::SourceLocation tableLocation(const clang::VarDecl &Var, const clang::SourceManager &SM);

// The enum type an expression has, through typedefs; null when it is not an enum.
const clang::EnumDecl *enumOf(const clang::Expr &E);

} // namespace contractcheck
