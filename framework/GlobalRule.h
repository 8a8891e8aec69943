// A rule that judges the whole codebase from merged facts; it runs once, after every TU.
#pragma once

#include "Facts.h"
#include "Finding.h"

#include <vector>

namespace contractcheck {

class GlobalRule {
public:
  virtual ~GlobalRule() = default;
  virtual void run(const FactStore &Facts, std::vector<Finding> &Findings) = 0;
};

} // namespace contractcheck
