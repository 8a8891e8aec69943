#include "DataKeyPath.h"

namespace contractcheck {

std::optional<DataKeyPath> DataKeyPath::parse(std::string_view Text, std::string &Message) {
  std::vector<Step> Steps;
  size_t I = 0;
  auto Fail = [&](std::string What) {
    Message = "malformed key path '" + std::string(Text) + "' at character " +
              std::to_string(I + 1) + ": " + std::move(What);
    return std::nullopt;
  };
  if (Text.empty())
    return Fail("expected a key");
  bool ExpectKey = Text[0] != '[';
  while (I < Text.size()) {
    if (ExpectKey) {
      size_t Start = I;
      while (I < Text.size() && Text[I] != '.' && Text[I] != '[' && Text[I] != ']')
        ++I;
      if (I == Start)
        return Fail("expected a key");
      std::string Key(Text.substr(Start, I - Start));
      Steps.push_back(Key == "*" ? Step{Step::Kind::AnyKey, {}, 0}
                                 : Step{Step::Kind::Key, std::move(Key), 0});
      ExpectKey = false;
      continue;
    }
    if (Text[I] == '.') {
      ++I;
      if (I == Text.size())
        return Fail("expected a key after '.'");
      ExpectKey = true;
      continue;
    }
    if (Text[I] != '[')
      return Fail("expected '.' or '['");
    size_t Close = Text.find(']', I);
    if (Close == std::string_view::npos)
      return Fail("'[' is not closed");
    std::string_view Inside = Text.substr(I + 1, Close - I - 1);
    if (Inside == "*") {
      Steps.push_back({Step::Kind::AnyIndex, {}, 0});
    } else {
      if (Inside.empty() || Inside.size() > 9 ||
          Inside.find_first_not_of("0123456789") != std::string_view::npos)
        return Fail("expected '[*]' or a list index");
      Steps.push_back(
          {Step::Kind::Index, {}, static_cast<size_t>(std::stoul(std::string(Inside)))});
    }
    I = Close + 1;
  }
  return DataKeyPath(std::string(Text), std::move(Steps));
}

std::vector<const DataNode *> DataKeyPath::match(const DataNode &Root) const {
  std::vector<const DataNode *> Current{&Root}, Next;
  for (const Step &S : Steps) {
    Next.clear();
    for (const DataNode *N : Current) {
      switch (S.K) {
      case Step::Kind::Key:
        if (const DataNode *V = N->find(S.Key))
          Next.push_back(V);
        break;
      case Step::Kind::AnyKey:
        for (const DataNode::Entry &E : N->entries())
          Next.push_back(&E.Value);
        break;
      case Step::Kind::Index:
        if (N->kind() == DataNode::Kind::List && S.Index < N->items().size())
          Next.push_back(&N->items()[S.Index]);
        break;
      case Step::Kind::AnyIndex:
        for (const DataNode &Item : N->items())
          Next.push_back(&Item);
        break;
      }
    }
    Current.swap(Next);
  }
  return Current;
}

} // namespace contractcheck
