#include "ContractMap.h"

#include <algorithm>

namespace contractcheck {

void addCell(std::vector<MapCell> &Cells, MapCell Cell) {
  auto Seen = std::find_if(Cells.begin(), Cells.end(),
                           [&](const MapCell &C) { return C.Row == Cell.Row; });
  if (Seen == Cells.end())
    Cells.push_back(std::move(Cell));
  else if (Seen->FindingAt.File.empty() && !Cell.FindingAt.File.empty())
    *Seen = std::move(Cell);
}

} // namespace contractcheck
