// The data files global rules read (schemas, configs, contracts): each read once per run and each
// parsed form kept, shared by every rule and thread that asks for it. A form is parsed outside the
// lock, so threads that ask for it at the same moment the first time may each parse it; one
// result is kept and every caller gets that one.
#pragma once

#include "GlobalRule.h"

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <typeindex>

namespace contractcheck {

class DataFiles {
public:
  const DataFileText &read(const std::string &AbsolutePath);
  // Parse's result for the file, built on first request (see above); an InputProblem it throws is
  // kept and rethrown to every later caller.
  std::shared_ptr<const void>
  parsed(const std::string &AbsolutePath, std::type_index Type,
         const std::function<std::shared_ptr<const void>(const DataFileText &)> &Parse);

  // Every file some rule read in this run.
  std::set<std::string> readPaths() const;

private:
  struct Parsed {
    std::shared_ptr<const void> Value;
    std::optional<InputProblem> Problem;
  };
  mutable std::mutex Mutex;
  std::map<std::string, std::unique_ptr<DataFileText>> Texts;
  std::map<std::pair<std::string, std::type_index>, Parsed> ParsedForms;
};

} // namespace contractcheck
