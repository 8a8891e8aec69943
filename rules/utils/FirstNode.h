// The first node of a kind in a statement's tree, in source order (pre-order, depth first):
// the return a branch leads to, the switch a function dispatches with, the literal a case names.
#pragma once

#include <clang/AST/Stmt.h>
#include <llvm/Support/Casting.h>

namespace contractcheck {

template <typename Node> const Node *firstNode(const clang::Stmt *S) {
  if (!S)
    return nullptr;
  if (const auto *Found = llvm::dyn_cast<Node>(S))
    return Found;
  for (const clang::Stmt *Child : S->children())
    if (const Node *Found = firstNode<Node>(Child))
      return Found;
  return nullptr;
}

} // namespace contractcheck
