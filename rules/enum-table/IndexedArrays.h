// Arrays read at an enum's values (`kNames[static_cast<size_t>(e)]`, `kNames[e]`): which values
// have no slot, which slots the initializer fills twice, and whether the size is out of step.
#pragma once

#include "rules/enum-table/ParameterReads.h"
#include "rules/utils/EnumValues.h"

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace clang {
class ASTContext;
class EnumDecl;
class Expr;
class ParmVarDecl;
class VarDecl;
} // namespace clang

namespace contractcheck {

// The enum whose value an index expression is: `e` of a plain enum, or an explicit conversion
// of one (`static_cast<size_t>(e)`, `(int)e`, `size_t(e)`, `std::to_underlying(e)`).
const clang::EnumDecl *enumIndexedBy(const clang::Expr &Index);

// One subscript of an array, and which of the values its index might hold it may read at.
struct ArrayRead {
  const clang::Expr *Index = nullptr;
  // The index is of the enum (enumIndexedBy), not an integer.
  bool ByEnum = false;
  // The candidate values no guard on the path to the read rules out.
  std::vector<llvm::APSInt> Seen;
  // The index is this parameter of the read's function (ParameterReads.h).
  const clang::ParmVarDecl *Parameter = nullptr;
};

struct ArrayGaps {
  uint64_t Size = 0;
  bool IsConstTable = false; // an array with entries: a table, judged entry by entry
  // An array that keeps state per member (StateArrays.h): a trailing catch-all is no member it
  // keeps state for.
  bool KeepsState = false;
  // Values with no slot (past the end, or a slot the initializer leaves empty).
  std::vector<const clang::EnumConstantDecl *> Missing;
  // More entries than the enum has values (its trailing sentinels and a null terminator allowed).
  // Entries, not slots: an array sized for every value of the index's type (`[256]` read at a
  // byte) whose initializer stops at the enum's last value leaves the rest empty on purpose.
  bool TooLong = false;
  uint64_t Entries = 0; // initializers written, the trailing empty slots not counted
  uint64_t Needed = 0; // slots the held values need
  // Each judged value's enumerator and the initializer of its slot (null when the array is not a
  // table or leaves the slot empty).
  std::vector<std::pair<const clang::EnumConstantDecl *, const clang::Expr *>> Slots;
  // (second, first) initializers of the same slot.
  std::vector<std::pair<const clang::Expr *, const clang::Expr *>> Duplicates;
  // The reads in view of an array with missing slots (readsInView), for the finding to point at
  // one that may read a missing slot rather than at whichever read came first.
  std::vector<ArrayRead> Reads;
  // Of reads in view that are every read, those at a parameter whose calls may keep a missing
  // value away (ParameterReads.h), and the missing values (USRs) some other read may see.
  std::vector<ReadHook> Hooks;
  std::vector<std::string> Unhooked;
};

// The subscripts of an array this translation unit shows, in the order they are written, each
// with the candidate values it may read at. For an array local to a function, the reads are that
// function's; for one at file or class scope, every function body of the unit's (declarations
// from a precompiled prefix or a system header passed over). Every says whether they are all the
// reads there are: an array of the main file that no other file can name (internal linkage),
// or a local one, used only by subscripts inside function bodies; or one with internal linkage
// declared in a project header (a `constexpr` table at namespace scope), of which each TU has a
// copy of its own that only it reads. A read is credited with the
// values a guard rules out on the path to it (solarus's Stairs::get_path reads
// `second_directions[subtype]` only under `if (!is_inside_floor())`, and the array has no slot
// for INSIDE_FLOOR; PcapPlusPlus's StatusCodeEnumToString, read after `if (code ==
// SipStatusCodeUnknown) return false;` and in a constructor that throws on it), or with the
// values an index bounded otherwise cannot reach (a constant, an integer variable under a
// condition bounding it from above: kid3's lazily filled typeIdMap); any other index may read
// at every candidate.
struct ReadsInView {
  std::vector<ArrayRead> Reads;
  bool Every = false;
};
ReadsInView readsInView(const clang::VarDecl &Array, const std::vector<llvm::APSInt> &Candidates,
                        const clang::ASTContext &Ctx);

// The candidates no read can see: empty unless the reads in view are every read there is.
std::vector<llvm::APSInt> valuesNoReadSees(const ReadsInView &View,
                                           const std::vector<llvm::APSInt> &Candidates);

// Whether an initializer holds the zero of its type: left out, a null pointer, 0, 0.0, false, or
// a braced list of such.
bool holdsZero(const clang::Expr *E, const clang::ASTContext &Ctx);

// Nothing when the variable is not an array (C array or std::array) with a known size, or the
// enum's values are not all non-negative.
std::optional<ArrayGaps> judgeIndexedArray(const clang::VarDecl &Array, const clang::EnumDecl &Enum,
                                           const std::vector<HeldValue> &Held,
                                           const clang::ASTContext &Ctx);

} // namespace contractcheck
