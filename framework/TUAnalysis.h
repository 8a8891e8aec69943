// A per-TU analysis that several rules read: how the TU uses each enumerator serves
// contract-enum-table's counts and contract-switch-coverage's range markers alike. Its matchers
// run once per TU however many of the enabled rules ask for it, and its facts are emitted once,
// under its own id (TUAnalysisInfo), for the global step of every rule that declares it reads
// them (RuleInfo::Analyses), whether or not the other rules are enabled.
//
// A rule asks for one in registerMatchers (Rule::analysis<T>(Finder)) and reads it only at the
// end of the TU: the handle it gets finishes the analysis (its last match has been seen then) on
// the first read, whichever callback's end of the TU MatchFinder calls first.
#pragma once

#include "Facts.h"
#include "RuleInfo.h"

#include <clang/ASTMatchers/ASTMatchFinder.h>

namespace clang {
class HeaderSearch;
} // namespace clang

#include <functional>
#include <memory>
#include <typeindex>
#include <unordered_map>

namespace contractcheck {

template <typename T>
concept TUAnalysisType = requires {
  { T::Info } -> std::convertible_to<const TUAnalysisInfo &>;
};

// T declares `static constexpr TUAnalysisInfo Info` and emits only the kinds it lists there.
class TUAnalysis : public clang::ast_matchers::MatchFinder::MatchCallback {
public:
  // The analysis is the callback of its own matchers, as a rule is.
  virtual void registerMatchers(clang::ast_matchers::MatchFinder *Finder) = 0;
  virtual void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) = 0;
  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) final { check(Result); }

  // Sorts what the TU's matches recorded, once, before the first read.
  void finishOnce() {
    if (!Finished)
      finish();
    Finished = true;
  }
  // The facts the global steps read; only called where they are kept (the CLI).
  virtual std::vector<Fact> facts() const { return {}; }

  // Finishes the analysis and hands its facts to the front end that keeps them.
  void onEndOfTranslationUnit() final;

protected:
  virtual void finish() {}

  // The TU's header search (what directory each header was found in), for telling a library's
  // header from one of the project's that a system header included; null where not given.
  const clang::HeaderSearch *Headers = nullptr;

private:
  friend class TUAnalyses;
  std::function<void(Fact)> KeepFact; // null where no global step follows (clang-tidy)
  bool Finished = false;
};

// What a rule holds of a shared analysis: read at the end of the TU.
template <typename T> class SharedAnalysis {
public:
  SharedAnalysis() = default;
  explicit SharedAnalysis(T &Analysis) : Analysis(&Analysis) {}
  explicit operator bool() const { return Analysis != nullptr; }
  const T *operator->() const {
    Analysis->finishOnce();
    return Analysis;
  }

private:
  T *Analysis = nullptr;
};

// The shared analyses of one TU, each made and registered the first time a rule asks. A front end
// gives every rule of the TU the same one (RuleContext::analyses).
class TUAnalyses {
public:
  // KeepFact receives each analysis's facts, its id as their rule; null drops them.
  explicit TUAnalyses(std::function<void(Fact)> KeepFact = nullptr)
      : KeepFact(std::move(KeepFact)) {}

  template <TUAnalysisType T> T &get(clang::ast_matchers::MatchFinder *Finder) {
    std::unique_ptr<TUAnalysis> &Slot = Made[std::type_index(typeid(T))];
    if (!Slot) {
      Slot = std::make_unique<T>();
      Slot->Headers = Headers;
      if (KeepFact)
        Slot->KeepFact = [this](Fact F) { keep(T::Info, std::move(F)); };
      Slot->registerMatchers(Finder);
    }
    return static_cast<T &>(*Slot);
  }

  // The TU's header search, given by the front end when its preprocessor is made.
  void setHeaders(const clang::HeaderSearch *TUHeaders) {
    Headers = TUHeaders;
    for (auto &[Type, Analysis] : Made)
      Analysis->Headers = TUHeaders;
  }

private:
  void keep(const TUAnalysisInfo &Info, Fact F);
  const clang::HeaderSearch *Headers = nullptr;

  std::function<void(Fact)> KeepFact;
  std::unordered_map<std::type_index, std::unique_ptr<TUAnalysis>> Made;
};

} // namespace contractcheck
