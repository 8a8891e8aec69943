// Whether a switch's `default:` hands what reaches it to the implementation the function
// overrides: the values it leaves to `default:` are handled there, not hidden.
#pragma once

namespace clang {
class CXXMethodDecl;
class DefaultStmt;
class ParentMap;
class SwitchStmt;
} // namespace clang

namespace contractcheck {

// Ostinato's protocols: `QVariant ArpProtocol::fieldData(int index, FieldAttrib attrib, ...)`
// switches on `attrib`, names the attributes it computes itself, `default: break;`s, and ends
// with `return AbstractProtocol::fieldData(index, attrib, streamIndex);`, the base class's
// implementation, which handles `FieldBitSize` for every protocol (its documented contract). True
// when Method overrides a virtual method; the default leaves the switch (`break`, nothing, or
// statements with no jump in them before the `break`); every statement between the switch and
// the end of the function's body that a `break` leads through is a `break` (a switch nested in
// an outer case, left by that case's `break`) or another switch on the same parameter that
// passes what it does not name on the same way; and the statement the function then runs is
// `return Base::method(...)` calling a method Method overrides, with the switch's variable (a
// parameter, unchanged) among the arguments. Loops on the way, any other statement after the
// switch, or another variable passed on: false. Also true for a switch in Method's body that
// only picks a handler and leaves it null through `default: break;`, when a guard after it
// calls the overridden method with the parameter whenever the handler is null (Qt styles'
// `if (!(fcn && (this->*fcn)(...))) ParentStyleClass::drawComplexControl(element, ...)`).
bool defaultDelegatesToOverridden(const clang::SwitchStmt &Switch,
                                  const clang::DefaultStmt &Default,
                                  const clang::CXXMethodDecl &Method, const clang::ParentMap &Parents);

} // namespace contractcheck
