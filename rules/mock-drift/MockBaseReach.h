// Whether a mock's objects ever reach code that sees them as one of the mock's bases. A mock
// method that hides a non-virtual base method is drift when the code under test calls that
// method through the base class; a mock the test only calls directly (`mock.f()` after
// `EXPECT_CALL(mock, f())`) or never instantiates hides nothing anyone calls.
#pragma once

#include <utility>
#include <vector>

namespace clang {
class ASTContext;
class CXXRecordDecl;
} // namespace clang

namespace contractcheck {

class MockBaseReach {
public:
  explicit MockBaseReach(clang::ASTContext &Ctx) : Ctx(Ctx) {}

  // False only when Mock is defined in the main file (so the TU sees every use of it) and no
  // object of it, or of a class deriving from it (`NiceMock<Mock>`), is converted to one of its
  // bases or to an unrelated type (a C handle, `void *`) outside gMock's own calls, handed to a
  // converting constructor (`shared_ptr<Base>` from `shared_ptr<Mock>`), or made the template
  // argument of a template outside `std` and `testing`, which could do either out of sight.
  // `this` in the mock's own methods counts: a base method it calls runs on the mock.
  bool reachesBase(const clang::CXXRecordDecl &Mock);

private:
  void collect();

  clang::ASTContext &Ctx;
  bool Collected = false;
  // (from, to) for every conversion of a class's object seen in the project's code; to is null
  // when it is not a class (void *, an integer) or cannot be seen.
  std::vector<std::pair<const clang::CXXRecordDecl *, const clang::CXXRecordDecl *>> Conversions;
};

} // namespace contractcheck
