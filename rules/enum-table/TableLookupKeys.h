// The keys a table can be looked up with, when every lookup's key comes from another constant
// table: recc's `digestValueToOpenSslStructMap` (MD5, SHA1, SHA256, SHA384, SHA512 of the
// protocol's DigestFunction, which also has VSO) is read only as `.at(digestValue)` with
// `const DigestFunction_Value digestValue = stringToDigestFunctionMap().at(name);`, whose table
// maps names to those five values. VSO cannot reach it.
#pragma once

#include <llvm/ADT/APSInt.h>

#include <optional>
#include <vector>

namespace clang {
class ASTContext;
class EnumDecl;
class VarDecl;
} // namespace clang

namespace contractcheck {

// The values of Enum Table's lookups can use as keys, when Table is const and the TU uses it only
// in `.at(k)` and `.find(k)` whose keys are each read from a constant table (or a local
// initialised by such a read, see valuesHeldFromConstTable, or a parameter of a function of this
// TU alone that every call passes such a value), and in calls that take no key or
// only ask whether one is there (end, count, contains, ...). nullopt when any use is otherwise,
// or there is none.
std::optional<std::vector<llvm::APSInt>> lookupKeysFromConstTables(const clang::VarDecl &Table,
                                                                   const clang::EnumDecl &Enum,
                                                                   clang::ASTContext &Ctx);

} // namespace contractcheck
