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
class FunctionDecl;
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
// QObject::connect and QObject::disconnect, static or called on an object: the calls that hand
// the signal's arguments to the slot.
bool isQtConnect(const clang::FunctionDecl *Callee);

// Whether Class has a meta-object of its own: Q_OBJECT declares its metaObject(). moc reads only
// such a class; an object of a class without one answers to its nearest base's meta-object, so
// the signals, slots and Q_INVOKABLE methods it declares are in no meta-object, and Qt's lookup
// of a string naming one fails at runtime ("No such slot QDialog::exportAll()").
bool hasOwnMetaObject(const clang::CXXRecordDecl &Class);
// The class whose meta-object an object of Class has: Class, or its nearest QObject base with one.
const clang::CXXRecordDecl *qtMetaObjectClass(const clang::CXXRecordDecl &Class);

// The meta-methods Class declares, then those of its bases: of the classes with a meta-object of
// their own, the only ones Qt's lookup of a string finds.
std::vector<QtMetaMethod> qtMetaMethods(const clang::CXXRecordDecl &Class);
// The methods marked as meta-methods (in signals:/slots:, Q_INVOKABLE...) by Class or its bases
// that have no meta-object of their own: declared so, found by no string.
std::vector<QtMetaMethod> qtUnrecordedMethods(const clang::CXXRecordDecl &Class);

// "(int,QString)": the parameters as a signature writes them.
std::string parameterList(const QtMetaMethod &Method);

} // namespace contractcheck
