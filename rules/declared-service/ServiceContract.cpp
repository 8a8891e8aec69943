#include "rules/declared-service/ServiceContract.h"
#include "rules/declared-service/ContractDeclaration.h"

#include <sstream>

namespace contractcheck {

namespace {

// The column of the first character of a scalar's text: yaml-cpp marks a quoted scalar at its
// quote.
unsigned textColumn(std::string_view Text, DataPosition At) {
  std::istringstream Lines{std::string(Text)};
  std::string Line;
  for (unsigned N = 1; N <= At.Line && std::getline(Lines, Line); ++N)
    if (N == At.Line && At.Column >= 1 && At.Column <= Line.size() &&
        (Line[At.Column - 1] == '"' || Line[At.Column - 1] == '\''))
      return At.Column + 1;
  return At.Column;
}

bool isQualifiedName(const std::string &Name) {
  if (Name.empty())
    return false;
  std::string_view Rest(Name);
  if (Rest.substr(0, 2) == "::")
    Rest.remove_prefix(2);
  while (true) {
    size_t End = Rest.find("::");
    std::string_view Part = Rest.substr(0, End);
    if (Part.empty() || std::isdigit(static_cast<unsigned char>(Part.front())))
      return false;
    for (char C : Part)
      if (!std::isalnum(static_cast<unsigned char>(C)) && C != '_')
        return false;
    if (End == std::string_view::npos)
      return true;
    Rest.remove_prefix(End + 2);
  }
}

} // namespace

std::optional<ServiceContract> parseServiceContract(const std::string &File, std::string_view Text,
                                                    DataError &Error) {
  std::optional<DataDocument> Doc =
      DataDocument::parse(File, Text, DataDocument::Format::Yaml, Error);
  if (!Doc)
    return std::nullopt;
  auto Fail = [&](DataPosition At, std::string Message) {
    Error = Doc->errorAt(At, std::move(Message));
    return std::nullopt;
  };
  const DataNode &Root = Doc->root();
  if (Root.kind() != DataNode::Kind::Map)
    return Fail(Root.position(), "a service contract is a mapping with 'service:' and "
                                 "'methods:', not " +
                                     std::string(Root.kindName()));

  ServiceContract Contract;
  Contract.File = File;
  const DataNode *Service = Root.find("service");
  if (!Service)
    return Fail(Root.position(), "the contract has no 'service:' (the qualified name of the "
                                 "class, e.g. 'shop::Notifier')");
  if (Service->kind() != DataNode::Kind::String || !isQualifiedName(Service->text()))
    return Fail(Service->position(), "'service:' must be a qualified class name such as "
                                     "'shop::Notifier', not " +
                                         (Service->isScalar() ? "'" + Service->text() + "'"
                                                              : std::string(Service->kindName())));
  Contract.Service = Service->text().substr(Service->text().rfind("::", 0) == 0 ? 2 : 0);
  Contract.ServicePosition = Service->position();

  if (const DataNode *Header = Root.find("header")) {
    if (Header->kind() != DataNode::Kind::String)
      return Fail(Header->position(),
                  "'header:' must be a path, not " + std::string(Header->kindName()));
    Contract.Header = Header->text();
  }

  const DataNode::Entry *Methods = Root.findEntry("methods");
  if (!Methods)
    return Fail(Root.position(), "the contract has no 'methods:' (a list of C++ member "
                                 "declarations such as \"bool send(const Alert &alert)\")");
  if (Methods->Value.kind() != DataNode::Kind::List)
    return Fail(Methods->Value.kind() == DataNode::Kind::Null ? Methods->KeyPosition
                                                              : Methods->Value.position(),
                "'methods:' must be a list of C++ member declarations, not " +
                    std::string(Methods->Value.kindName()));
  for (const DataNode &Item : Methods->Value.items()) {
    if (Item.kind() != DataNode::Kind::String)
      return Fail(Item.position(), "each method is a C++ member declaration in a string, not " +
                                       std::string(Item.kindName()));
    if (Item.text().find_first_not_of(" \t\r\n") == std::string::npos)
      return Fail(Item.position(), "an empty method declaration");
    DeclaredMethod Method{Item.text(), Item.position(), textColumn(Text, Item.position())};
    if (std::optional<DeclarationProblem> Problem = checkContractDeclaration(Method.Text)) {
      // Exact on the scalar's first line when no escape precedes the offence; past a line break
      // the declaration itself is pointed at.
      bool OnFirstLine = Method.Text.find_first_of("\r\n") >= Problem->Offset;
      DataPosition At{Method.Position.Line,
                      OnFirstLine ? Method.TextColumn + static_cast<unsigned>(Problem->Offset)
                                  : Method.TextColumn};
      return Fail(At, Problem->Message);
    }
    Contract.Methods.push_back(std::move(Method));
  }
  return Contract;
}

} // namespace contractcheck
