#include "LspServer.h"

#include "AnalysisRun.h"
#include "InputError.h"
#include "Paths.h"

#include <llvm/Support/FileSystem.h>
#include "SourceFiles.h"

#include <llvm/Support/raw_ostream.h>

namespace contractcheck::lsp {

namespace {

enum MessageType { Error = 1, Warning = 2, Info = 3, Log = 4 };

std::string joinLines(const std::vector<std::string> &Lines) {
  std::string Joined;
  for (const std::string &Line : Lines)
    Joined += (Joined.empty() ? "" : "\n") + Line;
  return Joined;
}

// The one diagnostic of a TU the engine could not analyse.
std::string notAnalysedMessage(const std::string &Unit, const TUOutcome &Outcome) {
  if (Outcome.State == TUOutcome::Status::Crashed)
    return "contractcheck crashed analysing " + Unit +
           " (the crash was contained); no contract findings for this file";
  if (Outcome.State == TUOutcome::Status::TimedOut)
    return "contractcheck did not analyse this file: " + Unit + " " + joinLines(Outcome.Errors);
  return "contractcheck did not analyse this file: " + Unit + " does not parse\n" +
         joinLines(Outcome.Errors);
}

} // namespace

LspServer::LspServer(JsonRpcTransport &Transport, ServerOptions Options)
    : Transport(Transport), Options(std::move(Options)), Files(this->Options.CompileCommandsDir),
      Queue(std::make_unique<AnalysisQueue>([this](const std::string &File) { analyse(File); })) {}

LspServer::~LspServer() { Queue->stop(); }

void LspServer::log(int Type, const std::string &Message) {
  llvm::errs() << "contractcheck lsp: " << Message << "\n";
  Transport.notify("window/logMessage", {{"type", Type}, {"message", Message}});
}

int LspServer::run() {
  std::string Body;
  for (;;) {
    switch (Transport.read(Body)) {
    case JsonRpcTransport::ReadStatus::EndOfInput:
      log(Error, "the client closed the connection without `exit`");
      Queue->stop();
      return 1;
    case JsonRpcTransport::ReadStatus::BadFraming:
      Transport.replyError(nullptr, InvalidRequest,
                           "message header without a valid Content-Length; message skipped");
      continue;
    case JsonRpcTransport::ReadStatus::Message:
      break;
    }
    nlohmann::json Message = nlohmann::json::parse(Body, nullptr, /*allow_exceptions=*/false);
    if (Message.is_discarded()) {
      Transport.replyError(nullptr, ParseError, "the message is not valid JSON");
      continue;
    }
    if (Message.is_object() && Message.contains("method") && Message["method"] == "exit") {
      Queue->stop();
      return ShutDown ? 0 : 1;
    }
    handle(Message);
  }
}

void LspServer::handle(const nlohmann::json &Message) {
  nlohmann::json Id =
      Message.is_object() && Message.contains("id") ? Message.at("id") : nlohmann::json();
  if (!Message.is_object() || !Message.contains("jsonrpc") || Message["jsonrpc"] != "2.0" ||
      (Message.contains("id") && !Id.is_string() && !Id.is_number_integer())) {
    Transport.replyError(Id.is_string() || Id.is_number_integer() ? Id : nullptr, InvalidRequest,
                         "not a JSON-RPC 2.0 request: an object with \"jsonrpc\": \"2.0\", a "
                         "\"method\" and an integer or string \"id\" is expected");
    return;
  }
  if (!Message.contains("method")) {
    if (Message.contains("result") || Message.contains("error"))
      return; // a response to a request of ours; we send none that need an answer
    Transport.replyError(Id, InvalidRequest, "the message has no \"method\"");
    return;
  }
  if (!Message.at("method").is_string()) {
    Transport.replyError(Id, InvalidRequest, "\"method\" is not a string");
    return;
  }
  std::string Method = Message.at("method");
  nlohmann::json Params = Message.value("params", nlohmann::json::object());
  try {
    if (Message.contains("id"))
      handleRequest(Id, Method, Params);
    else
      handleNotification(Method, Params);
  } catch (const nlohmann::json::exception &E) {
    if (Message.contains("id"))
      Transport.replyError(Id, InvalidParams, "invalid params for " + Method + ": " + E.what());
    else
      log(Error, "invalid params for " + Method + ": " + E.what());
  } catch (const std::exception &E) {
    if (Message.contains("id"))
      Transport.replyError(Id, InternalError, Method + " failed: " + E.what());
    else
      log(Error, Method + " failed: " + E.what());
  }
}

void LspServer::handleRequest(const nlohmann::json &Id, const std::string &Method,
                              const nlohmann::json &Params) {
  if (Method == "initialize" && Initialized) {
    // LSP: "the initialize request may only be sent once".
    Transport.replyError(Id, InvalidRequest, "the server is already initialized");
    return;
  }
  if (Method == "initialize") {
    Transport.reply(Id, initialize(Params));
    return;
  }
  if (!Initialized) {
    Transport.replyError(Id, ServerNotInitialized, "the server is not initialized yet");
    return;
  }
  if (ShutDown) {
    Transport.replyError(Id, InvalidRequest, "the server is shut down; only `exit` is accepted");
    return;
  }
  if (Method == "shutdown") {
    ShutDown = true;
    Queue->stop();
    Transport.reply(Id, nullptr);
  } else if (Method == "textDocument/codeAction") {
    Transport.reply(Id, codeActions(Params));
  } else {
    Transport.replyError(Id, MethodNotFound, "method not supported: " + Method);
  }
}

void LspServer::handleNotification(const std::string &Method, const nlohmann::json &Params) {
  if (!Initialized || ShutDown)
    return; // notifications before initialize or after shutdown are dropped, as LSP says
  if (Method == "textDocument/didOpen")
    didOpen(Params);
  else if (Method == "textDocument/didChange")
    didChange(Params);
  else if (Method == "textDocument/didSave")
    didSave(Params);
  else if (Method == "textDocument/didClose")
    didClose(Params);
  // Every request is answered as soon as it is read, so there is never one to cancel:
  // $/cancelRequest, like the other notifications we do not use, needs no action.
}

nlohmann::json LspServer::initialize(const nlohmann::json &Params) {
  Initialized = true;
  // UTF-8 columns when the client offers them (LSP 3.17 positionEncodings, or clangd's
  // offsetEncoding extension, which Neovim 0.7 sends); else LSP's default UTF-16.
  const nlohmann::json &Capabilities = Params.value("capabilities", nlohmann::json::object());
  auto Offers = [](const nlohmann::json &List) {
    return List.is_array() && std::find(List.begin(), List.end(), "utf-8") != List.end();
  };
  nlohmann::json Result = {
      {"capabilities",
       {{"textDocumentSync",
         {{"openClose", true}, {"change", 1 /*full text*/}, {"save", {{"includeText", false}}}}},
        {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}}}},
      {"serverInfo", {{"name", "contractcheck"}, {"version", CONTRACTCHECK_VERSION}}},
  };
  if (Offers(Capabilities.value("general", nlohmann::json::object())
                 .value("positionEncodings", nlohmann::json::array()))) {
    Encoding = OffsetEncoding::Utf8;
    Result["capabilities"]["positionEncoding"] = "utf-8";
  } else if (Offers(Capabilities.value("offsetEncoding", nlohmann::json::array()))) {
    Encoding = OffsetEncoding::Utf8;
    Result["offsetEncoding"] = "utf-8";
  }
  return Result;
}

std::string LspServer::pathOf(const nlohmann::json &TextDocument) const {
  std::string Uri = TextDocument.at("uri").get<std::string>();
  std::optional<std::string> Path = uriToPath(Uri);
  if (!Path)
    throw nlohmann::json::other_error::create(501, "not a file:// URI: " + Uri, nullptr);
  return *Path;
}

void LspServer::didOpen(const nlohmann::json &Params) {
  const nlohmann::json &Doc = Params.at("textDocument");
  std::string Path = pathOf(Doc);
  {
    std::lock_guard<std::mutex> Lock(DocumentsMutex);
    Documents[Path] = {Doc.at("uri"), Doc.at("text"), Doc.value("version", 0L)};
  }
  Queue->schedule(Path, std::chrono::milliseconds(0));
}

void LspServer::didChange(const nlohmann::json &Params) {
  std::string Path = pathOf(Params.at("textDocument"));
  const nlohmann::json &Changes = Params.at("contentChanges");
  {
    std::lock_guard<std::mutex> Lock(DocumentsMutex);
    auto It = Documents.find(Path);
    if (It == Documents.end())
      return;
    // Full-text sync was announced, so the last change holds the whole text.
    for (const nlohmann::json &Change : Changes)
      if (!Change.contains("range"))
        It->second.Text = Change.at("text");
    It->second.Version = Params.at("textDocument").value("version", It->second.Version + 1);
  }
  Queue->schedule(Path, Options.ChangeDebounce);
}

// The saved file at once, then every other open file whose latest analysis read it: a header
// saved with a new enumerator makes the open source's switch incomplete, which that source's own
// diagnostics should say without waiting for its next edit.
void LspServer::didSave(const nlohmann::json &Params) {
  std::string Path = pathOf(Params.at("textDocument"));
  Queue->schedule(Path, std::chrono::milliseconds(0));
  std::vector<std::string> Readers;
  {
    std::lock_guard<std::mutex> Lock(DocumentsMutex);
    for (const auto &[File, Read] : FilesRead)
      if (File != Path && Documents.count(File) && Read.count(Path))
        Readers.push_back(File);
  }
  for (const std::string &File : Readers)
    Queue->schedule(File, std::chrono::milliseconds(1)); // after the saved file
}

void LspServer::didClose(const nlohmann::json &Params) {
  std::string Path = pathOf(Params.at("textDocument"));
  Queue->cancel(Path);
  std::string Uri;
  {
    std::lock_guard<std::mutex> Lock(DocumentsMutex);
    auto It = Documents.find(Path);
    if (It == Documents.end())
      return;
    Uri = It->second.Uri;
    Documents.erase(It);
    FilesRead.erase(Path);
  }
  std::lock_guard<std::mutex> Lock(ResultsMutex);
  for (auto &[Key, Result] : Results)
    Result.erase(Path);
  OwnAnalysis.erase(Path);
  Transport.notify("textDocument/publishDiagnostics",
                   {{"uri", Uri}, {"diagnostics", nlohmann::json::array()}});
}

long LspServer::versionOf(const std::string &File) {
  std::lock_guard<std::mutex> Lock(DocumentsMutex);
  auto It = Documents.find(File);
  return It == Documents.end() ? -1 : It->second.Version;
}

nlohmann::json LspServer::codeActions(const nlohmann::json &Params) {
  std::string Path = pathOf(Params.at("textDocument"));
  const nlohmann::json &Range = Params.at("range");
  nlohmann::json Only =
      Params.value("context", nlohmann::json::object()).value("only", nlohmann::json::array());
  if (Only.is_string()) // Neovim 0.7 documents `only` as a string
    Only = nlohmann::json::array({Only});
  nlohmann::json Actions = nlohmann::json::array();
  if (!Only.empty() && std::find(Only.begin(), Only.end(), "quickfix") == Only.end())
    return Actions;
  std::vector<StoredDiagnostic> Candidates;
  {
    std::lock_guard<std::mutex> Lock(ResultsMutex);
    for (const auto &[Key, Result] : Results)
      if (auto It = Result.find(Path); It != Result.end() && isShown(Key, Path))
        for (const StoredDiagnostic &D : It->second)
          if (!D.Changes.is_null() && rangesIntersect(D.Diagnostic["range"], Range))
            Candidates.push_back(D);
  }
  std::set<std::string> Seen; // a header's finding reached through two TUs is one fix
  for (const StoredDiagnostic &D : Candidates) {
    // A fix computed for text that has changed since would edit the wrong place.
    bool Current = std::all_of(D.Versions.begin(), D.Versions.end(),
                               [&](const auto &V) { return versionOf(V.first) == V.second; });
    if (!Current || !Seen.insert(D.Diagnostic.dump()).second)
      continue;
    Actions.push_back(
        {{"title", D.FixTitle},
         {"kind", "quickfix"},
         {"diagnostics", {D.Diagnostic}},
         {"isPreferred", true},
         {"edit", {{"changes", D.Changes}}}});
  }
  return Actions;
}

LspServer::StoredDiagnostic LspServer::lineOneDiagnostic(const std::string &File,
                                                         const std::string &Code,
                                                         const std::string &Message,
                                                         int Severity) const {
  StoredDiagnostic D;
  D.Diagnostic = {
      {"range",
       {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}}},
      {"severity", Severity},
      {"code", Code},
      {"source", "contractcheck"},
      {"message", Message}};
  D.Changes = nullptr;
  return D;
}

// The findings, and each rule's problem with its inputs (a malformed data file, a setting no
// analysed TU can serve) where it is, as the CLI lists both: an editor shows them like findings.
std::vector<Finding> LspServer::withProblems(const RunReport &R) {
  std::vector<Finding> All = R.Findings;
  for (const RuleProblem &P : R.Problems) {
    Finding F;
    F.RuleId = P.RuleId;
    F.Position = P.Where;
    if (F.Position.Line == 0) // the file as a whole
      F.Position.Line = F.Position.Column = 1;
    F.Message = P.Message;
    All.push_back(std::move(F));
  }
  return All;
}

LspServer::Contribution
LspServer::contributionOf(const std::vector<Finding> &Findings,
                          const std::map<std::string, std::string> &Overlays,
                          const std::map<std::string, long> &Versions) {
  SourceFiles Sources;
  for (const auto &[Path, Text] : Overlays)
    Sources.setText(Path, Text);
  TextOf Text = [&](const std::string &Path) { return Sources.text(Path); };
  Contribution C;
  for (const Finding &F : Findings) {
    StoredDiagnostic D;
    D.Diagnostic = toDiagnostic(F, Text, Encoding);
    D.Changes = toWorkspaceChanges(F, Text, Encoding);
    D.FixTitle = quickFixTitle(F);
    for (const FixIt &Fix : F.Fixes) {
      auto V = Versions.find(Fix.File);
      D.Versions[Fix.File] = V == Versions.end() ? -1 : V->second;
    }
    C[F.Position.File].push_back(std::move(D));
  }
  return C;
}

void LspServer::analyse(const std::string &File) {
  try {
    analyseFile(File);
  } catch (const std::exception &E) {
    // The engine reports its own failures as outcomes; this is the server's last line of
    // defence, so that a bug here costs one file's diagnostics rather than the session.
    log(Error, "analysing " + File + " failed: " + E.what());
    publish(File,
            {{File, {lineOneDiagnostic(File, "internal-error",
                                       std::string("contractcheck failed: ") + E.what(), 1)}}},
            File);
  }
}

std::optional<LspServer::OpenBuffers> LspServer::openBuffers(const std::string &File) {
  std::lock_guard<std::mutex> Lock(DocumentsMutex);
  auto It = Documents.find(File);
  if (It == Documents.end())
    return std::nullopt;
  OpenBuffers Open;
  Open.Version = It->second.Version;
  for (const auto &[Path, Doc] : Documents) {
    Open.Overlays[Path] = Doc.Text;
    Open.Versions[Path] = Doc.Version;
  }
  return Open;
}

// Whether the configuration governing File (--config, else the nearest .contractcheck.yaml)
// excludes it. A configuration that does not load excludes nothing here: its error is shown
// where a file it governs is analysed.
bool LspServer::excludedByItsConfiguration(const std::string &File) const {
  try {
    ConfigResolver Configs(Options.ConfigPath, parentDirectory(File));
    return Configs.forFile(File).isExcluded(File);
  } catch (const InputError &) {
    return false;
  }
}

void LspServer::analyseFile(const std::string &File) {
  auto Start = std::chrono::steady_clock::now();
  std::optional<OpenBuffers> Open = openBuffers(File);
  if (!Open)
    return; // closed meanwhile
  const std::map<std::string, std::string> &Overlays = Open->Overlays;

  Workspace::Resolution Where = Files.resolve(File);
  if (!Where.Command) {
    if (Where.BadDatabase) {
      publish(File, {{File, {lineOneDiagnostic(File, "compile-database", Where.Problem, 1)}}},
              File);
    } else if (excludedByItsConfiguration(File)) {
      // As the CLI skips a source paths.exclude covers before asking the database for it.
      log(Info, "not analysing " + File + ": " + File + " is excluded by paths.exclude");
      publish(File, {}, File);
    } else {
      log(Warning, "not analysing " + File + ": " + Where.Problem);
      publish(File, {}, File);
    }
    return;
  }
  const std::string &Unit = Where.Command->File;
  // One snapshot of the disk per analysis, as a CLI run takes one.
  Hashes.newSnapshot();
  // The same run as the CLI's on this one TU: its buffers as overlays, the other TUs' facts
  // from the result store (validated), nothing stored (the buffers are not on disk).
  RunRequest Request;
  Request.ConfigPath = Options.ConfigPath;
  Request.BaselinePath = Options.BaselinePath;
  Request.Files = {Unit};
  Request.Settings = Options.Settings;
  Request.Settings.Overlays = Overlays;
  Request.Store = StoreMode::ReadOnly;
  Request.Workers = 1;
  Request.Hashes = &Hashes;
  Request.OthersFacts = &OthersFacts;
  Request.KeptTemplateBodies = KeptTemplateBodies;
  std::optional<AnalysisRun> Run;
  try {
    Run.emplace(Where.Database, std::move(Request));
  } catch (const InputError &E) {
    publish(Unit, {{File, {lineOneDiagnostic(File, "configuration", E.render(), 1)}}}, File);
    return;
  }
  if (Run->plan().Jobs.empty()) {
    log(Info, "not analysing " + File + ": " + Unit + " is excluded by paths.exclude");
    publish(Unit, {}, File);
    return;
  }

  // The merger applies NOLINT read from the unsaved text.
  SourceFiles Sources;
  for (const auto &[Path, Text] : Overlays)
    Sources.setText(Path, Text);
  RunResult Result = Run->run(Sources);
  const TUOutcome &Outcome = Result.Outcomes.front();
  if (Outcome.State == TUOutcome::Status::Analyzed) {
    if (Outcome.KeptTemplateBodies)
      KeptTemplateBodies.insert(Unit);
    else
      KeptTemplateBodies.erase(Unit);
  }
  {
    std::lock_guard<std::mutex> Lock(DocumentsMutex);
    if (Documents.count(File)) {
      std::set<std::string> &Read = FilesRead[File];
      Read.clear();
      for (const auto &[Dependency, Hash] : Outcome.Dependencies)
        Read.insert(Dependency);
    }
  }
  bool Crash = Outcome.State == TUOutcome::Status::Crashed;
  Crashed = Crashed || leftAThreadParked(Outcome);
  if (Queue->hasPending(File) || versionOf(File) != Open->Version)
    return; // a newer edit is waiting: these results describe text that no longer exists

  Contribution Contributed;
  size_t Count = 0;
  if (Outcome.State != TUOutcome::Status::Analyzed) {
    // The code is the status the CLI reports (text, JSON, SARIF): parse-error, crash, timeout.
    Contributed[File].push_back(lineOneDiagnostic(File, std::string(statusName(Outcome.State)),
                                                  notAnalysedMessage(Unit, Outcome),
                                                  Crash ? 1 : 2));
  } else {
    Count = Result.Report.Findings.size();
    Contributed = contributionOf(withProblems(Result.Report), Overlays, Open->Versions);
  }
  double Ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - Start).count();
  publish(Unit, std::move(Contributed), File);
  log(Log, "analysed " + File + (Unit == File ? "" : " through " + Unit) + " in " +
               std::to_string(static_cast<long>(Ms)) + " ms: " + std::to_string(Count) +
               (Count == 1 ? " finding" : " findings") +
               (Outcome.PrefixFromStore ? " (system headers precompiled from the store)"
                : Outcome.PrefixBuilt   ? " (system headers precompiled now, and stored)"
                                        : ""));
}

bool LspServer::isShown(const std::string &Key, const std::string &Path) const {
  auto Own = OwnAnalysis.find(Path);
  return Own == OwnAnalysis.end() || Own->second == Key;
}

void LspServer::publish(const std::string &Key, Contribution New, const std::string &Analysed) {
  std::lock_guard<std::mutex> Lock(ResultsMutex);
  std::set<std::string> Affected{Analysed};
  for (const auto &[Path, Diagnostics] : Results[Key])
    Affected.insert(Path);
  for (const auto &[Path, Diagnostics] : New)
    Affected.insert(Path);
  Results[Key] = std::move(New);
  {
    std::lock_guard<std::mutex> DocLock(DocumentsMutex);
    if (Documents.count(Analysed)) // not closed meanwhile
      OwnAnalysis[Analysed] = Key;
  }
  for (const std::string &Path : Affected) {
    nlohmann::json Diagnostics = nlohmann::json::array();
    std::set<std::string> Seen;
    for (const auto &[K, Result] : Results)
      if (auto It = Result.find(Path); It != Result.end() && isShown(K, Path))
        for (const StoredDiagnostic &D : It->second)
          if (Seen.insert(D.Diagnostic.dump()).second)
            Diagnostics.push_back(D.Diagnostic);
    nlohmann::json Params = {{"uri", pathToUri(Path)}, {"diagnostics", std::move(Diagnostics)}};
    {
      std::lock_guard<std::mutex> DocLock(DocumentsMutex);
      if (auto It = Documents.find(Path); It != Documents.end()) {
        Params["uri"] = It->second.Uri; // as the client spelled it
        Params["version"] = It->second.Version;
      }
    }
    Transport.notify("textDocument/publishDiagnostics", std::move(Params));
  }
}

} // namespace contractcheck::lsp
