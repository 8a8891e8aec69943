// Comparing a mock method with a real one: what a caller can observe of a method's signature,
// compared on canonical types (aliases of the same type are the same), and described in the
// user's own spelling.
#pragma once

#include <clang/AST/Type.h>

#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CXXMethodDecl;
class FieldDecl;
} // namespace clang

namespace contractcheck {

struct MethodSignature {
  const clang::CXXMethodDecl *Method = nullptr;
  // Canonical, for comparison.
  clang::QualType Return;
  std::vector<clang::QualType> Params;
  // As written, for messages.
  clang::QualType ShownReturn;
  std::vector<clang::QualType> ShownParams;
  bool Const = false;
  bool Volatile = false;
  clang::RefQualifierKind Ref = clang::RQ_None;
  std::optional<bool> Noexcept; // unknown while the exception spec is not yet instantiated
  bool Variadic = false;
  bool Virtual = false;
};

// Mocker: the gMock FunctionMocker field of the method, if any; it spells the signature as the
// user wrote it in MOCK_METHOD, where the method's own types are gMock's internal aliases.
MethodSignature signatureOf(const clang::CXXMethodDecl &Method, const clang::FieldDecl *Mocker,
                            const clang::ASTContext &Ctx);

// `Name(T1, T2) const &`, for messages.
std::string printSignature(const MethodSignature &Sig, const clang::ASTContext &Ctx);

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
// view ("here"). Virtual-ness is not compared: whether it matters depends on the pairing.
std::vector<SignatureDiff> diffSignatures(const MethodSignature &Real, const MethodSignature &Mock,
                                          Comparison How, const clang::ASTContext &Ctx);

bool matches(const std::vector<SignatureDiff> &Diffs);

} // namespace contractcheck
