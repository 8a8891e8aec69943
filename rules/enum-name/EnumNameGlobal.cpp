#include "rules/enum-name/EnumNameGlobal.h"

#include "rules/enum-name/EnumNameFacts.h"
#include "rules/enum-name/EnumNameMessages.h"
#include "RuleOptions.h"

#include <map>
#include <set>

namespace contractcheck {

EnumNameGlobalRule::EnumNameGlobalRule(const RuleOptions &Options)
    : Infer(Options.getBool("infer")), Data(Options.getRecords<DataFileBinding>("data")) {}

void EnumNameGlobalRule::run(GlobalContext &Context) {
  judgeDataFiles(Context, Data);
  if (!Infer)
    return;
  const RuleFacts Facts = Context.facts();
  // One definition per function in a valid program; should two TUs disagree (an ODR violation
  // or a macro-dependent body), the function is not judged.
  std::map<std::string, StringParserFact> Parsers;
  std::set<std::string> Ambiguous;
  for (StringParserFact &P : Facts.all<StringParserFact>()) {
    auto [It, Inserted] = Parsers.try_emplace(P.Usr, P);
    if (!Inserted && (It->second.Accepts != P.Accepts || It->second.Fallback != P.Fallback ||
                      !(It->second.Where == P.Where)))
      Ambiguous.insert(P.Usr);
  }
  for (const LiteralCallFact &C : Facts.all<LiteralCallFact>()) {
    auto It = Parsers.find(C.Callee);
    if (It == Parsers.end() || Ambiguous.count(C.Callee))
      continue;
    const StringParserFact &P = It->second;
    if (acceptsName(P.Accepts, C.Literal, P.CaseInsensitive) ||
        expectsFallback(C.ExpectedValue, P.Fallback))
      continue;
    Finding Found;
    Found.Position = C.Where;
    Found.Message = notAcceptedMessage(C.Literal, P.Name,
                                       suggestName(P.Accepts, C.Literal, P.CaseInsensitive));
    Found.Notes.push_back({P.Where, acceptedNamesNote(P.Name, P.Accepts, P.CaseInsensitive)});
    Context.report(std::move(Found));
  }
}

} // namespace contractcheck
