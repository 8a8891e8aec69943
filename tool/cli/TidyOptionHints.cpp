#include "TidyOptionHints.h"

namespace contractcheck {

namespace {
struct Hint {
  std::string_view Option; // without dashes
  std::string_view Instead;
};

constexpr Hint Hints[] = {
    {"checks", "choose the rules in .contractcheck.yaml ('rules: {contract-enum-table: {severity: "
               "off}}', docs/configuration.md), or run the clang-tidy module with -checks "
               "(clang-tidy-19 -load libcontractcheck-tidy.so -checks='-*,contract-*')"},
    {"warnings-as-errors", "findings are errors unless configured 'severity: warning', and "
                           "'--fail-on warning' makes warnings fail the run too"},
    {"header-filter", "findings in every header the analysed files include are reported; leave "
                      "files out with 'paths.exclude' in .contractcheck.yaml"},
    {"export-fixes", "'--format json' and '--format sarif' carry each finding's fix-its, and "
                     "'--fix' applies them"},
    {"fix-errors", "'--fix' applies the fix-its of every reported finding"},
    {"config-file", "'--config FILE' names the .contractcheck.yaml for every file"},
    {"use-color", "'--color always|never|auto'"},
};
} // namespace

std::optional<std::string> clangTidyOptionHint(std::string_view Arg) {
  if (Arg.size() < 2 || Arg[0] != '-')
    return std::nullopt;
  Arg.remove_prefix(Arg[1] == '-' ? 2 : 1);
  std::string_view Name = Arg.substr(0, Arg.find('='));
  for (const Hint &H : Hints)
    if (Name == H.Option)
      return "'-" + std::string(H.Option) + "' is a clang-tidy option contractcheck does not " +
             "take: " + std::string(H.Instead);
  return std::nullopt;
}

} // namespace contractcheck
