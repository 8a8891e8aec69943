#include "FileWarning.h"
#include "Paths.h"
#include "ToolMessages.h"

namespace contractcheck {

std::string FileWarning::render(std::string_view BaseDir) const {
  if (!Line)
    return ToolWarning + displayPath(File, BaseDir) + ": " + Message;
  return displayPosition(File, Line, Column, BaseDir) + ": warning: " + Message;
}

} // namespace contractcheck
