// A last enumerator that marks where numbers beyond the enum begin: gerbera's
// `enum class ResourceColumn { ItemId = 0, ..., Parameters, Attributes, // index of first attribute }`
// is used only as `to_underlying(ResourceColumn::Attributes) + to_underlying(attribute)`, the
// column numbers of the attributes that follow the enum's own columns. A table of the columns
// has no entry for it because it is no column.
#pragma once

namespace clang {
class ASTContext;
class EnumConstantDecl;
class Expr;
} // namespace clang

namespace contractcheck {

// Whether the TU uses Enumerator, outside Table, only as an operand of `+` or `-` (through
// casts and a one-argument conversion such as std::to_underlying), and at least once.
bool usedOnlyAsAnOffset(const clang::EnumConstantDecl &Enumerator, const clang::Expr &Table,
                        clang::ASTContext &Ctx);

} // namespace contractcheck
