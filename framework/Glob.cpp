#include "Glob.h"

#include <llvm/Support/Error.h>

namespace contractcheck {

std::optional<Glob> Glob::parse(std::string_view Pattern, Kind K, std::string *Error) {
  for (size_t I = 0; I < Pattern.size(); ++I) {
    if (Pattern[I] == '\\') {
      if (++I == Pattern.size()) {
        if (Error)
          *Error = "pattern ends with a lone '\\'";
        return std::nullopt;
      }
    } else if (Pattern[I] == '[') {
      size_t Close = Pattern.find(']', I + 2);
      if (Close == std::string_view::npos) {
        if (Error)
          *Error = "unclosed '[' at offset " + std::to_string(I);
        return std::nullopt;
      }
      I = Close;
    }
  }
  if (Pattern.empty()) {
    if (Error)
      *Error = "empty pattern";
    return std::nullopt;
  }
  auto Compiled = std::make_shared<Glob::Pattern>(std::string(Pattern));
  if (K == Kind::Name && Pattern.find('[') != std::string_view::npos) {
    // From the text the Pattern owns: the GlobPattern points into it.
    llvm::Expected<llvm::GlobPattern> Name = llvm::GlobPattern::create(Compiled->Text);
    if (!Name) {
      std::string Message = llvm::toString(Name.takeError());
      if (Error)
        *Error = Message;
      return std::nullopt;
    }
    std::call_once(Compiled->Created, [&] { Compiled->Name.emplace(std::move(*Name)); });
  }
  return Glob(std::move(Compiled), K);
}

const llvm::GlobPattern &Glob::Pattern::name() const {
  std::call_once(Created, [this] {
    // Without a '[' the text cannot be refused: parse checked the rest.
    llvm::Expected<llvm::GlobPattern> Made = llvm::GlobPattern::create(Text);
    if (!Made)
      llvm::report_fatal_error(Made.takeError());
    Name.emplace(std::move(*Made));
  });
  return *Name;
}

static bool matchClass(std::string_view Class, char C) {
  bool Negate = !Class.empty() && (Class[0] == '!' || Class[0] == '^');
  if (Negate)
    Class.remove_prefix(1);
  bool Found = false;
  for (size_t I = 0; I < Class.size(); ++I) {
    if (I + 2 < Class.size() && Class[I + 1] == '-') {
      Found |= Class[I] <= C && C <= Class[I + 2];
      I += 2;
    } else {
      Found |= Class[I] == C;
    }
  }
  return Found != Negate;
}

bool Glob::matchFrom(size_t P, std::string_view Text) const {
  std::string_view Pat(Compiled->Text);
  size_t T = 0;
  while (P < Pat.size()) {
    char C = Pat[P];
    if (C == '*') {
      bool Double = P + 1 < Pat.size() && Pat[P + 1] == '*';
      bool CrossesSlash = Double;
      size_t Next = P + (Double ? 2 : 1);
      // "**/" also matches zero directories.
      if (Double && Next < Pat.size() && Pat[Next] == '/' && matchFrom(Next + 1, Text.substr(T)))
        return true;
      for (size_t Try = T;; ++Try) {
        if (matchFrom(Next, Text.substr(Try)))
          return true;
        if (Try == Text.size() || (!CrossesSlash && Text[Try] == '/'))
          return false;
      }
    }
    if (T == Text.size())
      return false;
    if (C == '?') {
      if (Text[T] == '/')
        return false;
    } else if (C == '[') {
      size_t Close = Pat.find(']', P + 2);
      if (!matchClass(Pat.substr(P + 1, Close - P - 1), Text[T]))
        return false;
      P = Close;
    } else {
      if (C == '\\')
        C = Pat[++P];
      if (C != Text[T])
        return false;
    }
    ++P;
    ++T;
  }
  return T == Text.size();
}

bool Glob::matches(std::string_view Text) const {
  if (K == Kind::Name)
    return Compiled->name().match(llvm::StringRef(Text.data(), Text.size()));
  return matchFrom(0, Text);
}

bool matchesAny(const std::vector<Glob> &Globs, std::string_view Text) {
  for (const Glob &G : Globs)
    if (G.matches(Text))
      return true;
  return false;
}

} // namespace contractcheck
