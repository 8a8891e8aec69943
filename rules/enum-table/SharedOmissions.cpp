#include "rules/enum-table/SharedOmissions.h"

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <tuple>

namespace contractcheck {

namespace {

std::set<std::string> omitted(const EnumConsumer &Table) {
  std::set<std::string> Rows;
  for (const MapCell &Cell : Table.Cells)
    if (Cell.State == "missing")
      Rows.insert(Cell.Row);
  return Rows;
}

// Runs of the cells the table was reported for, in declaration order, a listed ("handled") cell
// ending one. A cell it leaves out by design (a catch-all, not reported) belongs to no run and
// ends none: `None` first and a new enumerator last are one run.
unsigned runsOfReported(const EnumConsumer &Table) {
  unsigned Runs = 0;
  bool InRun = false;
  for (const MapCell &Cell : Table.Cells) {
    if (Cell.State == "missing" && !Cell.FindingAt.File.empty()) {
      Runs += !InRun;
      InRun = true;
    } else if (Cell.State == "handled") {
      InRun = false;
    }
  }
  return Runs;
}

// A table a header holds is seen by each TU that includes it, its path spelled as that TU did.
bool samePlace(const EnumConsumer &A, const EnumConsumer &B) {
  return A.At.Line == B.At.Line && A.At.Column == B.At.Column && A.Label == B.Label &&
         std::filesystem::path(A.At.File).filename() == std::filesystem::path(B.At.File).filename();
}

} // namespace

bool omissionsShared(const EnumConsumer &Reported, const std::vector<EnumConsumer> &Tables) {
  std::set<std::string> Omitted = omitted(Reported);
  if (Omitted.empty() || runsOfReported(Reported) < 2)
    return false;
  for (const EnumConsumer &Other : Tables)
    if (Other.Consumer == "table" && Other.Enum == Reported.Enum &&
        Other.Enumerators == Reported.Enumerators && !samePlace(Other, Reported) &&
        omitted(Other) == Omitted)
      return true;
  return false;
}

void withdrawSharedOmissions(GlobalContext &Context) {
  std::vector<EnumConsumer> Tables;
  for (EnumConsumer &Column : Context.facts().all<EnumConsumer>())
    if (Column.Consumer == "table")
      Tables.push_back(std::move(Column));
  using Place = std::tuple<std::string, unsigned, unsigned>;
  auto Withdrawn = std::make_shared<std::set<Place>>();
  for (const EnumConsumer &Table : Tables)
    if (omissionsShared(Table, Tables))
      Withdrawn->insert({Table.At.File, Table.At.Line, Table.At.Column});
  if (Withdrawn->empty())
    return;
  // The finding that names what the table lacks sits at the table; its repeated entries' at them.
  Context.reviseFindings([&](Finding &F) {
    return !Withdrawn->contains({F.Position.File, F.Position.Line, F.Position.Column}) ||
           F.Message.find("' has no entry for ") == std::string::npos;
  });
  Context.reviseMapColumns([Withdrawn](EnumConsumer &Column) {
    if (Withdrawn->contains({Column.At.File, Column.At.Line, Column.At.Column}))
      for (MapCell &Cell : Column.Cells)
        Cell.FindingAt = {};
  });
}

} // namespace contractcheck
