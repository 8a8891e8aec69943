// A project's helper that takes a SIGNAL()/SLOT() string and passes it on to a call of its own:
// GoldenDict's `void MainWindow::addGlobalAction(QAction *action, const char *slot)` connects
// the action's triggered() to `this`'s slot, so `addGlobalAction(&escAction, SLOT(handleEsc()))`
// names a slot of the main window, not of the QAction written before it. Where the helper's body
// is in the translation unit, the object the string is looked up in is read from there.
#pragma once

#include <llvm/ADT/ArrayRef.h>

namespace clang {
class ASTContext;
class Expr;
class FunctionDecl;
} // namespace clang

namespace contractcheck {

struct ForwardedReceiver {
  // The helper's body passes the parameter straight to one or more calls.
  bool Forwarded = false;
  // The call site's expression for the object the string is meant for there: the argument the
  // helper passes before it, or the object the helper is called on when it passes `this` (or
  // makes the member connect(sender, SIGNAL(), slot) on itself). Null when the calls disagree
  // or the object is one the call site does not name (a member, a local of the helper).
  const clang::Expr *Receiver = nullptr;
};

// Helper: the called function; Index: the argument holding the string; Arguments and Object:
// the call's arguments and the object it is called on (null for a free function).
ForwardedReceiver forwardedReceiver(const clang::FunctionDecl &Helper, unsigned Index,
                                    llvm::ArrayRef<const clang::Expr *> Arguments,
                                    const clang::Expr *Object, clang::ASTContext &Context);

} // namespace contractcheck
