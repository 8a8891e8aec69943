// What a class's own code does with members: the members a mock calls on itself (gMock's
// destructor idiom), and whether a class template calls members of a type parameter (template
// dependency injection, the mark of a mock standing in for that parameter).
#pragma once

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/DenseSet.h>
#include <llvm/ADT/StringSet.h>

namespace clang {
class ASTContext;
class ClassTemplateDecl;
class CXXMethodDecl;
class CXXRecordDecl;
} // namespace clang

namespace contractcheck {

// Names of the members Class calls on itself, in the class and in the members this TU defines
// outside it. A mock method with no counterpart that the mock calls itself (`MOCK_METHOD(void,
// Die, ()); ~MockFoo() { Die(); }`) is the mock's own hook, not a stand-in for a real method.
// A member pointer the class takes to its own member (`defer(self(), &Self::connected)`) counts
// as a call: it hands the method on to be called.
llvm::StringSet<> membersCalledOnItself(const clang::CXXRecordDecl &Class);

// The methods (canonical declarations) the main file takes as member pointers
// (`dispatch(&process, &DispatchProcess::func0)` in a test): code that calls that very method
// through the pointer, never through a base. A mock method with no counterpart named so is the
// test's own target, like one the mock calls on itself.
llvm::DenseSet<const clang::CXXMethodDecl *> memberPointersInMainFile(clang::ASTContext &Ctx);

// Whether Class has a method (other than a constructor or destructor) that this TU declares but
// does not define: its body, and whatever it calls on the class, is in another TU (Quassel's
// MockedPeer, defined in a header, whose dispatch() overrides in mockedpeer.cpp call the mocked
// Dispatches()). That TU judges the methods no base names; the others cannot.
bool definesMembersElsewhere(const clang::CXXRecordDecl &Class);

// Whether one of Class's own methods calls Method, resolved to that very overload (in a class
// template specialization, in the bodies the TU instantiated). gMock's forwarding idiom: an
// override whose parameter types gMock cannot mock delegates to a mock method of another
// signature (`xsputn(const char *, n) override { return xsputn((const void *)s, n); }`); that mock
// method is the override's hook, not a stand-in for a base method.
bool callsMethodOnItself(const clang::CXXRecordDecl &Class, const clang::CXXMethodDecl &Method);

// Whether a class derived from Mock, defined in Mock's own file, overrides one of Reals (the
// base methods Method could stand in for) with a method that calls Method on itself
// (`void timerCallback(h, d) { MockTimerCb::timerCallback(h, d); }` in a controller derived from
// a mock whose `MOCK_CONST_METHOD2(timerCallback, ...)` overrides nothing): the forwarding idiom
// with the override one level down. Calls through the base reach the derived override and so
// the mock method. Only Mock's own file counts, so that every TU that sees the mock judges it
// alike; an override declared there and defined in another source (AudioManager's
// CAmSerializerTest.h and .cpp) counts too, as its body and what it calls are not seen here.
bool derivedOverrideCallsMethod(const clang::CXXRecordDecl &Mock,
                                const clang::CXXMethodDecl &Method,
                                llvm::ArrayRef<const clang::CXXMethodDecl *> Reals);

// Whether a class derived from Mock, among Classes (the TU's), calls Method on itself, in its
// methods' bodies and the lambdas in them: the tests of a gtest fixture (`TEST_F(Runner, ...)`
// writes a class deriving from Runner) calling the fixture's recorder `MOCK_METHOD0(callback,
// void())` from the callbacks they register (mir's `add_stop_callback([this] { callback(); })`).
// Nothing calls such a method through a base: it is the class's own, checked by the EXPECT_CALLs
// of its tests (which call gMock's `gmock_callback`, not it). The call must resolve to Method:
// a derived class's own method of that name does not count.
bool derivedClassCallsMethod(const clang::CXXRecordDecl &Mock, const clang::CXXMethodDecl &Method,
                             llvm::ArrayRef<const clang::CXXRecordDecl *> Classes);

// Whether the template's definition calls a member on a value of its Index-th type parameter
// (`T.Send(...)`, `Ptr->Close()`, through a smart pointer too) or derives from it; generic
// holders (containers, optionals, handles) do not.
bool callsMembersOf(const clang::ClassTemplateDecl &Template, unsigned Index);

} // namespace contractcheck
