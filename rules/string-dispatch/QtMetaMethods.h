// The methods Qt's meta-object system knows a class by: what moc reads from `signals:` and
// `slots:` sections, Q_SIGNAL / Q_SLOT / Q_INVOKABLE marks and Q_PRIVATE_SLOT. A compile without
// moc sees those macros expand to nothing, so they are recovered from the tokens the macros were
// expanded from.
#pragma once

#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CXXMethodDecl;
class CXXRecordDecl;
} // namespace clang

namespace contractcheck {

enum class QtMethodKind { Signal, Slot, Invokable };

// "signal", "slot", "Q_INVOKABLE method": as messages and facts name the kind.
const char *qtMethodKindName(QtMethodKind Kind);

struct QtMetaMethod {
  std::string Name;
  QtMethodKind Kind = QtMethodKind::Slot;
  const clang::CXXMethodDecl *Decl = nullptr; // null for a Q_PRIVATE_SLOT
  const clang::CXXRecordDecl *Owner = nullptr;
  // Per parameter, the normalised spellings a signature may use for it: as declared, canonical.
  std::vector<std::vector<std::string>> Parameters;
  // Canonical parameter types, to tell a typedef from a different type.
  std::vector<std::string> CanonicalParameters;
  unsigned RequiredParameters = 0; // moc adds a clone for each defaulted parameter
  bool AnyParameters = false;      // a Q_PRIVATE_SLOT: only its name is known
};

// QObject itself or a class derived from it.
bool isQObjectClass(const clang::CXXRecordDecl &Class);
bool isQObjectItself(const clang::CXXRecordDecl &Class);
// QWidget itself, the type through which Qt hands out any widget (parentWidget(), window(),
// QTabWidget::widget(), a view passed to a controller): the object behind it is almost always of
// a subclass, declared wherever the project declares it.
bool isQWidgetItself(const clang::CXXRecordDecl &Class);

// The meta-methods Class declares, then those of its bases.
std::vector<QtMetaMethod> qtMetaMethods(const clang::CXXRecordDecl &Class);

// "(int,QString)": the parameters as a signature writes them.
std::string parameterList(const QtMetaMethod &Method);

} // namespace contractcheck
