#include "SourceFiles.h"
#include "InputFile.h"

#include "GeneratedCode.h"
#include "VendoredCode.h"

#include <fstream>
#include <sstream>

namespace contractcheck {

SourceFiles::Entry &SourceFiles::entry(const std::string &Path) {
  auto [It, Inserted] = Files.try_emplace(Path);
  if (Inserted) {
    std::string Problem;
    It->second.Text = readInputFile(Path, InputKind::Source, Problem);
  }
  return It->second;
}

const std::string *SourceFiles::text(const std::string &Path) {
  Entry &E = entry(Path);
  return E.Text ? &*E.Text : nullptr;
}

std::optional<size_t> SourceFiles::lineStart(const std::string &Path, unsigned Line) {
  Entry &E = entry(Path);
  if (!E.Text || Line == 0)
    return std::nullopt;
  if (E.LineStarts.empty()) {
    E.LineStarts.push_back(0);
    for (size_t At = E.Text->find('\n'); At != std::string::npos; At = E.Text->find('\n', At + 1))
      E.LineStarts.push_back(At + 1);
  }
  if (Line > E.LineStarts.size())
    return std::nullopt;
  return E.LineStarts[Line - 1];
}

std::string_view SourceFiles::line(const std::string &Path, unsigned Line) {
  std::optional<size_t> Start = lineStart(Path, Line);
  if (!Start)
    return {};
  std::string_view Result(*text(Path));
  size_t End = Result.find('\n', *Start);
  Result = Result.substr(*Start, End == std::string::npos ? std::string::npos : End - *Start);
  if (!Result.empty() && Result.back() == '\r')
    Result.remove_suffix(1);
  return Result;
}

void SourceFiles::setText(const std::string &Path, std::string Text) {
  Entry &E = Files[Path];
  E.Text = std::move(Text);
  E.Suppressions.reset();
  E.LineStarts.clear();
}

const SuppressionIndex &SourceFiles::suppressions(const std::string &Path) {
  Entry &E = entry(Path);
  if (!E.Suppressions)
    E.Suppressions = std::make_unique<SuppressionIndex>(E.Text ? std::string_view(*E.Text) : "");
  return *E.Suppressions;
}

std::string_view SourceFiles::generator(const std::string &Path) {
  const std::string *Text = text(Path);
  return Text ? generatorOf(*Text) : std::string_view();
}

std::string_view SourceFiles::vendoredLibrary(const std::string &Path) {
  const std::string *Text = text(Path);
  return Text ? vendoredLibraryOf(*Text) : std::string_view();
}

} // namespace contractcheck
