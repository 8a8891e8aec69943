// The key that identifies a declaration across translation units in facts: its USR, as clangd's
// index and clang-doc use it. Entities with internal linkage get their file in the USR, so two
// classes of unnamed namespaces in different files stay apart.
#pragma once

#include <string>

namespace clang {
class Decl;
} // namespace clang

namespace contractcheck {

std::string usrOf(const clang::Decl &D);

} // namespace contractcheck
