#include "OutputGuard.h"

#include "FileIdentity.h"
#include "InputError.h"
#include "Paths.h"

namespace contractcheck {

namespace {

bool samePath(const std::string &A, const std::string &B) {
  return absolutePath(A) == absolutePath(B) || sameFile(A, B);
}

[[noreturn]] void refuse(const std::string &Option, const std::string &Output,
                         const std::string &Input, const std::string &What) {
  std::string Same = absolutePath(Output) == absolutePath(Input) ? "" : " ('" + Input + "')";
  throw InputError(Option + " '" + Output + "' names " + What + Same +
                   "; refusing to overwrite an input of the analysis");
}

} // namespace

void OutputGuard::addInput(const std::string &Path, const std::string &What,
                           const std::string &WrittenBy) {
  Inputs.push_back({Path, What, WrittenBy});
}

void OutputGuard::addOutput(const std::string &Path, const std::string &Option) {
  Outputs.push_back({Path, Option, {}});
}

void OutputGuard::checkBeforeAnalysis() const {
  for (size_t I = 0; I < Outputs.size(); ++I) {
    for (const Entry &Input : Inputs)
      if (Input.WrittenBy != Outputs[I].What && samePath(Outputs[I].Path, Input.Path))
        refuse(Outputs[I].What, Outputs[I].Path, Input.Path, Input.What);
    for (size_t J = I + 1; J < Outputs.size(); ++J)
      if (samePath(Outputs[I].Path, Outputs[J].Path))
        throw InputError(Outputs[I].What + " and " + Outputs[J].What + " name the same file '" +
                         Outputs[I].Path + "'");
  }
}

void OutputGuard::checkAgainstRead(const ReadFiles &Read) const {
  for (const Entry &Output : Outputs) {
    std::optional<FileId> ID = fileIdentity(Output.Path);
    // A file that does not exist was read by nothing.
    if (ID && Read.contains(*ID))
      refuse(Output.What, Output.Path, Output.Path, "a file the analysed translation units read");
  }
}

void OutputGuard::checkAgainstFiles(const std::set<std::string> &Files,
                                    const std::string &What) const {
  for (const Entry &Output : Outputs)
    for (const std::string &File : Files)
      if (samePath(Output.Path, File))
        refuse(Output.What, Output.Path, File, What);
}

} // namespace contractcheck
