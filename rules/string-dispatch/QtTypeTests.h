// Tests of a SIGNAL()/SLOT() receiver's dynamic type that guard a connect. Cute Chess connects a
// `ChessPlayer *` to HumanPlayer's slot under `if (player->isHuman())`, in a TU that never
// includes humanplayer.h: Qt looks the string up on the object's own meta-object, and the test
// says which classes the object can be of there. Read per TU; judged in the CLI's judging step,
// with the facts of the TUs that define the overrides (or the class) the test names.
#pragma once

#include "rules/string-dispatch/StringDispatchFacts.h"

#include <optional>
#include <vector>

namespace clang {
class ASTContext;
class CXXMethodDecl;
class CXXRecordDecl;
class Expr;
} // namespace clang

namespace contractcheck {

// The type tests that hold wherever Receiver (an argument of a connect) is evaluated: the
// conditions of the `if`s whose then-branch holds it (each `&&` operand), and those an earlier
// `if (!test) return;` (or continue, break) of an enclosing block leaves true. Only tests on the
// same object (the same variable, member or element), not written to between test and use; an
// `if (auto *y = qobject_cast<C *>(x))` tests its initialiser.
std::vector<QtTypeTest> qtTypeTestsGuarding(const clang::Expr &Receiver,
                                            clang::ASTContext &Context);

// The classes the inherits()/className()/cast tests guarding Receiver name whose definitions this
// TU has, Qt's own included (QSslSocket from Qt's headers): the object is of one of them.
std::vector<const clang::CXXRecordDecl *> qtClassesTestedFor(const clang::Expr &Receiver,
                                                             clang::ASTContext &Context);

// A virtual bool method of a QObject class, defined here, as other TUs' type tests read it.
std::optional<QtPredicateFact> qtPredicateFact(const clang::CXXMethodDecl &Definition);

// Class with the meta-methods it and its bases declare outside system headers (Qt's own
// classes' methods are its static class's too, so no type test is needed for them).
QtMadeClass qtProjectMadeClass(const clang::CXXRecordDecl &Class);

} // namespace contractcheck
