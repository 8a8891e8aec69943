// contract-schema-sync: a C++ enum and an external definition of the same set (a JSON Schema or
// OpenAPI enum, a YAML/JSON list, a .proto enum, a Python Enum class) that disagree. See
// docs/rules/contract-schema-sync.md. The enum may live in any TU, so this per-TU part reports
// nothing: it emits the definition of every bound enum it sees, and SchemaSyncGlobal compares
// them with the external files once per run, in the CLI.
#pragma once

#include "Rule.h"
#include "rules/utils/EnumDefinitionMatcher.h"

namespace contractcheck {

class SchemaSyncRule : public Rule {
public:
  explicit SchemaSyncRule(RuleContext &Context);

  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  // Reads enum definitions, which are spelled in source.
  bool needsInstantiations(const SkippedInstantiations &) const override { return false; }
  void onEndOfTranslationUnit() override;

private:
  EnumNameSet BoundEnums; // qualified, as bindings spell them
  clang::ASTContext *Ctx = nullptr;
  EnumNameSet Found; // the bound enums this TU defines, met by the walk
};

} // namespace contractcheck
