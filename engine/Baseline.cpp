#include "Baseline.h"

#include "AtomicFile.h"
#include "InputError.h"
#include "InputFile.h"
#include "JsonText.h"
#include "JsonPositions.h"
#include "Paths.h"
#include "Utf8.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <nlohmann/json.hpp>

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

// Keys are valid UTF-8 on both sides: the file stores them so (a Latin-1 source line or file name
// cannot be written as JSON otherwise), and a finding is compared in the same form.
Baseline::Key Baseline::keyOf(const Finding &F, const std::string &Dir, SourceFiles &Sources) {
  return {F.RuleId, validUtf8(relativeUnder(F.Position.File, Dir).value_or(F.Position.File)),
          validUtf8(F.Message), validUtf8(trimmed(Sources.line(F.Position.File, F.Position.Line)))};
}

Baseline Baseline::load(const std::string &Path) {
  ReadProblem Problem;
  std::optional<std::string> Read = readInputFile(Path, InputKind::Baseline, Problem);
  if (!Read)
    throw InputError(Problem.Message, Path, Problem.Line, Problem.Column);
  std::string Text = std::move(*Read);
  nlohmann::json Root;
  try {
    Root = nlohmann::json::parse(Text);
  } catch (const nlohmann::json::parse_error &E) {
    throw InputError::fromJsonParseError(E, E.byte, Path, Text);
  } catch (const nlohmann::json::exception &E) {
    // Not a syntax error but a value nlohmann cannot hold, e.g. a number too large for a double
    // (found by the fuzzer); it has no position.
    throw InputError::fromJsonError(E, Path);
  }
  auto FailAt = [&](const std::vector<JsonStep> &Where, const std::string &Message) {
    DataPosition At = jsonValuePosition(Text, Where);
    throw InputError(Message, Path, At.Line, At.Column);
  };
  const char *Shape = "; expected {\"version\": 1, \"findings\": [...]} as written by --write-baseline";
  if (!Root.is_object())
    FailAt({}, std::string("not a contractcheck baseline") + Shape);
  if (!Root.contains("version"))
    FailAt({}, std::string("not a contractcheck baseline: no 'version'") + Shape);
  const nlohmann::json &Version = Root["version"];
  if (!Version.is_number_integer() || Version.get<long long>() != 1)
    FailAt({"version"}, "unsupported baseline version " + Version.dump() +
                            "; this contractcheck reads version 1 (a number)");
  if (!Root.contains("findings") || !Root["findings"].is_array())
    FailAt(Root.contains("findings") ? std::vector<JsonStep>{"findings"} : std::vector<JsonStep>{},
           std::string("not a contractcheck baseline: 'findings' must be a list") + Shape);
  Baseline B;
  B.Dir = parentDirectory(Path);
  const nlohmann::json &Findings = Root["findings"];
  for (size_t I = 0; I < Findings.size(); ++I) {
    const nlohmann::json &Entry = Findings[I];
    std::string Which = "baseline entry " + std::to_string(I + 1);
    if (!Entry.is_object())
      FailAt({"findings", I}, Which + " must be an object with 'rule', 'file', 'message' and 'line_text'");
    std::string Fields[4];
    const char *Names[4] = {"rule", "file", "message", "line_text"};
    for (size_t K = 0; K < 4; ++K) {
      if (!Entry.contains(Names[K]))
        FailAt({"findings", I}, Which + " needs 'rule', 'file', 'message' and 'line_text'");
      const nlohmann::json &Value = Entry[Names[K]];
      if (!Value.is_string())
        FailAt({"findings", I, Names[K]},
               Which + ": '" + Names[K] + "' must be a string, got " + std::string(Value.type_name()));
      Fields[K] = Value.get<std::string>();
    }
    ++B.Counts[{Fields[0], Fields[1], Fields[2], Fields[3]}];
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
  std::string Text = jsonText({{"version", 1}, {"findings", Entries}}, 2) + "\n";
  if (std::string Error = writeFileAtomically(Path, Text); !Error.empty())
    throw InputError("cannot write the baseline file: " + Error, Path);
}

size_t Baseline::size() const {
  size_t Entries = 0;
  for (const auto &[_, Count] : Counts)
    Entries += Count;
  return Entries;
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
