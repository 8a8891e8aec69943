// The enumerators an enum's own increment steps over: SCID's `enum SquareNames { A1, ..., H8,
// COLOR_SQUARE, NULL_SQUARE, NS = NULL_SQUARE, INVALID_SQUARE = 255 }` comes with
// `squareT &operator++(squareT &w) { if (w < H8) return w = squareT(w + 1); else return w =
// INVALID_SQUARE; }`: after H8 the next square is "no square", so COLOR_SQUARE and NULL_SQUARE
// (extra cells of a position's board array) are no squares, and a 64-entry piece-square table
// indexed by the enum has a slot for every one.
#pragma once

#include <vector>

namespace clang {
class ASTContext;
class EnumConstantDecl;
class EnumDecl;
} // namespace clang

namespace contractcheck {

// The enumerators of Enum that its `operator++` (a free function taking `Enum &`, defined in the
// translation unit, in the enum's namespace) steps over: the function tests its operand against
// an enumerator X (`w < X`, `w <= X`, `w != X`, `w == X`, either side, either branch), one
// branch adds to it and the other yields an enumerator Y. The run ends at L (X, or X + 1 for
// `<=`); when Y is greater than L the enumerators between L and Y are stepped over (Y, the
// marker it yields, stays a value); when Y is L itself (the increment stays at the last) every
// enumerator after L is. An increment that wraps to the first (Y below L: a cycle), one of
// another shape, or none defined in the translation unit steps over nothing.
std::vector<const clang::EnumConstantDecl *> steppedOverByIncrement(const clang::EnumDecl &Enum,
                                                                    clang::ASTContext &Ctx);

} // namespace contractcheck
