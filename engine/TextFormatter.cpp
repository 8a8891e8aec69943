#include "Formatters.h"
#include "Paths.h"

#include <llvm/Support/raw_ostream.h>

namespace contractcheck {

namespace {

class Printer {
public:
  Printer(llvm::raw_ostream &OS, SourceFiles &Sources, const TextStyle &Style)
      : OS(OS), Sources(Sources), Style(Style) {}

  void diagnostic(const SourcePosition &Pos, std::string_view Kind, const std::string &Message,
                  const std::string &RuleId) {
    color(llvm::raw_ostream::SAVEDCOLOR, true);
    OS << displayPath(Pos.File, Style.BaseDir) << ':' << Pos.Line << ':' << Pos.Column << ": ";
    color(Kind == "error"     ? llvm::raw_ostream::RED
          : Kind == "warning" ? llvm::raw_ostream::MAGENTA
                              : llvm::raw_ostream::BLACK,
          true);
    OS << Kind << ": ";
    color(llvm::raw_ostream::SAVEDCOLOR, true);
    OS << Message;
    if (!RuleId.empty())
      OS << " [" << RuleId << ']';
    reset();
    OS << '\n';
    snippet(Pos);
  }

private:
  // The source line and a caret under the column, tabs kept so the caret lines up.
  void snippet(const SourcePosition &Pos) {
    std::string_view Line = Sources.line(Pos.File, Pos.Line);
    if (Line.empty())
      return;
    OS << Line << '\n';
    std::string Caret;
    for (unsigned I = 0; I + 1 < Pos.Column && I < Line.size(); ++I)
      Caret += Line[I] == '\t' ? '\t' : ' ';
    OS << Caret;
    color(llvm::raw_ostream::GREEN, true);
    OS << '^';
    reset();
    OS << '\n';
  }

  void color(llvm::raw_ostream::Colors C, bool Bold) {
    if (Style.Color)
      OS.changeColor(C, Bold);
  }
  void reset() {
    if (Style.Color)
      OS.resetColor();
  }

  llvm::raw_ostream &OS;
  SourceFiles &Sources;
  const TextStyle &Style;
};

} // namespace

void writeText(llvm::raw_ostream &OS, const RunReport &Report, SourceFiles &Sources,
               const TextStyle &Style) {
  // A string stream has colours off until told; the caller decided where colour belongs.
  if (Style.Color)
    OS.enable_colors(true);
  Printer P(OS, Sources, Style);
  for (const Finding &F : Report.Findings) {
    P.diagnostic(F.Position, severityName(F.Level), F.Message, F.RuleId);
    for (const RelatedNote &Note : F.Notes)
      P.diagnostic(Note.Position, "note", Note.Message, {});
  }
  for (const RuleProblem &Problem : Report.Problems)
    OS << Problem.text(Style.BaseDir) << '\n';
  for (const TUOutcome &Failure : Report.Failures) {
    OS << displayPath(Failure.File, Style.BaseDir) << ": error: not analysed ("
       << statusName(Failure.State) << ")\n";
    // Clang names the file as the compile command does (CMake: absolute); shown as the line
    // above names it, relative to the working directory when under it.
    for (const std::string &Error : Failure.Errors)
      OS << "  " << displayPath(Error, Style.BaseDir) << '\n';
  }
  OS.flush();
}

} // namespace contractcheck
