#include "WarningFlags.h"

#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/DiagnosticIDs.h>
#include <clang/Basic/DiagnosticOptions.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/CompilerInvocation.h>
#include <clang/Frontend/Utils.h>
#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/VirtualFileSystem.h>

#include <algorithm>
#include <optional>

namespace contractcheck {

bool isInertWarningFlag(std::string_view Flag) {
  llvm::StringRef Name(Flag.data(), Flag.size());
  if (!Name.consume_front("-W"))
    return false;
  bool Negative = Name.consume_front("no-");
  if (Name.empty())
    return !Negative; // -W names no group: clang maps nothing
  // Handled before the groups (ProcessWarningOptions): they raise or lower whole severities.
  if (Name == "everything" || Name == "system-headers" || Name.starts_with("error") ||
      Name.starts_with("fatal-errors"))
    return false;
  if (!clang::DiagnosticIDs::getGroupForWarningOption(Name))
    return false;
  if (!Negative)
    return true;
  llvm::IntrusiveRefCntPtr<clang::DiagnosticIDs> IDs(new clang::DiagnosticIDs);
  llvm::SmallVector<clang::diag::kind, 64> Diagnostics;
  if (IDs->getDiagnosticsInGroup(clang::diag::Flavor::WarningOrError, Name, Diagnostics))
    return false;
  return std::none_of(Diagnostics.begin(), Diagnostics.end(), [](clang::diag::kind D) {
    return clang::DiagnosticIDs::isDefaultMappingAsError(D);
  });
}

const std::vector<std::string> &errorsGccAccepts() {
  static const std::vector<std::string> Flags{
      "-Wno-error=enum-constexpr-conversion", "-Wno-error=implicit-function-declaration",
      "-Wno-error=implicit-int", "-Wno-error=int-conversion",
      "-Wno-error=incompatible-function-pointer-types"};
  return Flags;
}

bool takeOutErrorsGccAccepts(std::vector<std::string> &Args) {
  const std::vector<std::string> &Ours = errorsGccAccepts();
  if (Args.size() < Ours.size() || !std::equal(Ours.begin(), Ours.end(), Args.end() - Ours.size()))
    return false;
  Args.resize(Args.size() - Ours.size());
  return true;
}

void addErrorsGccAccepts(clang::DiagnosticOptions &Opts) {
  // "-Wno-error=X" is read as the warning "no-error=X" (the -W taken off).
  for (const std::string &Flag : errorsGccAccepts())
    Opts.Warnings.push_back(Flag.substr(2));
}

std::vector<std::string> withoutWarningFlags(const std::vector<std::string> &Args) {
  const std::vector<std::string> &Ours = errorsGccAccepts();
  std::vector<std::string> Rest;
  for (const std::string &A : Args)
    if (!llvm::StringRef(A).starts_with("-W") ||
        std::find(Ours.begin(), Ours.end(), A) != Ours.end())
      Rest.push_back(A);
  return Rest;
}

namespace {

// The frontend command line the driver makes of Args in Directory, without the inert warning
// flags, or nothing when it makes none (or more than one job).
std::optional<std::vector<std::string>> frontendLine(const std::vector<std::string> &Args,
                                                     const std::string &Directory) {
  std::vector<const char *> Argv;
  for (const std::string &A : Args)
    Argv.push_back(A.c_str());
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS = llvm::vfs::createPhysicalFileSystem();
  if (FS->setCurrentWorkingDirectory(Directory))
    return std::nullopt;
  clang::IgnoringDiagConsumer Quiet;
  llvm::IntrusiveRefCntPtr<clang::DiagnosticsEngine> Diags =
      clang::CompilerInstance::createDiagnostics(new clang::DiagnosticOptions, &Quiet, false);
  std::vector<std::string> Line;
  clang::CreateInvocationOptions Options;
  Options.Diags = Diags;
  Options.VFS = FS;
  Options.ProbePrecompiled = false;
  Options.CC1Args = &Line;
  if (!clang::createInvocation(Argv, Options) || Diags->hasErrorOccurred())
    return std::nullopt;
  std::erase_if(Line, [](const std::string &A) { return isInertWarningFlag(A); });
  return Line;
}

} // namespace

bool differsOnlyInInertWarnings(const std::vector<std::string> &Args,
                                const std::string &Directory) {
  std::optional<std::vector<std::string>> With = frontendLine(Args, Directory);
  if (!With || std::find(With->begin(), With->end(), "-w") == With->end())
    return false;
  std::optional<std::vector<std::string>> Without =
      frontendLine(withoutWarningFlags(Args), Directory);
  return Without && *With == *Without;
}

void dropInertWarnings(clang::DiagnosticOptions &Opts) {
  if (!Opts.IgnoreWarnings)
    return;
  std::erase_if(Opts.Warnings, [](const std::string &Name) {
    return isInertWarningFlag("-W" + Name);
  });
}

} // namespace contractcheck
