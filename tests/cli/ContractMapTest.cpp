// The report's maps show every consumer and stand-in the rules judge, each cell saying what the
// consumer does with the row: enum-indexed arrays, string-to-enum functions, data-file bindings,
// declared contracts, string dispatches and mocks paired across translation units.
#include "CliTestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <optional>

namespace contractcheck::test {
namespace {

constexpr int FindingsFound = 1;

nlohmann::json mapOf(const std::string &BuildDir, const std::string &Cwd = {}) {
  ProcessResult R =
      runContractcheck({"-p", BuildDir, "--no-cache", "--format", "json", "-j", "2"}, Cwd);
  EXPECT_EQ(R.ExitCode, FindingsFound) << R.Stderr;
  return nlohmann::json::parse(R.Stdout)["map"];
}

// The column of Kind in the entry named Name (enums or services), if there is one.
std::optional<nlohmann::json> columnOf(const nlohmann::json &Map, const std::string &Name,
                                       const std::string &Kind) {
  bool Enum = Map["enums"].is_array() &&
              std::any_of(Map["enums"].begin(), Map["enums"].end(),
                          [&](const nlohmann::json &E) { return E["enum"] == Name; });
  for (const nlohmann::json &Entry : Map[Enum ? "enums" : "services"])
    if (Entry[Enum ? "enum" : "service"] == Name)
      for (const nlohmann::json &Column : Entry[Enum ? "consumers" : "stand_ins"])
        if (Column["kind"] == Kind)
          return Column;
  return std::nullopt;
}

// "state" or "state how", and whether the cell links to a finding, of Row.
std::string cellOf(const nlohmann::json &Column, const std::string &Row) {
  for (const nlohmann::json &Cell : Column["cells"])
    if (Cell["row"] == Row)
      return Cell["state"].get<std::string>() +
             (Cell.contains("how") ? " " + Cell["how"].get<std::string>() : "") +
             (Cell.contains("finding") ? " [finding]" : "");
  return "(no cell)";
}

TEST(ContractMapTest, EnumIndexedArraysAndStringToEnumFunctionsAreColumns) {
  TempDir Project;
  std::string Source = Project.write("colors.cpp", R"(#include <cstddef>
#include <optional>
#include <string_view>
enum class Color { Red, Green, Blue };
constexpr const char *kColorNames[] = {"red", "green"};
const char *name(Color c) { return kColorNames[static_cast<std::size_t>(c)]; }
std::optional<Color> parse_color(std::string_view s) {
  if (s == "red")
    return Color::Red;
  if (s == "grn")
    return Color::Green;
  return std::nullopt;
}
)");
  writeCompilationDatabase(Project.path(), {Source}, {"-std=c++20"});
  nlohmann::json Map = mapOf(Project.path());

  std::optional<nlohmann::json> Array = columnOf(Map, "Color", "array");
  ASSERT_TRUE(Array) << Map.dump(2);
  EXPECT_EQ((*Array)["label"], "array 'kColorNames'");
  EXPECT_EQ(cellOf(*Array, "Red"), "handled \"red\"");
  EXPECT_EQ(cellOf(*Array, "Blue"), "missing [finding]");

  // Paired by the return each comparison leads to, not by spelling: "grn" parses to Green.
  std::optional<nlohmann::json> Parser = columnOf(Map, "Color", "string-to-enum");
  ASSERT_TRUE(Parser) << Map.dump(2);
  EXPECT_EQ(cellOf(*Parser, "Red"), "handled \"red\"");
  EXPECT_EQ(cellOf(*Parser, "Green"), "handled \"grn\"");
  EXPECT_EQ(cellOf(*Parser, "Blue"), "missing no name parses to it");
}

TEST(ContractMapTest, DataFilesContractsAndDispatchesAreColumns) {
  TempDir Build;
  writeExampleDatabase(Build.path());
  nlohmann::json Map = mapOf(Build.path(), sourceDir() + "/examples");

  std::optional<nlohmann::json> Data = columnOf(Map, "trading::Venue", "data-file");
  ASSERT_TRUE(Data) << Map.dump(2);
  EXPECT_EQ(cellOf(*Data, "Nyse"), "handled 1 value");
  EXPECT_EQ(cellOf(*Data, "Nasdaq"), "missing no value names it");
  EXPECT_EQ(cellOf(*Data, "nasdq"), "missing in config/routing.yaml only [finding]");

  std::optional<nlohmann::json> Contract =
      columnOf(Map, "trading::Router", "declared contract");
  ASSERT_TRUE(Contract) << Map.dump(2);
  EXPECT_EQ((*Contract)["label"], "contracts/router.yaml");
  EXPECT_EQ(cellOf(*Contract, "on_event"), "matching");
  EXPECT_EQ(cellOf(*Contract, "open_orders"),
            "differing it takes 0 parameters, the contract declares 1 [finding]");

  std::optional<nlohmann::json> Dispatch = columnOf(Map, "event bus", "string-dispatched name");
  ASSERT_TRUE(Dispatch) << Map.dump(2);
  EXPECT_EQ(cellOf(*Dispatch, "order.filled"), "matching 1 call");
  EXPECT_EQ(cellOf(*Dispatch, "order.cancelled"), "absent never called [finding]");
  EXPECT_EQ(cellOf(*Dispatch, "order.canceled"), "differing not registered [finding]");
}

// contract-mock-drift's global step pairs a mock with the class its name names when no TU sees
// both; that pair is a column too, its drift linked to the global step's finding. One TU injects
// the mock into Toggler, so it is a template-injected mock whichever TU's facts were chosen.
TEST(ContractMapTest, MocksPairedAcrossTranslationUnitsAreColumns) {
  TempDir Build;
  writeCompilationDatabase(Build.path(),
                           cppFilesIn(fixturesDir() + "/contract-mock-drift/cross-tu-naming"),
                           {"-std=c++20"});
  nlohmann::json Map = mapOf(Build.path());

  std::optional<nlohmann::json> Mock = columnOf(Map, "TcpTransport", "template-injected mock");
  ASSERT_TRUE(Mock) << Map.dump(2);
  EXPECT_EQ((*Mock)["label"], "MockTcpTransport");
  EXPECT_EQ(cellOf(*Mock, "Close"), "matching");
  EXPECT_NE(cellOf(*Mock, "Send").find("differing"), std::string::npos) << Mock->dump(2);
  EXPECT_NE(cellOf(*Mock, "Send").find("[finding]"), std::string::npos) << Mock->dump(2);
}

// Qt's SIGNAL()/SLOT() strings name meta-methods of the receiver's class: a column per class
// and TU, each string's method matching or, as reported, differing.
TEST(ContractMapTest, QtMethodStringsAreColumnsOfTheirReceiversClass) {
  TempDir Build;
  std::string Source = fixturesDir() + "/contract-string-dispatch/qt-signals-slots.cpp";
  writeCompilationDatabase(Build.path(), {Source},
                           {"-std=c++20", "-isystem/usr/include/x86_64-linux-gnu/qt5",
                            "-isystem/usr/include/x86_64-linux-gnu/qt5/QtCore", "-fPIC"});
  nlohmann::json Map = mapOf(Build.path());

  std::optional<nlohmann::json> Strings = columnOf(Map, "Counter", "string-dispatched name");
  ASSERT_TRUE(Strings) << Map.dump(2);
  EXPECT_EQ((*Strings)["label"], "Qt method strings in qt-signals-slots.cpp");
  EXPECT_EQ(cellOf(*Strings, "cleared"), "matching 3 strings");
  EXPECT_EQ(cellOf(*Strings, "rest"),
            "differing 'SLOT(rest())' names no slot or Q_INVOKABLE method of 'Counter' (did you "
            "mean 'reset'?) [finding]");
  EXPECT_EQ(cellOf(*Strings, "setValue"), "(no cell)"); // a slot no string names
}

// An object made as one of several classes, one of which declares the name (a '?:' or a factory
// picking the class), leaves the string to that class: in the map it is a string that matches,
// on the receiver's class, like a string its class declares.
TEST(ContractMapTest, AStringLeftToTheClassMadeThatDeclaresItMatches) {
  TempDir Build;
  std::string Source = fixturesDir() + "/contract-string-dispatch/qt-created-objects.cpp";
  writeCompilationDatabase(Build.path(), {Source},
                           {"-std=c++20", "-isystem/usr/include/x86_64-linux-gnu/qt5",
                            "-isystem/usr/include/x86_64-linux-gnu/qt5/QtCore", "-fPIC"});
  nlohmann::json Map = mapOf(Build.path());

  std::optional<nlohmann::json> Strings = columnOf(Map, "Peer", "string-dispatched name");
  ASSERT_TRUE(Strings) << Map.dump(2);
  EXPECT_EQ(cellOf(*Strings, "versionMismatch"), "matching 3 strings"); // Either, Chosen, makeAny(1)
}

} // namespace
} // namespace contractcheck::test
