#include "Baseline.h"

#include "Paths.h"
#include "InputError.h"

#include <llvm/Support/Path.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace contractcheck {

namespace {

std::string trimmed(std::string_view Text) {
  size_t First = Text.find_first_not_of(" \t");
  if (First == std::string_view::npos)
    return {};
  size_t Last = Text.find_last_not_of(" \t\r");
  return std::string(Text.substr(First, Last - First + 1));
}

} // namespace

Baseline::Key Baseline::keyOf(const Finding &F, const std::string &Dir, SourceFiles &Sources) {
  return {F.RuleId, std::string(relativeUnder(F.Position.File, Dir).value_or(F.Position.File)), F.Message,
          trimmed(Sources.line(F.Position.File, F.Position.Line))};
}

Baseline Baseline::load(const std::string &Path) {
  std::ifstream In(Path, std::ios::binary);
  if (!In)
    throw InputError("cannot read the baseline file", Path);
  std::ostringstream Buffer;
  Buffer << In.rdbuf();
  std::string Text = Buffer.str();
  nlohmann::json Root;
  try {
    Root = nlohmann::json::parse(Text);
  } catch (const nlohmann::json::parse_error &E) {
    throw InputError::fromJsonParseError(E, E.byte, Path, Text);
  }
  if (!Root.is_object() || Root.value("version", 0) != 1 || !Root.contains("findings") ||
      !Root["findings"].is_array())
    throw InputError("not a contractcheck baseline: expected {\"version\": 1, \"findings\": [...]} "
                     "as written by --write-baseline", Path);
  Baseline B;
  B.Dir = parentDirectory(Path);
  size_t Index = 0;
  for (const nlohmann::json &Entry : Root["findings"]) {
    ++Index;
    if (!Entry.is_object() || !Entry.contains("rule") || !Entry.contains("file") ||
        !Entry.contains("message") || !Entry.contains("line_text"))
      throw InputError("baseline entry " + std::to_string(Index) +
                       " needs 'rule', 'file', 'message' and 'line_text'", Path);
    ++B.Counts[{Entry["rule"].get<std::string>(), Entry["file"].get<std::string>(),
                Entry["message"].get<std::string>(), Entry["line_text"].get<std::string>()}];
  }
  return B;
}

void Baseline::write(const std::string &Path, const std::vector<Finding> &Findings,
                     SourceFiles &Sources) {
  std::string Dir = parentDirectory(Path);
  nlohmann::json Entries = nlohmann::json::array();
  for (const Finding &F : Findings) {
    auto [Rule, File, Message, LineText] = keyOf(F, Dir, Sources);
    Entries.push_back({{"rule", Rule}, {"file", File}, {"message", Message}, {"line_text", LineText}});
  }
  std::ofstream Out(Path, std::ios::binary | std::ios::trunc);
  Out << nlohmann::json({{"version", 1}, {"findings", Entries}}).dump(2) << "\n";
  if (!Out)
    throw InputError("cannot write the baseline file", Path);
}

size_t Baseline::filter(std::vector<Finding> &Findings, SourceFiles &Sources) const {
  std::map<Key, size_t> Remaining = Counts;
  size_t Removed = 0;
  std::vector<Finding> Kept;
  for (Finding &F : Findings) {
    auto It = Remaining.find(keyOf(F, Dir, Sources));
    if (It != Remaining.end() && It->second > 0) {
      --It->second;
      ++Removed;
    } else {
      Kept.push_back(std::move(F));
    }
  }
  Findings = std::move(Kept);
  return Removed;
}

} // namespace contractcheck
