#include "CommandMangler.h"

#include <clang/Basic/Sanitizers.h>
#include <clang/Driver/Options.h>
#include <clang/Driver/ToolChain.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Option/ArgList.h>
#include <llvm/Option/OptTable.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/StringSaver.h>

#include <map>

namespace contractcheck {

namespace {

using namespace clang::driver;

// clang-cl reads its own spelling of the options; every other mode reads clang's.
unsigned visibilityOf(const std::vector<std::string> &Arguments) {
  llvm::StringRef Mode;
  if (const char *FromName = ToolChain::getTargetAndModeFromProgramName(Arguments[0]).DriverMode)
    Mode = FromName;
  for (const std::string &Arg : Arguments)
    if (llvm::StringRef(Arg).starts_with("--driver-mode="))
      Mode = Arg;
  return Mode == "--driver-mode=cl" ? options::CLOption : options::ClangOption;
}

// A gcc plugin is a gcc shared object: clang cannot load it, and it does not change the language.
bool isPlugin(llvm::StringRef Arg) {
  return Arg.starts_with("-fplugin=") || Arg.starts_with("-fplugin-arg-") ||
         Arg.starts_with("-fpass-plugin=");
}

// gcc's -fdiagnostics-format=json and friends: how diagnostics look is ours to decide.
bool isDiagnosticFormat(llvm::StringRef Arg) { return Arg.starts_with("-fdiagnostics-format"); }

// -fsanitize=address,bounds-strict: clang rejects the whole flag for a name it does not have
// (gcc's bounds-strict), while the names it has decide __has_feature(address_sanitizer).
// Splits such a flag into the one clang is given ("" when no name is left) and the one dropped.
std::pair<std::string, std::string> splitSanitizers(llvm::StringRef Arg) {
  for (llvm::StringRef Flag : {"-fsanitize=", "-fno-sanitize=", "-fsanitize-recover=",
                               "-fno-sanitize-recover=", "-fsanitize-trap=", "-fno-sanitize-trap="}) {
    if (!Arg.starts_with(Flag))
      continue;
    llvm::SmallVector<llvm::StringRef, 4> Names;
    Arg.drop_front(Flag.size()).split(Names, ',', -1, /*KeepEmpty=*/false);
    std::string Kept, Dropped;
    for (llvm::StringRef Name : Names) {
      std::string &To = clang::parseSanitizerValue(Name, /*AllowGroups=*/true) ? Kept : Dropped;
      To += (To.empty() ? "" : ",") + Name.str();
    }
    return {Kept.empty() ? "" : Flag.str() + Kept, Dropped.empty() ? "" : Flag.str() + Dropped};
  }
  return {Arg.str(), ""};
}

} // namespace

MangledCommand mangleCommand(const std::vector<std::string> &Arguments) {
  MangledCommand Result;
  if (Arguments.empty())
    return Result;
  std::vector<const char *> Rest;
  for (size_t I = 1; I < Arguments.size(); ++I)
    Rest.push_back(Arguments[I].c_str());
  // The driver's own option table: what it parses as OPT_UNKNOWN it would reject with "unknown
  // argument". An option that takes a value consumes it here as it does there, so a value that
  // looks like a flag (-Xclang -ast-dump, -include -x.h) is never judged on its own.
  unsigned MissingIndex = 0, MissingCount = 0;
  llvm::opt::InputArgList Parsed = getDriverOptTable().ParseArgs(
      Rest, MissingIndex, MissingCount, llvm::opt::Visibility(visibilityOf(Arguments)));
  std::vector<bool> Unknown(Rest.size(), false);
  for (const llvm::opt::Arg *A : Parsed.filtered(options::OPT_UNKNOWN))
    Unknown[A->getIndex()] = true;
  // A token no argument starts at is a separate value of the option before it.
  std::vector<bool> IsValue(Rest.size(), true);
  for (const llvm::opt::Arg *A : Parsed)
    if (A->getIndex() < Rest.size())
      IsValue[A->getIndex()] = false;

  // The tokens of each precompiled header's loading, and the headers the command includes.
  std::vector<bool> LoadsPch(Rest.size(), false);
  std::vector<std::pair<size_t, std::string>> PchAt; // where the load was, what it loaded
  std::vector<std::string> Included;
  // Where the driver's own -include is (its tokens: the option, and its value when separate),
  // and what it includes.
  std::vector<bool> DriverInclude(Rest.size(), false);
  std::map<size_t, std::string> DriverIncludeAt;
  const llvm::opt::Arg *Previous = nullptr;
  for (const llvm::opt::Arg *A : Parsed) {
    unsigned At = A->getIndex();
    if (A->getOption().matches(options::OPT_include_pch) && At + 1 < Rest.size()) {
      LoadsPch[At] = LoadsPch[At + 1] = true;
      PchAt.emplace_back(At, A->getValue());
    } else if (A->getOption().matches(options::OPT_include)) {
      Included.push_back(A->getValue());
      DriverIncludeAt[At] = A->getValue();
      DriverInclude[At] = true;
      if (Rest[At] == A->getSpelling() && At + 1 < Rest.size())
        DriverInclude[At + 1] = true;
    } else if (A->getOption().matches(options::OPT_Xclang) && Previous &&
               Previous->getOption().matches(options::OPT_Xclang) &&
               Previous->getIndex() + 2 == At) {
      llvm::StringRef Flag = Previous->getValue();
      if (Flag == "-include-pch") {
        LoadsPch[At - 2] = LoadsPch[At - 1] = LoadsPch[At] = LoadsPch[At + 1] = true;
        PchAt.emplace_back(At - 2, A->getValue());
      } else if (Flag == "-include") {
        Included.push_back(A->getValue());
      }
    }
    Previous = A;
  }
  // The header a precompiled one without its header was made from, where the load was.
  std::map<size_t, std::string> IncludeInstead;
  for (const auto &[At, Pch] : PchAt) {
    Result.PrecompiledHeaders.push_back(Pch);
    llvm::StringRef Header = Pch;
    if (Header.consume_back(".pch") || Header.consume_back(".gch"))
      if (llvm::find(Included, Header) == Included.end())
        IncludeInstead[At] = Header.str();
  }

  // Given -include X, clang's driver loads X.pch (or X.gch) instead when there is one beside X:
  // the build's precompiled header again, as its compiler made it. The front end is given
  // -include X directly, which includes the header as text wherever a .pch lies.
  auto IncludeAsText = [&](const std::string &Header) {
    Result.Arguments.insert(Result.Arguments.end(), {"-Xclang", "-include", "-Xclang", Header});
  };
  Result.Arguments.push_back(Arguments[0]);
  for (size_t I = 0; I < Rest.size(); ++I) {
    llvm::StringRef Arg = Rest[I];
    if (auto Instead = IncludeInstead.find(I); Instead != IncludeInstead.end())
      IncludeAsText(Instead->second);
    if (LoadsPch[I])
      continue;
    if (auto Include = DriverIncludeAt.find(I); Include != DriverIncludeAt.end())
      IncludeAsText(Include->second);
    if (DriverInclude[I])
      continue;
    if (IsValue[I]) {
      Result.Arguments.push_back(Arg.str());
      continue;
    }
    if (Unknown[I] || isPlugin(Arg) || isDiagnosticFormat(Arg)) {
      Result.Dropped.push_back(Arg.str());
      continue;
    }
    auto [Kept, Dropped] = splitSanitizers(Arg);
    if (!Dropped.empty())
      Result.Dropped.push_back(std::move(Dropped));
    if (!Kept.empty())
      Result.Arguments.push_back(std::move(Kept));
  }
  return Result;
}

std::vector<std::string> splitCommand(const std::string &Command) {
  llvm::BumpPtrAllocator Allocator;
  llvm::StringSaver Saver(Allocator);
  llvm::SmallVector<const char *, 64> Tokens;
  llvm::cl::TokenizeGNUCommandLine(Command, Saver, Tokens);
  return std::vector<std::string>(Tokens.begin(), Tokens.end());
}

} // namespace contractcheck
