// Whether a switch that translates one enum into another has a `default:` that produces a hidden
// enumerator's own translation: that enumerator is handled there, not hidden.
#pragma once

#include <vector>

namespace clang {
class DefaultStmt;
class EnumConstantDecl;
class ParentMap;
class SwitchStmt;
} // namespace clang

namespace contractcheck {

// glslang's `c_shader_client_version`: each case maps `GLSLANG_TARGET_VULKAN_1_1` to
// `EShTargetVulkan_1_1` and so on (the same name after each enum's shared prefix, compared
// lower-case without separators), and `default: break; } return EShTargetVulkan_1_0;` is what
// `GLSLANG_TARGET_VULKAN_1_0` becomes: the default is that value's case. The hidden enumerators
// of Missing whose counterpart the default path produces: by `return E;` or `V = E; break;` in
// the default, or by `break;` to a `return E;` right after the switch. Every case label must
// name an enumerator and lead straight to `return` or to an assignment to one variable of an
// enumerator of one other enum with the label's name; a default that does anything else (an
// error value, a call, another enumerator): none. The same for cases that make objects (`new C`
// or `C(...)`) of classes named after their labels (psi's `XDataField_Boolean` for
// `Field_Boolean`): a default making a hidden enumerator's class is its case.
std::vector<const clang::EnumConstantDecl *>
translatedByDefault(const clang::SwitchStmt &Switch, const clang::DefaultStmt &Default,
                    const std::vector<const clang::EnumConstantDecl *> &Missing,
                    const clang::ParentMap &Parents);

} // namespace contractcheck
