#include "rules/switch-coverage/HiddenEnumeratorsText.h"

namespace contractcheck {

// A switch over Qt's QEvent::Type with min-coverage 0 listed 163 names in one message (and one
// quick-fix title), which no terminal, editor hover or code-scanning alert can be read in. The
// fix-it still adds every label, and the report's enum map lists every cell.
std::string namesAtMost(const std::vector<std::string> &Names) {
  constexpr size_t Shown = 10;
  std::string List;
  for (size_t I = 0; I < Names.size() && I < Shown; ++I)
    List += (I ? ", " : "") + Names[I];
  if (Names.size() > Shown)
    List += ", and " + std::to_string(Names.size() - Shown) + " more";
  return List;
}

std::string hiddenEnumeratorsMessage(const std::string &EnumName, bool HasDefault,
                                     const std::vector<std::string> &Names) {
  const std::string Count = std::to_string(Names.size());
  const bool One = Names.size() == 1;
  if (HasDefault)
    return "switch on '" + EnumName + "' has a 'default' label that hides " + Count +
           (One ? " unhandled enumerator: " : " unhandled enumerators: ") + namesAtMost(Names);
  return "switch on '" + EnumName + "' does not handle " + Count +
         (One ? " enumerator: " : " enumerators: ") + namesAtMost(Names);
}

std::string addCasesTitle(const std::vector<std::string> &Labels) {
  return (Labels.size() == 1 ? "Add case " : "Add cases ") + namesAtMost(Labels);
}

std::string caseLabelInsertion(const std::string &Label, const std::string &Separator) {
  return "case " + Label + ":" + Separator;
}

} // namespace contractcheck
