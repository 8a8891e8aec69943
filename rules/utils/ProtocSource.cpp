#include "rules/utils/ProtocSource.h"

#include "GeneratedCode.h"
#include "rules/schema-sync/ProtoEnumParser.h"
#include "rules/utils/Sentinels.h"

#include <clang/AST/Decl.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/HeaderSearch.h>

#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/xxhash.h>

#include <map>
#include <memory>
#include <mutex>
#include <set>

namespace contractcheck {

namespace {

// The path protoc was given, from its banner's `// source: proto/common.proto` (relative to
// the -I it was run with); nullopt for a file protoc did not write.
std::optional<std::string> protocSourceOf(llvm::StringRef Text) {
  if (generatorOf(std::string_view(Text.data(), Text.size())) != "protoc")
    return std::nullopt;
  llvm::StringRef Head = Text.take_front(GeneratedBannerWindow);
  size_t At = Head.find("// source: ");
  if (At == llvm::StringRef::npos)
    return std::nullopt;
  llvm::StringRef Path = Head.substr(At + 11).split('\n').first.trim();
  if (!Path.ends_with(".proto"))
    return std::nullopt;
  return Path.str();
}

// The one file Source names under Roots, by real path; nullopt when none or two differ. protoc
// writes `source:` relative to the -I it was given: the repository's top (Tink's
// `proto/common.proto`), an include directory of the build, or the .proto's own directory
// (Cockatrice's `session_event.proto`, from CMake's protobuf_generate), whose output directory
// then mirrors it in the build tree. So the header's path below any root (an include directory
// that finds it: `libcockatrice/protocol/pb/session_event.pb.h`) is looked for as a .proto
// under every root too, when it ends with Source; and beside the header (protoc's output written
// into the source tree).
std::optional<std::string> findProto(llvm::StringRef Source, llvm::StringRef Header,
                                     const std::vector<std::string> &Roots) {
  std::vector<std::string> Candidates;
  if (llvm::sys::path::is_absolute(Source)) {
    Candidates.push_back(Source.str());
  } else {
    std::vector<std::string> RealRoots;
    for (const std::string &Root : Roots) {
      llvm::SmallString<256> Real;
      if (!llvm::sys::fs::real_path(Root, Real))
        RealRoots.push_back(std::string(Real));
    }
    std::vector<std::string> Relative{Source.str()};
    const std::string Generated = ".pb.h";
    for (const std::string &Root : RealRoots) {
      llvm::StringRef Below = Header;
      if (!Below.consume_front(Root + "/") || !Below.consume_back(Generated))
        continue;
      std::string Proto = Below.str() + ".proto";
      if (Proto == Source || llvm::StringRef(Proto).ends_with("/" + Source.str()))
        Relative.push_back(std::move(Proto));
    }
    for (const std::string &Root : RealRoots)
      for (const std::string &Path : Relative)
        Candidates.push_back(Root + "/" + Path);
    llvm::StringRef Directory = llvm::sys::path::parent_path(Header);
    Candidates.push_back(Directory.str() + "/" + llvm::sys::path::filename(Source).str());
  }
  std::set<std::string> Found;
  for (const std::string &Candidate : Candidates) {
    llvm::SmallString<256> Real;
    if (llvm::sys::fs::is_regular_file(Candidate) && !llvm::sys::fs::real_path(Candidate, Real))
      Found.insert(std::string(Real));
  }
  if (Found.size() != 1)
    return std::nullopt;
  return *Found.begin();
}

struct ParsedProto {
  std::string Contents;
  std::optional<ProtoFile> File;
};

// Each .proto read and parsed once per process (by path and text: a run sees one tree).
std::shared_ptr<const ParsedProto> parsedProto(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return nullptr;
  llvm::StringRef Text = (*Buffer)->getBuffer();
  static std::mutex Lock;
  static std::map<std::pair<std::string, uint64_t>, std::shared_ptr<const ParsedProto>> Parsed;
  std::pair<std::string, uint64_t> Key{Path, llvm::xxh3_64bits(Text)};
  {
    std::lock_guard<std::mutex> Guard(Lock);
    if (auto It = Parsed.find(Key); It != Parsed.end())
      return It->second;
  }
  auto Result = std::make_shared<ParsedProto>();
  Result->Contents = Text.str();
  DataError Error;
  Result->File = parseProtoFile(Result->Contents, Error);
  std::lock_guard<std::mutex> Guard(Lock);
  return Parsed.emplace(Key, std::move(Result)).first->second;
}

// protoc's C++ name of a .proto enum: its nested name with `_` for `.` (`Outer.Inner` is
// `Outer_Inner`), in the namespace its package names.
std::string qualifiedCppName(const ProtoFile &File, const ProtoEnum &Enum) {
  std::string Name;
  for (char C : File.Package)
    Name += C == '.' ? std::string("::") : std::string(1, C);
  if (!Name.empty())
    Name += "::";
  for (char C : Enum.Name)
    Name += C == '.' ? '_' : C;
  return Name;
}

} // namespace

std::vector<std::string> protoRoots(const clang::HeaderSearch *Headers,
                                    const std::vector<std::string> &Tops) {
  std::vector<std::string> Roots = Tops;
  if (Headers)
    for (const clang::DirectoryLookup &Dir : Headers->search_dir_range())
      if (clang::OptionalDirectoryEntryRef Ref = Dir.getDirRef())
        Roots.push_back(Ref->getName().str());
  return Roots;
}

std::optional<ProtoDeclaration> protoDeclaration(const clang::SourceManager &SM,
                                                 const clang::EnumConstantDecl &Enumerator,
                                                 const std::vector<std::string> &Roots) {
  const auto *Enum = llvm::dyn_cast<clang::EnumDecl>(Enumerator.getDeclContext());
  if (!Enum)
    return std::nullopt;
  clang::SourceLocation Loc = SM.getExpansionLoc(Enumerator.getLocation());
  clang::FileID Header = SM.getFileID(Loc);
  clang::OptionalFileEntryRef Entry = SM.getFileEntryRefForID(Header);
  bool Invalid = false;
  llvm::StringRef Text = SM.getBufferData(Header, &Invalid);
  if (!Entry || Invalid)
    return std::nullopt;
  std::optional<std::string> Source = protocSourceOf(Text);
  if (!Source)
    return std::nullopt;
  llvm::StringRef HeaderPath = Entry->getFileEntry().tryGetRealPathName();
  if (HeaderPath.empty())
    HeaderPath = Entry->getName();
  std::optional<std::string> ProtoPath = findProto(*Source, HeaderPath, Roots);
  if (!ProtoPath)
    return std::nullopt;
  std::shared_ptr<const ParsedProto> Proto = parsedProto(*ProtoPath);
  if (!Proto || !Proto->File)
    return std::nullopt;
  // Exactly one enum of the .proto is this one, by its C++ name.
  const std::string Wanted = Enum->getQualifiedNameAsString();
  const ProtoEnum *Found = nullptr;
  for (const ProtoEnum &Candidate : Proto->File->Enums) {
    if (qualifiedCppName(*Proto->File, Candidate) != Wanted)
      continue;
    if (Found)
      return std::nullopt;
    Found = &Candidate;
  }
  if (!Found)
    return std::nullopt;
  // A nested enum's values are prefixed with its C++ name (`Outer_Inner_VALUE`; the class's
  // `Outer::VALUE` is an alias of that enumerator, not one of its own).
  std::string Prefix;
  if (Found->Name.find('.') != std::string::npos)
    Prefix = Enum->getName().str() + "_";
  // The same values by name, or the .pb.h is not this .proto's (stale, or another one's).
  std::set<std::string> Generated, Declared;
  for (const clang::EnumConstantDecl *Value : Enum->enumerators())
    if (!isProtobufRangeSentinel(Value->getName()))
      Generated.insert(Value->getName().str());
  const ExternalMember *Member = nullptr;
  for (const ExternalMember &M : Found->Members) {
    Declared.insert(Prefix + M.Name);
    if (Prefix + M.Name == Enumerator.getName())
      Member = &M;
  }
  if (!Member || Generated != Declared)
    return std::nullopt;
  return ProtoDeclaration{*ProtoPath, Proto->Contents, Member->Line, Member->Name};
}

} // namespace contractcheck
