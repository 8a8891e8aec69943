#include "DataFiles.h"
#include "InputFile.h"

#include <llvm/Support/MemoryBuffer.h>

namespace contractcheck {

const DataFileText &DataFiles::read(const std::string &AbsolutePath) {
  std::lock_guard<std::mutex> Lock(Mutex);
  std::unique_ptr<DataFileText> &Entry = Texts[AbsolutePath];
  if (!Entry) {
    Entry = std::make_unique<DataFileText>();
    Entry->Path = AbsolutePath;
    std::string Problem;
    if (std::optional<std::string> Text =
            readInputFile(AbsolutePath, InputKind::DataFile, Problem))
      Entry->Text = std::move(*Text);
    else
      Entry->Error = "'" + AbsolutePath + "' " + Problem;
  }
  return *Entry;
}

std::shared_ptr<const void>
DataFiles::parsed(const std::string &AbsolutePath, std::type_index Type,
                  const std::function<std::shared_ptr<const void>(const DataFileText &)> &Parse) {
  const DataFileText &File = read(AbsolutePath);
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    auto It = ParsedForms.find({AbsolutePath, Type});
    if (It != ParsedForms.end()) {
      if (const std::optional<InputProblem> &Problem = It->second.Problem)
        throw InputProblem(*Problem);
      return It->second.Value;
    }
  }
  // Parsed outside the lock: two threads may both parse a file the first time; one result wins.
  Parsed Result;
  try {
    Result.Value = Parse(File);
  } catch (const InputProblem &Problem) {
    Result.Problem = Problem;
  }
  std::lock_guard<std::mutex> Lock(Mutex);
  auto [It, Inserted] = ParsedForms.emplace(std::make_pair(AbsolutePath, Type), std::move(Result));
  if (const std::optional<InputProblem> &Problem = It->second.Problem)
    throw InputProblem(*Problem);
  return It->second.Value;
}

std::set<std::string> DataFiles::readPaths() const {
  std::lock_guard<std::mutex> Lock(Mutex);
  std::set<std::string> Paths;
  for (const auto &[Path, Text] : Texts)
    Paths.insert(Path);
  return Paths;
}

} // namespace contractcheck
