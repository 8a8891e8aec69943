#include "rules/utils/EnumeratorUses.h"

#include "LibraryHeaders.h"
#include "rules/utils/LibraryEnums.h"
#include "rules/utils/Usr.h"
#include "SourcePositions.h"

#include <clang/AST/Decl.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/TypeLoc.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Basic/SourceManager.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

namespace {

const EnumConstantDecl *enumeratorNamedBy(const Expr &E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E.IgnoreParenImpCasts());
  return Ref ? dyn_cast<EnumConstantDecl>(Ref->getDecl()) : nullptr;
}

// `format > ElfEsFloatGuard`: the other side is a value of the enumerator's own enum (or not
// known yet, in a template). `i < kCount` with an int `i` is no such comparison.
bool comparesWithItsEnum(const Expr &Other, const EnumConstantDecl &Enumerator) {
  const Expr *E = Other.IgnoreParenImpCasts();
  if (E->isTypeDependent())
    return true;
  const auto *Type = E->getType().getCanonicalType()->getAs<EnumType>();
  const auto *Enum = dyn_cast<EnumDecl>(Enumerator.getDeclContext());
  return Type && Enum && Type->getDecl()->getCanonicalDecl() == Enum->getCanonicalDecl();
}

bool isInteger(const Expr &Other) {
  const Expr *E = Other.IgnoreParenImpCasts();
  return E->getType()->isIntegerType() && !E->getType()->isEnumeralType();
}

// The template arguments that are a size: std::array's second, std::bitset's only one.
std::optional<unsigned> sizeArgumentOf(const TemplateSpecializationTypeLoc &Type) {
  const auto *Template = dyn_cast_or_null<ClassTemplateDecl>(
      Type.getTypePtr()->getTemplateName().getAsTemplateDecl());
  if (!Template || !Template->isInStdNamespace())
    return std::nullopt;
  if (Template->getName() == "array")
    return 1;
  if (Template->getName() == "bitset")
    return 0;
  return std::nullopt;
}

// `E::Count`, `static_cast<size_t>(E::Count)`, `(int)Count`: the dimension is the enumerator.
const DeclRefExpr *enumeratorSizing(const Expr *Size) {
  const auto *Ref = Size ? dyn_cast<DeclRefExpr>(Size->IgnoreParenCasts()) : nullptr;
  return Ref && isa<EnumConstantDecl>(Ref->getDecl()) ? Ref : nullptr;
}

// Each dimension the written type declares, nested ones included.
void forEachSize(TypeLoc Type, llvm::function_ref<void(const DeclRefExpr &)> Visit) {
  for (; !Type.isNull(); Type = Type.getNextTypeLoc()) {
    if (auto Array = Type.getAs<ArrayTypeLoc>()) {
      if (const DeclRefExpr *Ref = enumeratorSizing(Array.getSizeExpr()))
        Visit(*Ref);
    } else if (auto Specialization = Type.getAs<TemplateSpecializationTypeLoc>()) {
      std::optional<unsigned> SizeArgument = sizeArgumentOf(Specialization);
      for (unsigned I = 0; I < Specialization.getNumArgs(); ++I) {
        const TemplateArgumentLoc &Argument = Specialization.getArgLoc(I);
        if (Argument.getArgument().getKind() == TemplateArgument::Expression &&
            SizeArgument == I) {
          if (const DeclRefExpr *Ref = enumeratorSizing(Argument.getSourceExpression()))
            Visit(*Ref);
        } else if (Argument.getArgument().getKind() == TemplateArgument::Type) {
          if (TypeSourceInfo *Info = Argument.getTypeSourceInfo())
            forEachSize(Info->getTypeLoc(), Visit);
        }
      }
    }
  }
}

// The project enum a type is (not one of a library's: a library makes its own enums' values),
// told as report-system-enums tells it (declaredByALibrary): a project header that CMake's
// precompiled-header wrapper made a system header is the project's.
const EnumDecl *projectEnumOf(QualType Type, const HeaderSearch *Headers) {
  if (Type.isNull())
    return nullptr;
  const auto *Enum = Type.getCanonicalType()->getAs<EnumType>();
  const EnumDecl *Decl = Enum ? Enum->getDecl() : nullptr;
  if (Decl && Decl->getDefinition())
    Decl = Decl->getDefinition();
  if (!Decl || declaredByALibrary(*Decl, Headers))
    return nullptr;
  return Decl;
}

// The enum of what a pointer points to.
const EnumDecl *pointeeEnumOf(QualType Type, const HeaderSearch *Headers) {
  const auto *Pointer = Type.isNull() ? nullptr : Type.getCanonicalType()->getAs<PointerType>();
  return Pointer ? projectEnumOf(Pointer->getPointeeType(), Headers) : nullptr;
}

// The project enum whose values a conversion makes from something else: `static_cast<E>(i)`,
// `E(i)`, `(E)i`, `E{i}`, one enum's value cast to another; a pointer converted to or from
// `E *` (`reinterpret_cast<E *>(p)`, `memcpy(&e, ...)`'s `void *`), or `reinterpret_cast<int
// &>(e)`, through which bytes are written into one.
const EnumDecl *enumMadeBy(const CastExpr &Cast, const HeaderSearch *Headers) {
  switch (Cast.getCastKind()) {
  case CK_LValueToRValue:
  case CK_NoOp:
  case CK_ArrayToPointerDecay:
  case CK_FunctionToPointerDecay:
  case CK_NullToPointer:
  case CK_ToVoid:
    return nullptr;
  default:
    break;
  }
  QualType To = Cast.getType(), From = Cast.getSubExpr()->getType();
  if (Cast.getCastKind() == CK_LValueBitCast)
    if (const EnumDecl *Enum = projectEnumOf(From, Headers))
      return Enum;
  if (const EnumDecl *Enum = projectEnumOf(To, Headers))
    return projectEnumOf(From, Headers) == Enum ? nullptr : Enum;
  const EnumDecl *ToPointee = pointeeEnumOf(To, Headers);
  const EnumDecl *FromPointee = pointeeEnumOf(From, Headers);
  if (ToPointee != FromPointee)
    return ToPointee ? ToPointee : FromPointee;
  return nullptr;
}

// A library function template given a project enum as a template argument that returns one,
// or takes one to write (`QVariant::value<E>()`, `qvariant_cast<E>`, `operator>>(QDataStream &,
// T &)`, `json::get<E>()`, `std::bit_cast<E>`): its body may be left unparsed, and what it
// returns comes from outside the project.
const EnumDecl *enumMadeByLibrary(const FunctionDecl &Callee,
                                  const HeaderSearch *Headers) {
  const TemplateArgumentList *Arguments = Callee.getTemplateSpecializationArgs();
  if (!Arguments)
    return nullptr;
  llvm::SmallPtrSet<const EnumDecl *, 2> Given;
  for (const TemplateArgument &Argument : Arguments->asArray())
    if (Argument.getKind() == TemplateArgument::Type)
      if (const EnumDecl *Enum = projectEnumOf(Argument.getAsType(), Headers))
        Given.insert(Enum);
  if (Given.empty())
    return nullptr;
  auto Written = [&](QualType Type) -> const EnumDecl * {
    Type = Type.getCanonicalType();
    if (const auto *Reference = Type->getAs<ReferenceType>())
      Type = Reference->getPointeeType();
    else if (const auto *Pointer = Type->getAs<PointerType>())
      Type = Pointer->getPointeeType();
    else
      return nullptr;
    if (Type.isConstQualified())
      return nullptr;
    const EnumDecl *Enum = projectEnumOf(Type, Headers);
    return Enum && Given.contains(Enum) ? Enum : nullptr;
  };
  QualType Returned = Callee.getReturnType().getNonReferenceType();
  if (const EnumDecl *Enum = projectEnumOf(Returned, Headers); Enum && Given.contains(Enum))
    return Enum;
  // optional<E>, expected<E, ...>: a class whose arguments name the enum.
  if (const auto *Record = Returned.getCanonicalType()->getAsCXXRecordDecl())
    if (const auto *Specialization = dyn_cast<ClassTemplateSpecializationDecl>(Record))
      for (const TemplateArgument &Argument : Specialization->getTemplateArgs().asArray())
        if (Argument.getKind() == TemplateArgument::Type)
          if (const EnumDecl *Enum = projectEnumOf(Argument.getAsType(), Headers);
              Enum && Given.contains(Enum))
            return Enum;
  for (const ParmVarDecl *Parameter : Callee.parameters())
    if (const EnumDecl *Enum = Written(Parameter->getType()))
      return Enum;
  return nullptr;
}

// The enumerators a loop's condition runs up to and stops before: `i < E`, `E > i` (mumble's
// `for (int fm = 0; fm < VoiceRecorderFormat::kEnd; fm++)`), the condition itself or one operand
// of its `&&` chain. Not `!=`: `while (state != Done)` waits for a value the loop is given.
void forEachLoopBound(const Expr *Condition, llvm::function_ref<void(const DeclRefExpr &)> Visit) {
  if (!Condition)
    return;
  Condition = Condition->IgnoreParenImpCasts();
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Condition))
    Condition = Cleanups->getSubExpr()->IgnoreParenImpCasts();
  const auto *Binary = dyn_cast<BinaryOperator>(Condition);
  if (!Binary)
    return;
  if (Binary->getOpcode() == BO_LAnd) {
    forEachLoopBound(Binary->getLHS(), Visit);
    forEachLoopBound(Binary->getRHS(), Visit);
    return;
  }
  auto Visited = [&](const Expr *Side) {
    if (enumeratorNamedBy(*Side))
      Visit(*cast<DeclRefExpr>(Side->IgnoreParenImpCasts()));
  };
  switch (Binary->getOpcode()) {
  case BO_LT:
    Visited(Binary->getRHS());
    break;
  case BO_GT:
    Visited(Binary->getLHS());
    break;
  default:
    break;
  }
}

} // namespace

std::vector<const EnumConstantDecl *> enumeratorsSizing(const DeclaratorDecl &Declaration) {
  std::vector<const EnumConstantDecl *> Sizing;
  if (const TypeSourceInfo *Info = Declaration.getTypeSourceInfo())
    forEachSize(Info->getTypeLoc(), [&](const DeclRefExpr &Ref) {
      Sizing.push_back(cast<EnumConstantDecl>(Ref.getDecl()));
    });
  return Sizing;
}

void EnumeratorUses::registerMatchers(MatchFinder *Finder) {
  MatchCallback *Callback = this;
  // The uses spelled in the project's code, told from a library's as a library's enum is
  // (LibraryHeaders.h): CMake's precompiled-header wrapper (`-include cmake_pch.hxx`, which says
  // `#pragma GCC system_header`) makes every project header it includes a system header of the
  // TU, as glslang's ParseHelper.cpp sees Types.h, and the enums declared there are the
  // project's, judged by what gives their values, so the code written there counts too. Any
  // enumerator, wherever its enum is.
  auto InProject = unless(isExpansionInALibrarysHeader(&Headers));
  Finder->addMatcher(declRefExpr(to(enumConstantDecl()), InProject).bind("enumerator-use"),
                     Callback);
  Finder->addMatcher(
      binaryOperator(hasAnyOperatorName("<", ">", "<=", ">="), InProject)
          .bind("enumerator-comparison"),
      Callback);
  // The declarations whose types may have an enumerator for a dimension.
  Finder->addMatcher(
      decl(anyOf(declaratorDecl(), typedefNameDecl()), InProject).bind("sized-declaration"),
      Callback);
  Finder->addMatcher(cxxNewExpr(isArray(), InProject).bind("array-new"), Callback);
  Finder->addMatcher(stmt(anyOf(forStmt(), whileStmt(), doStmt()), InProject).bind("loop"),
                     Callback);
  Finder->addMatcher(
      enumConstantDecl(forEachDescendant(declRefExpr(to(enumConstantDecl())).bind("in-enum"))),
      Callback);
  // What gives no value of the enum (EnumeratorUsesFact::Produced).
  Finder->addMatcher(caseStmt(InProject).bind("case-label"), Callback);
  Finder->addMatcher(binaryOperator(hasAnyOperatorName("==", "!="), InProject).bind("equality"),
                     Callback);
  Finder->addMatcher(
      castExpr(hasSourceExpression(
                   ignoringParens(declRefExpr(to(enumConstantDecl())).bind("converted"))),
               InProject)
          .bind("conversion"),
      Callback);
  // What makes an enum's values from something else (EnumeratorUsesFact::Made), wherever it is
  // spelled: a library's template instantiated for a project enum makes them as much.
  auto EnumOrPointer = qualType(hasCanonicalType(
      anyOf(enumType(), pointerType(pointee(hasCanonicalType(enumType()))))));
  Finder->addMatcher(castExpr(anyOf(hasType(EnumOrPointer),
                                    hasSourceExpression(hasType(EnumOrPointer))),
                              unless(implicitCastExpr(anyOf(hasCastKind(CK_LValueToRValue),
                                                            hasCastKind(CK_NoOp)))))
                         .bind("made-by-cast"),
                     Callback);
  Finder->addMatcher(
      callExpr(callee(functionDecl(isTemplateInstantiation(),
                                   isExpansionInALibrarysHeader(&Headers))
                          .bind("library-template")))
          .bind("library-call"),
      Callback);
  // Q_ENUM: Qt's meta-object makes the enum's values from names and integers (properties,
  // QVariant, QML, QMetaEnum::keyToValue).
  Finder->addMatcher(
      functionDecl(hasName("qt_getEnumMetaObject"), parameterCountIs(1)).bind("q-enum"),
      Callback);
}

void EnumeratorUses::check(const MatchFinder::MatchResult &Result) {
  SM = Result.SourceManager;
  if (const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>("enumerator-use")) {
    References.push_back(Ref);
    return;
  }
  if (const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>("in-enum")) {
    InDefinitions.insert(Ref);
    return;
  }
  if (const auto *Declaration = Result.Nodes.getNodeAs<Decl>("sized-declaration")) {
    const TypeSourceInfo *Info = nullptr;
    if (const auto *Declarator = dyn_cast<DeclaratorDecl>(Declaration))
      Info = Declarator->getTypeSourceInfo();
    else if (const auto *Typedef = dyn_cast<TypedefNameDecl>(Declaration))
      Info = Typedef->getTypeSourceInfo();
    if (Info)
      forEachSize(Info->getTypeLoc(), [&](const DeclRefExpr &Ref) {
        Sizes.insert(&Ref);
        Counted.insert(&Ref);
      });
    return;
  }
  if (const auto *Loop = Result.Nodes.getNodeAs<Stmt>("loop")) {
    const Expr *Condition = nullptr;
    if (const auto *For = dyn_cast<ForStmt>(Loop))
      Condition = For->getCond();
    else if (const auto *While = dyn_cast<WhileStmt>(Loop))
      Condition = While->getCond();
    else if (const auto *Do = dyn_cast<DoStmt>(Loop))
      Condition = Do->getCond();
    forEachLoopBound(Condition, [&](const DeclRefExpr &Ref) { Counted.insert(&Ref); });
    return;
  }
  if (const auto *Case = Result.Nodes.getNodeAs<CaseStmt>("case-label")) {
    if (const Expr *Label = Case->getLHS()) {
      Label = Label->IgnoreParenImpCasts();
      if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Label))
        Label = Cast->getSubExpr()->IgnoreParenImpCasts();
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Label))
        Consumed.insert(Ref);
    }
    return;
  }
  if (const auto *Equality = Result.Nodes.getNodeAs<BinaryOperator>("equality")) {
    for (const Expr *Side : {Equality->getLHS(), Equality->getRHS()})
      if (enumeratorNamedBy(*Side))
        Consumed.insert(cast<DeclRefExpr>(Side->IgnoreParenImpCasts()));
    return;
  }
  if (const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>("converted")) {
    const auto *Conversion = Result.Nodes.getNodeAs<CastExpr>("conversion");
    const auto *Enum = dyn_cast<EnumDecl>(Ref->getDecl()->getDeclContext());
    const auto *To = Conversion->getType().getCanonicalType()->getAs<EnumType>();
    if (!Enum || !To || To->getDecl()->getCanonicalDecl() != Enum->getCanonicalDecl())
      Consumed.insert(Ref);
    return;
  }
  if (const auto *Cast = Result.Nodes.getNodeAs<CastExpr>("made-by-cast")) {
    if (const EnumDecl *Enum = enumMadeBy(*Cast, Headers))
      recordMade(Enum, fileContaining(*Cast, *Result.SourceManager));
    return;
  }
  if (const auto *Callee = Result.Nodes.getNodeAs<FunctionDecl>("library-template")) {
    if (const EnumDecl *Enum = enumMadeByLibrary(*Callee, Headers))
      recordMade(Enum, fileContaining(*Result.Nodes.getNodeAs<CallExpr>("library-call"),
                                      *Result.SourceManager));
    return;
  }
  if (const auto *QEnum = Result.Nodes.getNodeAs<FunctionDecl>("q-enum")) {
    const SourceManager &S = *Result.SourceManager;
    if (const EnumDecl *Enum = projectEnumOf(QEnum->getParamDecl(0)->getType(), Headers))
      recordMade(Enum, S.getFileID(S.getExpansionLoc(QEnum->getLocation())));
    return;
  }
  if (const auto *New = Result.Nodes.getNodeAs<CXXNewExpr>("array-new")) {
    if (const DeclRefExpr *Ref = enumeratorSizing(New->getArraySize().value_or(nullptr))) {
      Sizes.insert(Ref);
      Counted.insert(Ref);
    }
    return;
  }
  const auto *Comparison = Result.Nodes.getNodeAs<BinaryOperator>("enumerator-comparison");
  if (!Comparison)
    return;
  const Expr *Sides[] = {Comparison->getLHS(), Comparison->getRHS()};
  for (int I = 0; I < 2; ++I) {
    const EnumConstantDecl *E = enumeratorNamedBy(*Sides[I]);
    if (!E)
      continue;
    const auto *Ref = cast<DeclRefExpr>(Sides[I]->IgnoreParenImpCasts());
    if (comparesWithItsEnum(*Sides[1 - I], *E))
      Bounds.insert(Ref);
    else if (isInteger(*Sides[1 - I]))
      Sizes.insert(Ref);
  }
}

void EnumeratorUses::finish() {
  for (const DeclRefExpr *Ref : References) {
    if (InDefinitions.contains(Ref))
      continue;
    const auto *E = cast<EnumConstantDecl>(Ref->getDecl());
    Use &InFile = ByFile[fileContaining(*Ref, *SM)][E];
    Use &Whole = InTU[E];
    bool Use::*Kind = Bounds.contains(Ref)  ? &Use::Bound
                      : Sizes.contains(Ref) ? &Use::Size
                                            : &Use::Value;
    InFile.*Kind = Whole.*Kind = true;
    if (Counted.contains(Ref))
      InFile.Count = Whole.Count = true;
    if (Kind == &Use::Value && !Consumed.contains(Ref))
      InFile.Produced = Whole.Produced = true;
  }
  References.clear();
  Bounds.clear();
  Sizes.clear();
  Counted.clear();
  InDefinitions.clear();
  Consumed.clear();
}

void EnumeratorUses::recordMade(const EnumDecl *Enum, FileID File) {
  if (File.isInvalid())
    return;
  MadeByFile[File].insert(Enum);
  MadeInTU.insert(Enum);
}

bool EnumeratorUses::onlyBound(const EnumConstantDecl &E) const {
  auto It = InTU.find(&E);
  return It != InTU.end() && It->second.Bound && !It->second.Value && !It->second.Size;
}

bool EnumeratorUses::onlyCount(const EnumConstantDecl &E) const {
  auto It = InTU.find(&E);
  return It != InTU.end() && (It->second.Bound || It->second.Size) && !It->second.Value;
}

bool EnumeratorUses::countNeverGiven(const EnumConstantDecl &E) const {
  auto It = InTU.find(&E);
  return It != InTU.end() && It->second.Count && !It->second.Produced;
}

bool EnumeratorUses::usedAsValue(const EnumConstantDecl &E) const {
  auto It = InTU.find(&E);
  return It != InTU.end() && It->second.Value;
}

bool EnumeratorUses::produced(const EnumConstantDecl &E, bool OrZero) const {
  if (OrZero && E.getInitVal().isZero())
    return true;
  auto It = InTU.find(&E);
  return It != InTU.end() && It->second.Produced;
}

bool EnumeratorUses::made(const EnumDecl &Enum) const {
  const EnumDecl *Definition = Enum.getDefinition();
  return MadeInTU.contains(Definition ? Definition : &Enum);
}

std::vector<Fact> EnumeratorUses::facts() const {
  // Sorted by file and USR, so that a header's fact is the same whichever TU saw it.
  struct FileUses {
    std::set<std::string> Bounds, Sizes, Values, Produced, Made, Counts;
  };
  std::map<std::string, FileUses> Files;
  for (const auto &[File, Uses] : ByFile) {
    std::string Path = positionOf(SM->getLocForStartOfFile(File), *SM).File;
    if (Path.empty())
      continue;
    FileUses &InFile = Files[Path];
    for (const auto &[E, U] : Uses) {
      std::string Usr = usrOf(*E);
      if (Usr.empty())
        continue;
      if (U.Bound)
        InFile.Bounds.insert(Usr);
      if (U.Size)
        InFile.Sizes.insert(Usr);
      if (U.Value)
        InFile.Values.insert(Usr);
      if (U.Produced)
        InFile.Produced.insert(Usr);
      if (U.Count)
        InFile.Counts.insert(Usr);
    }
  }
  for (const auto &[File, Enums] : MadeByFile) {
    std::string Path = positionOf(SM->getLocForStartOfFile(File), *SM).File;
    if (Path.empty())
      continue;
    for (const EnumDecl *Enum : Enums)
      if (std::string Usr = usrOf(*Enum); !Usr.empty())
        Files[Path].Made.insert(Usr);
  }
  std::vector<Fact> Facts;
  for (auto &[Path, Uses] : Files)
    Facts.push_back(
        makeFact(Info.Id, EnumeratorUsesFact{Path,
                                             {Uses.Bounds.begin(), Uses.Bounds.end()},
                                             {Uses.Sizes.begin(), Uses.Sizes.end()},
                                             {Uses.Values.begin(), Uses.Values.end()},
                                             {Uses.Produced.begin(), Uses.Produced.end()},
                                             {Uses.Made.begin(), Uses.Made.end()},
                                             {Uses.Counts.begin(), Uses.Counts.end()}}));
  return Facts;
}

} // namespace contractcheck
