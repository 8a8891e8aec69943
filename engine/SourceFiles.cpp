#include "SourceFiles.h"
#include "InputFile.h"

#include "GeneratedCode.h"

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

std::string_view SourceFiles::line(const std::string &Path, unsigned Line) {
  const std::string *Text = text(Path);
  if (!Text || Line == 0)
    return {};
  size_t Start = 0;
  for (unsigned L = 1; L < Line; ++L) {
    Start = Text->find('\n', Start);
    if (Start == std::string::npos)
      return {};
    ++Start;
  }
  size_t End = Text->find('\n', Start);
  std::string_view Result(*Text);
  Result = Result.substr(Start, End == std::string::npos ? std::string::npos : End - Start);
  if (!Result.empty() && Result.back() == '\r')
    Result.remove_suffix(1);
  return Result;
}

void SourceFiles::setText(const std::string &Path, std::string Text) {
  Entry &E = Files[Path];
  E.Text = std::move(Text);
  E.Suppressions.reset();
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

} // namespace contractcheck
