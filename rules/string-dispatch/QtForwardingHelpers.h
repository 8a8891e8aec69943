// A project's helper that takes a SIGNAL()/SLOT() string and passes it on to a call of its own:
// GoldenDict's `void MainWindow::addGlobalAction(QAction *action, const char *slot)` connects
// the action's triggered() to `this`'s slot, so `addGlobalAction(&escAction, SLOT(handleEsc()))`
// names a slot of the main window, not of the QAction written before it. Where the helper's body
// is in the translation unit, the object the string is looked up in is read from there.
// A local lambda is such a helper too: LMMS's SetupDialog (before 93ec816d4) built its path rows
// with `auto addPathEntry = [&](..., const char *openSlot, ...) { ...; connect(selectBtn,
// SIGNAL(clicked()), this, openSlot); }` and passed `SLOT(openArtwortDir())`, a slot the dialog
// does not have; in its body `this` (and a captured variable or member) is the very object the
// enclosing function names, so the string is judged against it.
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
  // When the helper passes the string to Qt's connect (or disconnect) and to nothing else: that
  // call's other string (its slot when the parameter is the signal, else its signal) and the
  // object it is meant for, as the call site's expressions (or, in a lambda, the body's). Null
  // when the connect has no such string or the object cannot be named.
  const clang::Expr *Partner = nullptr;
  const clang::Expr *PartnerReceiver = nullptr;
  bool IsSignal = false; // the parameter is the connect's signal
  bool PartnerPassed = false; // the other string is the call's too, for another parameter
};

// Helper: the called function (a lambda's call operator included); Index: the argument holding
// the string; Arguments and Object: the call's arguments for the helper's parameters and the
// object it is called on (null for a free function and a lambda). A parameter the helper writes
// before passing it on is not the string the call site wrote: Forwarded, with no Receiver.
ForwardedReceiver forwardedReceiver(const clang::FunctionDecl &Helper, unsigned Index,
                                    llvm::ArrayRef<const clang::Expr *> Arguments,
                                    const clang::Expr *Object, clang::ASTContext &Context);

} // namespace contractcheck
