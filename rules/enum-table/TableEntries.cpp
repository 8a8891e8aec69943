#include "rules/enum-table/TableEntries.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>

using namespace clang;

namespace contractcheck {

namespace {

const EnumDecl *enumOfType(QualType Type) {
  if (const auto *Enum = Type.getCanonicalType()->getAs<EnumType>())
    return Enum->getDecl()->getDefinition();
  return nullptr;
}

// A member typedef such as `key_type` of a class (found in the class itself, where the standard
// containers declare them).
QualType memberType(const CXXRecordDecl &Record, llvm::StringRef Name) {
  for (const NamedDecl *Found : Record.lookup(&Record.getASTContext().Idents.get(Name)))
    if (const auto *Alias = dyn_cast<TypedefNameDecl>(Found))
      return Alias->getUnderlyingType();
  return {};
}

// Any associative container keyed by the enum: it names a key_type and a mapped_type (std::map,
// std::unordered_map, absl::flat_hash_map, boost::container::flat_map, ...). Sets are not
// tables: they hold some enumerators, they map none.
const EnumDecl *mapKeyEnum(QualType Type) {
  const auto *Record = Type.getCanonicalType()->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return nullptr;
  QualType Key = memberType(*Record, "key_type");
  if (Key.isNull() || memberType(*Record, "mapped_type").isNull())
    return nullptr;
  return enumOfType(Key);
}

// std::array<T, N> and look-alikes: a class whose only field is a C array.
const ConstantArrayType *wrappedArray(QualType Type, const ASTContext &Ctx) {
  const auto *Record = Type.getCanonicalType()->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return nullptr;
  auto Fields = Record->fields();
  if (Fields.empty() || std::next(Fields.begin()) != Fields.end())
    return nullptr;
  return Ctx.getAsConstantArrayType(Fields.begin()->getType());
}

// The first field of a pair or plain struct, when it is an enum.
const EnumDecl *firstFieldEnum(QualType Element) {
  const auto *Record = Element.getCanonicalType()->getAsRecordDecl();
  if (!Record || !Record->getDefinition())
    return nullptr;
  auto Fields = Record->getDefinition()->fields();
  if (Fields.empty())
    return nullptr;
  return enumOfType(Fields.begin()->getType());
}

const Expr *strip(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *List = dyn_cast<CXXStdInitializerListExpr>(Next))
      Next = List->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

// The braced list that holds the entries: through std::initializer_list constructors and the
// single array inside std::array.
const InitListExpr *entryList(const Expr *Init, const ASTContext &Ctx) {
  Init = strip(Init);
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Init)) {
    if (Construct->getNumArgs() == 0)
      return nullptr;
    const Expr *First = strip(Construct->getArg(0));
    return isa_and_nonnull<InitListExpr>(First) ? entryList(First, Ctx) : nullptr;
  }
  const auto *List = dyn_cast_or_null<InitListExpr>(Init);
  if (!List)
    return nullptr;
  if (List->isSemanticForm() && wrappedArray(List->getType(), Ctx) && List->getNumInits() == 1)
    return entryList(List->getInit(0), Ctx);
  return List;
}

// Element N of an entry written `{a, b}`, `std::pair{a, b}`, `std::make_pair(a, b)` or
// `Entry{a, b}`.
const Expr *elementOf(const Expr *Entry, unsigned N) {
  Entry = strip(Entry);
  if (const auto *Cast = dyn_cast_or_null<CXXFunctionalCastExpr>(Entry))
    return elementOf(Cast->getSubExpr(), N);
  if (const auto *List = dyn_cast_or_null<InitListExpr>(Entry))
    return N < List->getNumInits() ? strip(List->getInit(N)) : nullptr;
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Entry)) {
    if (Construct->getNumArgs() == 1 && N == 0 && !enumOf(*strip(Construct->getArg(0))))
      return elementOf(Construct->getArg(0), N); // a copy or conversion of a whole pair
    return N < Construct->getNumArgs() ? strip(Construct->getArg(N)) : nullptr;
  }
  if (const auto *Call = dyn_cast_or_null<CallExpr>(Entry))
    return N < Call->getNumArgs() ? strip(Call->getArg(N)) : nullptr;
  return nullptr;
}

bool isNlohmannTable(const VarDecl &Var, const ASTContext &Ctx) {
  SourceLocation Loc = Var.getLocation();
  if (!Loc.isMacroID() || Var.getName() != "m")
    return false;
  return Lexer::getImmediateMacroName(Loc, Ctx.getSourceManager(), Ctx.getLangOpts()) ==
         "NLOHMANN_JSON_SERIALIZE_ENUM";
}

// The macro writes the table twice, in to_json and in from_json: the one in to_json is judged,
// with the enum from its `const ENUM_TYPE &` parameter.
const EnumDecl *nlohmannEnum(const VarDecl &Var) {
  const auto *Function = dyn_cast<FunctionDecl>(Var.getDeclContext());
  if (!Function || Function->getName() != "to_json" || Function->getNumParams() != 2)
    return nullptr;
  return enumOfType(Function->getParamDecl(1)->getType().getNonReferenceType());
}

} // namespace

const EnumDecl *enumOf(const Expr &E) { return enumOfType(E.IgnoreParenImpCasts()->getType()); }

std::optional<KeyedTable> readKeyedTable(const VarDecl &Var, const ASTContext &Ctx) {
  const Expr *Init = Var.getInit();
  if (!Init)
    return std::nullopt;
  KeyedTable Table{nullptr, TableShape::Map, {}};
  QualType Type = Var.getType();
  if (isNlohmannTable(Var, Ctx)) {
    Table.Enum = nlohmannEnum(Var);
    Table.Shape = TableShape::NlohmannMacro;
  } else if (Var.getDeclContext()->isDependentContext() || Type->isDependentType() ||
             Init->isValueDependent()) {
    return std::nullopt;
  } else if (const EnumDecl *Enum = mapKeyEnum(Type)) {
    Table.Enum = Enum;
  } else if (const ArrayType *Array = Ctx.getAsArrayType(Type)) {
    Table.Enum = firstFieldEnum(Array->getElementType());
    Table.Shape = TableShape::PairArray;
  } else if (const ConstantArrayType *Wrapped = wrappedArray(Type, Ctx)) {
    Table.Enum = firstFieldEnum(Wrapped->getElementType());
    Table.Shape = TableShape::PairArray;
  }
  if (!Table.Enum)
    return std::nullopt;
  const InitListExpr *List = entryList(Init, Ctx);
  if (!List)
    return std::nullopt;
  for (const Expr *Entry : List->inits()) {
    if (isa<ImplicitValueInitExpr>(Entry))
      continue;
    const Expr *Key = elementOf(Entry, 0);
    if (!Key || Key->isValueDependent() || enumOf(*Key) != Table.Enum)
      return std::nullopt;
    Expr::EvalResult Value;
    if (!Key->EvaluateAsInt(Value, Ctx))
      return std::nullopt;
    Table.Entries.push_back({Value.Val.getInt(), Key, elementOf(Entry, 1), Entry});
  }
  if (Table.Entries.empty())
    return std::nullopt;
  return Table;
}

std::string sourceText(const Expr *E, const SourceManager &SM, const LangOptions &LangOpts) {
  if (!E)
    return "";
  CharSourceRange Range = CharSourceRange::getTokenRange(SM.getFileLoc(E->getBeginLoc()),
                                                         SM.getFileLoc(E->getEndLoc()));
  return Lexer::getSourceText(Range, SM, LangOpts).str();
}

SourceLocation tableLocation(const VarDecl &Var, const SourceManager &SM) {
  return SM.getFileLoc(Var.getLocation());
}

} // namespace contractcheck
