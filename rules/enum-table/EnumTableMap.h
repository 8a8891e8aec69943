// contract-enum-table's columns of the report's enum map: a keyed table (map, array of pairs,
// NLOHMANN_JSON_SERIALIZE_ENUM) or an enum-indexed array, each enumerator with what the table
// maps it to; the ones the rule reported missing are its drift.
#pragma once

#include "ContractMap.h"

#include <vector>

namespace clang {
class ASTContext;
class EnumConstantDecl;
class EnumDecl;
class VarDecl;
} // namespace clang

namespace contractcheck {

struct ArrayGaps;
struct HeldValue;
struct KeyedTable;

EnumConsumer keyedTableColumn(const clang::VarDecl &Var, const KeyedTable &Table,
                              const std::vector<HeldValue> &Held,
                              const std::vector<const clang::EnumConstantDecl *> &Reported,
                              const clang::ASTContext &Ctx);

// Reported: whether the rule reported the array's missing slots.
EnumConsumer indexedArrayColumn(const clang::VarDecl &Array, const clang::EnumDecl &Enum,
                                const ArrayGaps &Gaps, bool Reported,
                                const clang::ASTContext &Ctx);

} // namespace contractcheck
