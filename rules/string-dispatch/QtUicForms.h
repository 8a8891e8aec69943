// Qt Designer forms: the SIGNAL()/SLOT() strings uic writes into a ui_X.h from the .ui file's
// <connection>s. The user owns the .ui, not the header, so a drift there is reported at the
// .ui's <signal>/<slot> element (the header's generated-code banner would otherwise leave it
// out), and a string on the form's top-level object (setupUi's parameter, typed as the widget
// class the form is based on: QDialog) is judged against the class that calls setupUi(this) in
// its constructor, whose meta-object Qt looks the string up on while constructing.
#pragma once

#include "rules/string-dispatch/QtCreatedClasses.h"

#include <clang/Basic/SourceLocation.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CXXMethodDecl;
class CXXRecordDecl;
class Expr;
class SourceManager;
} // namespace clang

namespace contractcheck {

class QtUicForms {
public:
  // The classes whose constructors call setupUi(this) on the form whose setupUi's parameter
  // Object is, when Object is that parameter in a file uic wrote; State::Unknown otherwise.
  QtCreation formCreation(const clang::Expr &Object, clang::ASTContext &Context);

  // Where a string uic wrote at Where (in a ui_X.h) is in its .ui: the text of the <signal>
  // (Signal) or <slot> element of the connection it came from, whose sender (for a signal) or
  // receiver is named Object. Where itself when Where is in no uic output or the .ui is not
  // found next to the sources.
  clang::SourceLocation inForm(clang::SourceLocation Where, const std::string &Signature,
                               bool Signal, const std::string &Object,
                               clang::ASTContext &Context);

private:
  struct Connection {
    std::string Sender, Signal, Receiver, Slot; // the elements' texts
    unsigned SignalLine = 0, SignalColumn = 0, SlotLine = 0, SlotColumn = 0;
  };
  struct Form {
    clang::FileID File; // invalid when no .ui was found
    std::vector<Connection> Connections;
  };
  const Form &formOf(clang::FileID Generated, clang::SourceManager &SM);
  bool generatedByUic(clang::FileID File, const clang::SourceManager &SM);
  void reset(clang::ASTContext &Context);

  const clang::ASTContext *For = nullptr;
  std::optional<std::vector<std::pair<const clang::CXXMethodDecl *, const clang::CXXRecordDecl *>>>
      SetupCalls; // (setupUi, the class whose constructor calls it on this)
  std::map<clang::FileID, Form> Forms; // by the ui_X.h
  std::map<clang::FileID, bool> Uic;
};

} // namespace contractcheck
