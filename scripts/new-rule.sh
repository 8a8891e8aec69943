#!/usr/bin/env bash
# Adds a rule in one command, as clang-tidy's add_new_check.py does for a check:
#
#   scripts/new-rule.sh NAME [--global]
#
# NAME is the rule's id without "contract-" (lower-case words joined by '-', e.g. "lock-order").
# It creates
#   rules/NAME/            the rule class (registerMatchers/check) and its CMakeLists.txt; with
#                          --global also its facts and its global step (a rule that judges the
#                          whole code base: the per-TU part only emits facts)
#   fixtures/contract-NAME/NAME.cpp and silent-NAME.cpp
#                          one fixture that must fire, one that must stay silent
#   docs/rules/contract-NAME.md
# and registers the rule: rules/Rules.def, the rule lists of README.md and docs/README.md and a
# section of docs/configuration.md (RuleCatalogueTest checks each list against Rules.def). The
# rule it writes works: it reports functions whose name starts with "todo_", so the build and the
# fixtures are green before you replace that with what your rule finds.
set -euo pipefail

usage() {
  echo "usage: $0 NAME [--global]   (NAME: lower-case words joined by '-', without 'contract-')" >&2
  exit 2
}

[ $# -ge 1 ] || usage
name=$1
global=0
if [ $# -eq 2 ]; then
  [ "$2" = "--global" ] || usage
  global=1
elif [ $# -gt 2 ]; then
  usage
fi
[[ $name =~ ^[a-z][a-z0-9]*(-[a-z0-9]+)*$ ]] || usage
[[ $name != contract-* ]] || usage

root=$(cd "$(dirname "$0")/.." && pwd)
id=contract-$name
# lock-order -> LockOrder
base=$(echo "$name" | sed -E 's/(^|-)([a-z])/\U\2/g')
class=${base}Rule
dir=$root/rules/$name

for existing in "$dir" "$root/fixtures/$id" "$root/docs/rules/$id.md"; do
  if [ -e "$existing" ]; then
    echo "$0: $existing exists already" >&2
    exit 1
  fi
done
if grep -q "CONTRACTCHECK_RULE($class)" "$root/rules/Rules.def"; then
  echo "$0: $class is in rules/Rules.def already" >&2
  exit 1
fi

mkdir -p "$dir" "$root/fixtures/$id"

if [ $global -eq 1 ]; then
  sources="  ${class}.cpp
  ${base}Facts.cpp
  ${base}Global.cpp"
  scope=Global
else
  sources="  ${class}.cpp"
  scope=TranslationUnit
fi

cat >"$dir/CMakeLists.txt" <<EOF
# The $name rule.
target_sources(contractcheck_rules PRIVATE
$sources
)
EOF

cat >"$dir/$class.h" <<EOF
// $id: TODO: what it finds, in one sentence. See docs/rules/$id.md.
#pragma once

#include "Rule.h"

namespace contractcheck {

class $class : public Rule {
public:
  explicit $class(RuleContext &Context);

  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace contractcheck
EOF

if [ $global -eq 1 ]; then
  includes="#include \"rules/$name/${base}Facts.h\"
#include \"rules/$name/${base}Global.h\"
#include \"SourcePositions.h\"
#include \"rules/utils/Usr.h\"
"
  report='  // The global step reports: the per-TU part only says what this TU defines.
  emitFact(TodoFunctionFact{usrOf(*F), F->getQualifiedNameAsString(),
                            positionOf(F->getLocation(), *Result.SourceManager)});'
  extra_info="      .CreateGlobalRule = [](const RuleOptions &Options) -> std::unique_ptr<GlobalRule> {
        return std::make_unique<${base}GlobalRule>(Options);
      },
      .FactKinds = ${base,}FactKinds(),"
else
  includes=""
  report='  diag(F->getLocation(), "function '"'"'%0'"'"' is a placeholder") << F->getQualifiedNameAsString();'
  extra_info=""
fi

cat >"$dir/$class.cpp" <<EOF
#include "rules/$name/$class.h"

${includes}#include "RuleInfo.h"

#include <clang/ASTMatchers/ASTMatchers.h>

using namespace clang;
using namespace clang::ast_matchers;

namespace contractcheck {

$class::$class(RuleContext &Context) : Rule(Context) {}

void $class::registerMatchers(MatchFinder *Finder) {
  // TODO: match what the rule judges.
  Finder->addMatcher(functionDecl(isDefinition(), matchesName("::todo_")).bind("function"), this);
}

void $class::check(const MatchFinder::MatchResult &Result) {
  const auto *F = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (!F || !Result.SourceManager->isInMainFile(F->getLocation()))
    return;
$report
}

const RuleInfo &${class}Info() {
  static const RuleInfo Info{
      .Id = "$id",
      .Summary = "TODO: what it finds, in one line",
      .Description = "TODO: a paragraph: what it finds, why the compiler does not, what it "
                     "leaves alone.",
      .Scope = RuleScope::$scope,
      .Options = {},
      .CreateTURule = [](RuleContext &Context) -> std::unique_ptr<Rule> {
        return std::make_unique<$class>(Context);
      },
$extra_info
  };
  return Info;
}

} // namespace contractcheck
EOF
# No empty line before the closing brace when there is no global step.
sed -i '/^$/{N;/^\n  };$/s/^\n//}' "$dir/$class.cpp"

if [ $global -eq 1 ]; then
  fn=${base,}FactKinds
  cat >"$dir/${base}Facts.h" <<EOF
// $id's facts: what one TU knows that only the whole code base can judge.
#pragma once

#include "Facts.h"
#include "Finding.h"
#include "JsonFields.h"
#include "RuleInfo.h"

#include <span>
#include <string>

namespace contractcheck {

// A function named todo_* that a TU defines. TODO: what your global step needs.
struct TodoFunctionFact {
  static constexpr std::string_view Kind = "todo-function";
  static constexpr unsigned Version = 1;
  std::string Usr;
  std::string Name; // qualified, as messages name it
  SourcePosition Where;
  std::string key() const { return Usr; }
};

CONTRACTCHECK_JSON_FIELDS(TodoFunctionFact, (Usr, "usr"), (Name, "name"), (Where, "where"))

std::span<const FactKind> $fn();

} // namespace contractcheck
EOF
  cat >"$dir/${base}Facts.cpp" <<EOF
#include "rules/$name/${base}Facts.h"

namespace contractcheck {

std::span<const FactKind> $fn() {
  static constexpr FactKind Kinds[] = {factKindOf<TodoFunctionFact>()};
  return Kinds;
}

} // namespace contractcheck
EOF
  cat >"$dir/${base}Global.h" <<EOF
// $id's global step: judges the facts every TU emitted, once per run.
#pragma once

#include "GlobalRule.h"

namespace contractcheck {

class RuleOptions;

class ${base}GlobalRule : public GlobalRule {
public:
  explicit ${base}GlobalRule(const RuleOptions &Options);
  void run(GlobalContext &Context) override;
};

} // namespace contractcheck
EOF
  cat >"$dir/${base}Global.cpp" <<EOF
#include "rules/$name/${base}Global.h"

#include "rules/$name/${base}Facts.h"

namespace contractcheck {

${base}GlobalRule::${base}GlobalRule(const RuleOptions &) {}

void ${base}GlobalRule::run(GlobalContext &Context) {
  // Facts iterate in key order; a function several TUs saw (an inline one in a header) is one
  // key, reported once.
  std::string Last;
  for (const TodoFunctionFact &F : Context.facts().all<TodoFunctionFact>()) {
    if (F.Usr == Last)
      continue;
    Last = F.Usr;
    Finding Found;
    Found.Position = F.Where;
    Found.Message = "function '" + F.Name + "' is a placeholder";
    Context.report(std::move(Found));
  }
}

} // namespace contractcheck
EOF
fi

cat >"$root/fixtures/$id/$name.cpp" <<EOF
// $id fires. TODO: the shapes your rule reports, one expectation each.

void todo_parse() {} // expected-error {{function 'todo_parse' is a placeholder}}

namespace app {
int todo_count(int n) { return n; } // expected-error {{function 'app::todo_count' is a placeholder}}
} // namespace app
EOF
cat >"$root/fixtures/$id/silent-$name.cpp" <<EOF
// $id stays silent. TODO: the look-alikes your rule must leave alone.
// expected-no-diagnostics

void todo_declared_only();
void parse_todo() {}
EOF

if [ $global -eq 1 ]; then
  scope_text="global (whole codebase), CLI only"
  scope_doc="a global rule: each translation unit's part emits facts, and one step over the whole
code base judges them (CLI only; the clang-tidy module does not run it)."
else
  scope_text="per translation unit; also a clang-tidy check"
  scope_doc="per translation unit; also a clang-tidy check."
fi

cat >"$root/docs/rules/$id.md" <<EOF
# $id

TODO: what it finds, in one paragraph, and why the compiler cannot.

Scope: $scope_doc

## Example

\`\`\`cpp
void todo_parse() {}
\`\`\`

\`\`\`
src/parse.cpp:1:6: error: function 'todo_parse' is a placeholder [$id]
\`\`\`

## What it leaves alone

TODO: the look-alikes it does not report, and why.

## Options

None yet. Every option is documented here with its default and the reason for it.

## Suppression

\`// NOLINT($id)\` on the line, or \`severity: off\` in \`.contractcheck.yaml\`.
EOF

# Registration: Rules.def, then the lists in the docs, each after its last rule entry.
python3 - "$root" "$id" "$scope_text" "$class" <<'EOF'
import re, sys
root, rule_id, scope, rule_class = sys.argv[1:]

def insert_after_last(path, pattern, text):
    with open(path) as f:
        lines = f.read().split("\n")
    last = max(i for i, line in enumerate(lines) if re.match(pattern, line))
    # A bullet may continue on indented lines.
    while last + 1 < len(lines) and lines[last + 1].startswith("  "):
        last += 1
    lines[last + 1:last + 1] = text.split("\n")
    with open(path, "w") as f:
        f.write("\n".join(lines))

insert_after_last(f"{root}/rules/Rules.def", r"CONTRACTCHECK_RULE\(", f"CONTRACTCHECK_RULE({rule_class})")
insert_after_last(f"{root}/README.md", r"- \[`contract-",
                  f"- [`{rule_id}`](docs/rules/{rule_id}.md): TODO: what it finds.")
insert_after_last(f"{root}/docs/README.md", r"\| \[contract-",
                  f"| [{rule_id}](rules/{rule_id}.md) | TODO: what it finds | {scope} | — |")

path = f"{root}/docs/configuration.md"
with open(path) as f:
    text = f.read()
section = (f"#### `{rule_id}` options\n\nSee [rules/{rule_id}.md](rules/{rule_id}.md). "
           "No options yet.\n\n")
at = text.index("## Errors\n")
with open(path, "w") as f:
    f.write(text[:at] + section + text[at:])
EOF

cat <<EOF
Created rules/$name/, fixtures/$id/, docs/rules/$id.md; registered $class in rules/Rules.def,
README.md, docs/README.md and docs/configuration.md. Next:
  build:    nice ninja -C build -j2 contractcheck ContractCheckTidyModule contractcheck_fixture_tests
  fixtures: build/tests/contractcheck_fixture_tests --gtest_filter='*${id//-/_}*'
then replace the TODOs (the matcher, the messages, the fixtures, the doc page).
EOF
