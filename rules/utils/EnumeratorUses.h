// Range markers and counts: enumerators a project uses only as bounds of relational comparisons
// (glslang's `format > ElfEsFloatGuard && format < ElfFloatGuard`) or as sizes (chessx's
// `QPixmap m_piece[ConstPieceTypes]`, `i < ConstPieceTypes`), never as values. A switch need not
// name a range marker, nor an enum-indexed array have a slot for a count: no value of the enum
// is ever one of them. This records how a TU uses each enumerator; what one is, is the whole
// codebase's to say (EnumeratorUsesFact.h, in the CLI's global steps), or, where only one TU is
// seen (clang-tidy), that TU's. A TU's uses are recorded once, for every rule that asks
// (TUAnalysis.h), and stored once, as this analysis's facts.
#pragma once

#include "TUAnalysis.h"
#include "rules/utils/EnumeratorUsesFact.h"

#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/DenseSet.h>

#include <vector>

namespace clang {
class DeclRefExpr;
class DeclaratorDecl;
class EnumConstantDecl;
class EnumDecl;
} // namespace clang

namespace contractcheck {

// The enumerators that size the declaration's written type (`T a[E]`, `std::array<T, E>`).
std::vector<const clang::EnumConstantDecl *>
enumeratorsSizing(const clang::DeclaratorDecl &Declaration);

class EnumeratorUses : public TUAnalysis {
public:
  static constexpr FactKind Kinds[] = {factKindOf<EnumeratorUsesFact>()};
  static constexpr TUAnalysisInfo Info{"enumerator-uses", Kinds};

  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

  // Compared as a bound somewhere in this TU, and never used as a value or a size in it.
  bool onlyBound(const clang::EnumConstantDecl &E) const;
  // A bound or a size somewhere in this TU, and never a value in it.
  bool onlyCount(const clang::EnumConstantDecl &E) const;
  // Sizes an array or bounds a loop somewhere in this TU (EnumeratorUsesFact::Counts), and is
  // given as a value of its enum nowhere in it.
  bool countNeverGiven(const clang::EnumConstantDecl &E) const;
  // A value somewhere in this TU: no other TU's uses can make it a count or a marker.
  bool usedAsValue(const clang::EnumConstantDecl &E) const;
  // Given as a value of its enum somewhere in this TU (EnumeratorUsesFact::Produced); with
  // OrZero, also when its value is 0, which value-initialisation gives without naming it.
  bool produced(const clang::EnumConstantDecl &E, bool OrZero = true) const;
  // Values of the enum are made in this TU from something else than its enumerators
  // (EnumeratorUsesFact::Made).
  bool made(const clang::EnumDecl &Enum) const;

  // One EnumeratorUsesFact per file that spells a use, for the global steps.
  std::vector<Fact> facts() const override;

protected:
  // Sorts the references recorded into bounds, sizes and values.
  void finish() override;

private:
  struct Use {
    bool Bound = false;
    bool Size = false;
    bool Value = false;
    bool Produced = false;
    bool Count = false; // besides its kind: a dimension or a loop's bound
  };
  // Every reference to a project enumerator outside enum definitions, until classify().
  std::vector<const clang::DeclRefExpr *> References;
  // Those that are one side of a relational comparison with a value of their enum.
  llvm::DenseSet<const clang::DeclRefExpr *> Bounds;
  // Those that are a dimension (`T a[E]`, `std::array<T, E>`, `std::bitset<E>`, `new T[E]`), or
  // one side of a relational comparison with an integer (`i < E`).
  llvm::DenseSet<const clang::DeclRefExpr *> Sizes;
  // Those that count: a dimension, or the bound a loop's condition stops before (`i < E`, `E >
  // i`, whatever `i` is).
  llvm::DenseSet<const clang::DeclRefExpr *> Counted;
  // Those in an enumerator's initializer (`Last = Rgba8`): the enum describing itself, neither.
  llvm::DenseSet<const clang::DeclRefExpr *> InDefinitions;
  // Values that give no value of their enum: a case label, a side of `==` / `!=`, converted to
  // another type (`static_cast<int>(E::A)`, an unscoped enumerator read as an int).
  llvm::DenseSet<const clang::DeclRefExpr *> Consumed;
  // The project enums whose values this TU makes from something else, by the file that does.
  llvm::DenseMap<clang::FileID, llvm::DenseSet<const clang::EnumDecl *>> MadeByFile;
  llvm::DenseSet<const clang::EnumDecl *> MadeInTU;
  void recordMade(const clang::EnumDecl *Enum, clang::FileID File);
  // By the file the use is spelled in, then by enumerator.
  llvm::DenseMap<clang::FileID, llvm::DenseMap<const clang::EnumConstantDecl *, Use>> ByFile;
  llvm::DenseMap<const clang::EnumConstantDecl *, Use> InTU;
  const clang::SourceManager *SM = nullptr; // the TU's, from its first match
};

} // namespace contractcheck
