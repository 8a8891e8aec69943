// Recognising test doubles in the AST: which methods of a class gMock generated (and which are
// only its plumbing), and which classes are gMock's own wrappers rather than mocks.
#pragma once

#include <vector>

namespace clang {
class CXXMethodDecl;
class CXXRecordDecl;
class Decl;
class FieldDecl;
class QualType;
class SourceManager;
} // namespace clang

namespace contractcheck {

// A user-facing method that a MOCK_METHOD / MOCK_METHODn / MOCK_CONST_METHODn expansion declared.
struct GMockMethod {
  const clang::CXXMethodDecl *Method;
  // The `::testing::FunctionMocker<Signature>` member of the same expansion: its template
  // argument spells the signature the way the user wrote it, for readable messages.
  const clang::FieldDecl *Mocker;
};

// gMock methods of Class, in declaration order. A method counts when the same macro expansion
// also declared a `gmockN_<name>_<line>` FunctionMocker field: that ties it to gMock whatever the
// header's path, and leaves hand-written overloads of the same name out.
std::vector<GMockMethod> gmockMethods(const clang::CXXRecordDecl &Class,
                                      const clang::SourceManager &SM);

// The `gmock_<name>` helpers and FunctionMocker fields gMock adds next to each mock method.
bool isGMockPlumbing(const clang::CXXMethodDecl &Method);

// True for declarations inside namespace ::testing (gMock/gTest themselves, or tests that live
// in that namespace, as googletest's own do).
bool isInTestingNamespace(const clang::Decl &D);

// True for gMock's and gTest's own classes: in namespace ::testing and declared in their headers
// (a system header, or a file under a `gmock/` or `gtest/` directory when googletest is vendored
// and included with -I). Tests written inside namespace ::testing are not gMock's own.
bool isGMockOwn(const clang::Decl &D);

// A gTest fixture or TEST body: Class derives, at any depth, from ::testing::Test. Such a class
// is a test, not a test double, whatever its name says: `TEST(MockFunctionTest, X)` is the class
// `MockFunctionTest_X_Test`, which no naming pattern makes a mock.
bool isGTestTest(const clang::CXXRecordDecl &Class);

// NiceMock<M>, NaggyMock<M> and StrictMock<M> are not mocks themselves: the class they wrap is.
// Returns the wrapped class, or the class itself when it is no wrapper.
const clang::CXXRecordDecl *unwrapGMockWrapper(const clang::CXXRecordDecl *Class);

} // namespace contractcheck
