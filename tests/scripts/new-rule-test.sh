#!/usr/bin/env bash
# scripts/new-rule.sh's output builds and passes: on a copy of the source tree, add a per-TU rule
# and a --global one, build what their fixtures need, and run the new rules' fixtures (CLI twice,
# clang-tidy for the per-TU one) and the tests that check every rule is registered and listed.
#
#   tests/scripts/new-rule-test.sh SOURCE_DIR WORK_DIR
#
# WORK_DIR is removed first and afterwards. The copy is built in WORK_DIR/build, beside the copied
# sources as build/ is beside the real ones, so with ccache (base_dir above both) everything but
# what the new rules change is a cache hit.
set -euo pipefail

src=$(cd "$1" && pwd)
work=$2
rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)
trap 'rm -rf "$work"' EXIT

# The tracked and untracked files of the tree as it is (not only what is committed), without
# build trees.
(cd "$src" && git ls-files -z --cached --others --exclude-standard) |
  (cd "$src" && xargs -0 cp --parents -t "$work" 2>/dev/null || true)
test -f "$work/CMakeLists.txt"

fail() {
  echo "new-rule-test: $*" >&2
  exit 1
}

"$work/scripts/new-rule.sh" lock-order >/dev/null
"$work/scripts/new-rule.sh" todo-registry --global >/dev/null
# A second run for the same name changes nothing and fails.
if "$work/scripts/new-rule.sh" lock-order >/dev/null 2>&1; then
  fail "new-rule.sh accepted a rule that exists"
fi
if "$work/scripts/new-rule.sh" Bad_Name >/dev/null 2>&1; then
  fail "new-rule.sh accepted a malformed name"
fi
# Both generated rules report the same placeholder functions: each one's fixture turns the other
# rule off, as a user's fixture configures what it tests.
printf 'version: 1\nrules:\n  contract-todo-registry: {severity: off}\n' \
  >"$work/fixtures/contract-lock-order/lock-order.yaml"
printf 'version: 1\nrules:\n  contract-lock-order: {severity: off}\n' \
  >"$work/fixtures/contract-todo-registry/todo-registry.yaml"
grep -q 'CONTRACTCHECK_RULE(LockOrderRule)' "$work/rules/Rules.def" || fail "not in Rules.def"
grep -q 'CONTRACTCHECK_RULE(TodoRegistryRule)' "$work/rules/Rules.def" || fail "not in Rules.def"

cmake -S "$work" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
nice ninja -C "$work/build" -j2 contractcheck ContractCheckTidyModule contractcheck_fixture_tests \
  contractcheck_unit_tests >"$work/build.log" 2>&1 || { tail -50 "$work/build.log"; fail "build"; }

cd "$work/build"
tests/contractcheck_fixture_tests --gtest_filter='*contract_lock_order*:*contract_todo_registry*' \
  >"$work/fixtures.log" 2>&1 || { cat "$work/fixtures.log"; fail "fixtures"; }
# 2 fixtures x 3 front-end runs for each rule; the global rule's 2 clang-tidy runs are skipped.
grep -q '^\[  PASSED  \] 10 tests' "$work/fixtures.log" || { cat "$work/fixtures.log"; fail "count"; }
grep -q '^\[  SKIPPED \] 2 tests' "$work/fixtures.log" || { cat "$work/fixtures.log"; fail "skips"; }
tests/contractcheck_unit_tests --gtest_filter='RuleCatalogueTest.*' >"$work/unit.log" 2>&1 ||
  { cat "$work/unit.log"; fail "RuleCatalogueTest"; }
tool/contractcheck --list-rules | grep -q '^contract-todo-registry' || fail "--list-rules"
echo "new-rule-test: both new rules build, register, and pass their fixtures"
