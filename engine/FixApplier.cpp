#include "FixApplier.h"
#include "InputFile.h"

#include "AtomicFile.h"
#include "ContentHash.h"

#include <llvm/Support/MemoryBuffer.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace contractcheck {

namespace {

struct FileToFix {
  std::optional<std::string> Text; // nullopt: not to be touched
  std::vector<FixIt> Fixes;        // distinct
};

std::string lineColumn(const std::string &Text, size_t Offset) {
  size_t Line = 1, LineStart = 0;
  for (size_t I = 0; I < Offset && I < Text.size(); ++I)
    if (Text[I] == '\n') {
      ++Line;
      LineStart = I + 1;
    }
  return std::to_string(Line) + ":" + std::to_string(Offset - LineStart + 1);
}

bool usesCrlf(const std::string &Text) {
  size_t Newline = Text.find('\n');
  return Newline != std::string::npos && Newline > 0 && Text[Newline - 1] == '\r';
}

// Inserted lines end as the file's lines do.
std::string withLineEndings(const std::string &Replacement, bool Crlf) {
  if (!Crlf)
    return Replacement;
  std::string Result;
  for (size_t I = 0; I < Replacement.size(); ++I) {
    if (Replacement[I] == '\n' && (I == 0 || Replacement[I - 1] != '\r'))
      Result += '\r';
    Result += Replacement[I];
  }
  return Result;
}

// Two different fix-its conflict when their ranges overlap or they start at the same offset
// (two insertions there, or an insertion before a replacement: no order is right).
bool conflict(const FixIt &A, const FixIt &B) {
  if (A.Offset == B.Offset)
    return true;
  return A.Offset < B.Offset + B.Length && B.Offset < A.Offset + A.Length;
}

// Each file's distinct fix-its, from every finding.
std::map<std::string, FileToFix> fixesByFile(const std::vector<Finding> &Findings) {
  std::map<std::string, FileToFix> Files;
  for (const Finding &F : Findings)
    for (const FixIt &Fix : F.Fixes) {
      std::vector<FixIt> &Fixes = Files[Fix.File].Fixes;
      if (std::find(Fixes.begin(), Fixes.end(), Fix) == Fixes.end())
        Fixes.push_back(Fix);
    }
  return Files;
}

// Only a file that is byte for byte what the analysis parsed may be edited at those offsets:
// sets the Text of each such file.
void readUnchangedFiles(std::map<std::string, FileToFix> &Files, const ReadFiles &Read,
                        FixSummary &Summary) {
  for (auto &[Path, File] : Files) {
    std::string Problem;
    std::optional<std::string> Current = readInputFile(Path, InputKind::Source, Problem);
    if (!Current) {
      Summary.Problems.push_back(Path + ": cannot read the file to fix it (" + Problem +
                                 "); not fixed");
      continue;
    }
    std::string Text = std::move(*Current);
    std::optional<std::string> Seen = Read.hashOf(Path);
    if (!Seen) {
      Summary.Problems.push_back(Path + ": was not read by the analysis; not fixed");
      continue;
    }
    if (*Seen != contentHash(Text)) {
      Summary.Problems.push_back(Path + ": changed since it was analysed; not fixed (run again)");
      continue;
    }
    File.Text = std::move(Text);
  }
}

// Fix-its that cannot be applied as they are: out of range, or in conflict with another.
std::vector<FixIt> rejectedFixes(const std::map<std::string, FileToFix> &Files,
                                 FixSummary &Summary) {
  std::vector<FixIt> Rejected;
  for (const auto &[Path, File] : Files) {
    if (!File.Text)
      continue;
    std::set<size_t> ReportedAt;
    for (size_t I = 0; I < File.Fixes.size(); ++I) {
      const FixIt &A = File.Fixes[I];
      if (size_t(A.Offset) + A.Length > File.Text->size()) {
        Rejected.push_back(A);
        Summary.Problems.push_back(Path + ": a fix past the end of the file; not applied");
        continue;
      }
      for (size_t J = 0; J < File.Fixes.size(); ++J) {
        if (I == J || !conflict(A, File.Fixes[J]))
          continue;
        Rejected.push_back(A);
        size_t At = std::min(A.Offset, File.Fixes[J].Offset);
        if (ReportedAt.insert(At).second)
          Summary.Problems.push_back(Path + ":" + lineColumn(*File.Text, At) +
                                     ": conflicting fixes at the same place (the file was "
                                     "analysed in different configurations); none applied there");
        break;
      }
    }
  }
  return Rejected;
}

// All of a finding's fix-its or none: half a fix is worse than no fix.
std::map<std::string, std::vector<FixIt>>
acceptedFixes(const std::vector<Finding> &Findings, const std::map<std::string, FileToFix> &Files,
              const std::vector<FixIt> &Rejected) {
  std::map<std::string, std::vector<FixIt>> Accepted;
  for (const Finding &F : Findings) {
    bool Whole = std::all_of(F.Fixes.begin(), F.Fixes.end(), [&](const FixIt &Fix) {
      return Files.at(Fix.File).Text &&
             std::find(Rejected.begin(), Rejected.end(), Fix) == Rejected.end();
    });
    if (!Whole)
      continue;
    for (const FixIt &Fix : F.Fixes) {
      std::vector<FixIt> &Fixes = Accepted[Fix.File];
      if (std::find(Fixes.begin(), Fixes.end(), Fix) == Fixes.end())
        Fixes.push_back(Fix);
    }
  }
  return Accepted;
}

// Text with Fixes applied, inserted lines ending as the file's do.
std::string withFixes(const std::string &Text, std::vector<FixIt> Fixes) {
  bool Crlf = usesCrlf(Text);
  // Back to front so earlier offsets stay valid; no two start at the same offset.
  std::sort(Fixes.begin(), Fixes.end(),
            [](const FixIt &A, const FixIt &B) { return A.Offset > B.Offset; });
  std::string Result = Text;
  for (const FixIt &Fix : Fixes)
    Result.replace(Fix.Offset, Fix.Length, withLineEndings(Fix.Replacement, Crlf));
  return Result;
}

} // namespace

FixSummary applyFixes(const std::vector<Finding> &Findings, const ReadFiles &Read) {
  FixSummary Summary;
  std::map<std::string, FileToFix> Files = fixesByFile(Findings);
  readUnchangedFiles(Files, Read, Summary);
  std::vector<FixIt> Rejected = rejectedFixes(Files, Summary);
  for (const auto &[Path, Fixes] : acceptedFixes(Findings, Files, Rejected)) {
    std::string Result = withFixes(*Files.at(Path).Text, Fixes);
    if (std::string Error = writeFileAtomically(Path, Result); !Error.empty()) {
      Summary.Errors.push_back(Path + ": cannot write the fixed file: " + Error +
                               "; the file is unchanged");
      continue;
    }
    Summary.Applied += Fixes.size();
    ++Summary.FilesChanged;
  }
  return Summary;
}

} // namespace contractcheck
