// The language server: LSP lifecycle and text synchronisation, findings of the buffer's TU as
// diagnostics, fix-its as quick fixes. Analysis runs on AnalysisQueue's thread, never on the
// thread reading requests.
#pragma once

#include "AnalysisQueue.h"
#include "JsonRpcTransport.h"
#include "LspConversions.h"
#include "ContentHash.h"
#include "ResultStore.h"
#include "Facts.h"
#include "TranslationUnitAnalyzer.h"
#include "Workspace.h"

#include <llvm/Support/Chrono.h>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace contractcheck {
struct Finding;
struct RunReport;
}

namespace contractcheck::lsp {

struct ServerOptions {
  std::optional<std::string> CompileCommandsDir;
  std::optional<std::string> ConfigPath; // as the CLI's --config
  std::string BaselinePath;              // as the CLI's --baseline: its findings are not shown
  AnalysisSettings Settings;             // --extra-arg, --extra-arg-before, --shared-headers
  std::chrono::milliseconds ChangeDebounce{500};
};

class LspServer {
public:
  LspServer(JsonRpcTransport &Transport, ServerOptions Options);
  ~LspServer();
  // Serves until `exit` or end of input; returns the process exit code (0 after a shutdown).
  int run();
  // True when an analysis crashed (contained): static state may be inconsistent, so the process
  // should exit without running destructors.
  bool sawCrash() const { return Crashed; }

private:
  struct Document {
    std::string Uri;
    std::string Text;
    long Version = 0;
  };
  // One diagnostic as published, with the fix that goes with it.
  struct StoredDiagnostic {
    nlohmann::json Diagnostic;
    nlohmann::json Changes;               // WorkspaceEdit.changes, or null
    std::string FixTitle;                 // what the quick fix does, as the rule words it
    std::map<std::string, long> Versions; // of the files the fix edits, when analysed (-1: disk)
  };
  // What analysing one TU produced, per file it points into.
  using Contribution = std::map<std::string, std::vector<StoredDiagnostic>>;

  void handle(const nlohmann::json &Message);
  void handleRequest(const nlohmann::json &Id, const std::string &Method,
                     const nlohmann::json &Params);
  void handleNotification(const std::string &Method, const nlohmann::json &Params);
  nlohmann::json initialize(const nlohmann::json &Params);
  nlohmann::json codeActions(const nlohmann::json &Params);
  void didOpen(const nlohmann::json &Params);
  void didChange(const nlohmann::json &Params);
  void didClose(const nlohmann::json &Params);
  void didSave(const nlohmann::json &Params);
  std::string pathOf(const nlohmann::json &TextDocument) const;

  // On the analysis thread.
  void analyse(const std::string &File);
  void analyseFile(const std::string &File);
  bool excludedByItsConfiguration(const std::string &File) const;
  // Every open document's text and version, and File's own version; none when File is closed.
  struct OpenBuffers {
    std::map<std::string, std::string> Overlays;
    std::map<std::string, long> Versions;
    long Version = 0;
  };
  std::optional<OpenBuffers> openBuffers(const std::string &File);
  static std::vector<Finding> withProblems(const RunReport &R);
  Contribution contributionOf(const std::vector<Finding> &Findings,
                              const std::map<std::string, std::string> &Overlays,
                              const std::map<std::string, long> &Versions);
  StoredDiagnostic lineOneDiagnostic(const std::string &File, const std::string &Code,
                                     const std::string &Message, int Severity) const;
  void publish(const std::string &Key, Contribution New, const std::string &Analysed);
  long versionOf(const std::string &File);
  void log(int Type, const std::string &Message);

  JsonRpcTransport &Transport;
  const ServerOptions Options;
  Workspace Files;
  OffsetEncoding Encoding = OffsetEncoding::Utf16;
  bool Initialized = false;
  bool ShutDown = false;
  std::atomic<bool> Crashed{false};
  // What the other TUs' stored results read, hashed again only when a file changes on disk: a
  // save does not re-read every header of the code base. Used by the analysis thread only.
  FileHashes Hashes{/*Revalidate=*/true};
  // The other TUs' stored facts as last read: an entry unchanged since is validated against the
  // files it read, not read and decoded again at every save. Used by the analysis thread only.
  KeptFacts OthersFacts;

  std::mutex DocumentsMutex;
  std::map<std::string, Document> Documents; // by absolute path
  // An open file -> the files its latest analysis read: saving one of them (a header) analyses
  // it again, as clangd re-parses the open files on a save.
  std::map<std::string, std::set<std::string>> FilesRead;
  // The TUs whose latest analysis had to keep template bodies (a gMock test): the next starts
  // keeping them, rather than finding that out again in a parse that skips them. The server
  // stores no result, whose stale entry would say it. Used by the analysis thread only.
  std::set<std::string> KeptTemplateBodies;

  std::mutex ResultsMutex;
  std::map<std::string, Contribution> Results;            // by the TU (or file) they came from
  // An open file -> the key in Results of its own latest analysis (the TU it was analysed
  // through). An open header is shown as its own analysis of its current text saw it, as clangd
  // shows it; another open TU's view of it dates from that TU's last analysis and would keep a
  // finding the header's edit fixed.
  std::map<std::string, std::string> OwnAnalysis;
  // Whether Results[Key]'s diagnostics for Path are the ones shown.
  bool isShown(const std::string &Key, const std::string &Path) const;

  std::unique_ptr<AnalysisQueue> Queue; // last: its thread uses everything above
};

} // namespace contractcheck::lsp
