// Comparing a mock method with a real one: what a caller can observe of a method's signature,
// compared on canonical type spellings (aliases of the same type are the same), and described in
// the user's own spelling. A signature is plain data, so one translation unit can extract it and
// the global step can compare it with one extracted from another.
#pragma once

#include "Finding.h"

#include "JsonFields.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CXXMethodDecl;
class CXXRecordDecl;
class Decl;
class FieldDecl;
class QualType;
class SourceLocation;
class SourceManager;
} // namespace clang

namespace contractcheck {

// Where a declaration is, as the findings report it: an absolute file, 1-based line and column,
// and the byte offset in the file.


enum class Passing { Value, ConstRef, MutableRef, RValueRef };

// What decides the implicit conversions the judging of calls can rule out.
enum class TypeCategory { Arithmetic, UnscopedEnum, ScopedEnum, Other };

struct TypeText {
  std::string Shown;     // as written, for messages
  std::string Canonical; // for messages when two shown spellings are alike
  // What is compared: the canonical, fully qualified spelling. None when the type cannot be
  // compared (dependent, not yet deduced).
  std::optional<std::string> Key;
  // For a mock's method whose type names a mock class: the key with each mock class replaced by
  // the real class it stands in for (`MockPort &` -> `Port &`), which is what template dependency
  // injection compares; empty when a named mock's real class is unknown (nothing to compare).
  std::optional<std::string> Substituted;
  // What a call needs of a parameter (see MockCallNeeds.h): how an argument binds to it, and the
  // type it binds to without reference and cv-qualifiers (canonical; none when not comparable,
  // or when the type names a mock class).
  Passing Pass = Passing::Value;
  std::optional<std::string> Bare;
  TypeCategory Category = TypeCategory::Other;
  friend bool operator==(const TypeText &, const TypeText &) = default;
};

CONTRACTCHECK_JSON_FIELDS(TypeText, (Shown, "shown"), (Canonical, "canonical"), (Key, "key"),
                          (Substituted, "substituted"), (Bare, "bare"), (Pass, "pass"),
                          (Category, "category"))

enum class RefQual { None, LValue, RValue };

struct MethodSignature {
  std::string Name;
  TypeText Return;
  // The key of T when the return type is `const T &`: a mock returning T by value stands in for
  // it (gMock needs ReturnRef otherwise; callers see the same value).
  std::optional<std::string> ReturnReferee;
  std::vector<TypeText> Params;
  // How many trailing parameters have default arguments: a caller may leave them out.
  unsigned Defaults = 0;
  bool Const = false;
  bool Volatile = false;
  RefQual Ref = RefQual::None;
  std::optional<bool> Noexcept; // unknown while the exception spec is not yet instantiated
  bool Variadic = false;
  bool Virtual = false;
  friend bool operator==(const MethodSignature &, const MethodSignature &) = default;
};

CONTRACTCHECK_JSON_FIELDS(MethodSignature, (Name, "name"), (Return, "return"),
                          (ReturnReferee, "return_referee"), (Params, "params"),
                          (Defaults, "defaults"), (Const, "const"), (Volatile, "volatile"),
                          (Ref, "ref"), (Noexcept, "noexcept"), (Variadic, "variadic"),
                          (Virtual, "virtual"))

// For a class named in a mock's signature: nullopt when it is no mock (compared as it is), the
// real class the mock stands in for, or nullptr when that is unknown (the type is not compared).
using MockCounterpartFn =
    std::function<std::optional<const clang::CXXRecordDecl *>(const clang::CXXRecordDecl &)>;

// Mocker: the gMock FunctionMocker field of the method, if any; it spells the signature as the
// user wrote it in MOCK_METHOD, where the method's own types are gMock's internal aliases.
// Counterpart: given for a mock's method, so that `MockPort &` compares equal to `Port &`.
MethodSignature signatureOf(const clang::CXXMethodDecl &Method, const clang::FieldDecl *Mocker,
                            const clang::ASTContext &Ctx,
                            const MockCounterpartFn *Counterpart = nullptr);

// The type a value of type T is, for binding and conversion: canonical, without reference and
// cv-qualifiers (none when T is dependent), and what kind of type that is.
std::optional<std::string> bareKey(clang::QualType T, const clang::ASTContext &Ctx);
TypeCategory categoryOf(clang::QualType T);

// `Name(T1, T2) const &`, for messages.
std::string printSignature(const MethodSignature &Sig);

enum class Comparison {
  // Everything a call site observes: template dependency injection, where no compiler checks the
  // mock against the real class.
  Exact,
  // What decides overriding: parameters and cv/ref-qualifiers. Return type and noexcept of an
  // overrider are the compiler's to check; they are still described, ranked lower.
  Override,
};

struct SignatureDiff {
  std::string Text; // "parameter 1 is 'int' here but 'long' in the mock"
  unsigned Weight;  // for picking the closest candidate
  bool Decisive;    // counts under the comparison asked for
};

// What differs between a real method and a mock one, phrased from the real method's point of
// view ("here"). Virtual-ness is not compared: whether it matters depends on the pairing. Under
// Exact, a mock that promises less than the real method is no drift, only described: a real
// `noexcept` the mock lacks (the legacy macros cannot even spell it), a real `const T &` return
// the mock returns by value.
std::vector<SignatureDiff> diffSignatures(const MethodSignature &Real, const MethodSignature &Mock,
                                          Comparison How);

bool matches(const std::vector<SignatureDiff> &Diffs);

} // namespace contractcheck
