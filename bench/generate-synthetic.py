#!/usr/bin/env python3
"""Writes a synthetic CMake code base of N translation units for bench/run-corpus.py.

usage: bench/generate-synthetic.py OUT_DIR --tus N [--enums E] [--mocks-per-test M]

The code base looks like a service code base: a shared header of enums with enum tables
(include/core/types.h, the header run-corpus.py touches), one interface per service, service
implementations that switch over the enums (some with a `default:` hiding enumerators), and gMock
tests (system gmock, as Debian installs it) whose mocks are partly drifted. About one TU in four
is a test. Generated output belongs in a temporary or build directory, never in the repository.

For the HTML report's maps at scale: --enums E adds E more enums (include/core/extra.h), each
switched over in one service source; --mocks-per-test M has each test mock M services, so T tests
give T*M services with a stand-in (500 enums x 200 services: --tus 40 --enums 500
--mocks-per-test 20).
"""
import argparse
import os
import sys

ENUMS = [
    ("OrderState", ["kNew", "kAccepted", "kPartiallyFilled", "kFilled", "kCancelled", "kRejected"]),
    ("Venue", ["kXetra", "kEuronext", "kLse", "kNasdaq", "kNyse"]),
    ("Side", ["kBuy", "kSell", "kShortSell"]),
    ("Severity", ["kDebug", "kInfo", "kWarning", "kError", "kFatal"]),
]


def types_header():
    out = ["// Shared vocabulary of every service: enums and their name tables.", "#pragma once",
           "", "#include <array>", "#include <string_view>", "", "namespace core {", ""]
    for name, members in ENUMS:
        out.append(f"enum class {name} {{ {', '.join(members)}, kCount }};")
        out.append(f"inline constexpr std::array<std::string_view, {len(members)}> k{name}Names = {{")
        out.append("    " + ", ".join(f'"{m[1:]}"' for m in members) + "};")
        out.append("")
    out.append("} // namespace core")
    return "\n".join(out) + "\n"


def interface_header(i):
    return f"""// Interface of service {i}.
#pragma once

#include "core/types.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace svc{i} {{

struct Request{i} {{
  int Id = 0;
  core::OrderState State = core::OrderState::kNew;
  core::Venue Venue = core::Venue::kXetra;
  std::string Payload;
}};

class IService{i} {{
public:
  virtual ~IService{i}() = default;
  virtual bool Submit(const Request{i} &Request) = 0;
  // Not pure, so a drifted mock still compiles (as drift usually does).
  virtual int Pending(core::Side Side) const {{ return 0; }}
  virtual std::vector<std::string> Names(int Limit) const {{ return {{}}; }}
  virtual void Reset() = 0;
}};

std::unique_ptr<IService{i}> makeService{i}();
std::string describe{i}(core::OrderState State);
int weight{i}(core::Venue Venue);

}} // namespace svc{i}
"""


def service_source(i):
    # Every third service has a switch whose default hides enumerators (a finding).
    hidden = "" if i % 3 else "    // kRejected falls into default\n"
    cancelled = "  case core::OrderState::kCancelled:\n    return \"cancelled\";\n"
    if i % 3:
        cancelled += "  case core::OrderState::kRejected:\n    return \"rejected\";\n"
    return f"""#include "svc{i}/service.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <sstream>
#include <string>

namespace svc{i} {{

namespace {{

class Service : public IService{i} {{
public:
  bool Submit(const Request{i} &Request) override {{
    Queue[Request.Venue].push_back(Request);
    return weight{i}(Request.Venue) > 0;
  }}
  int Pending(core::Side Side) const override {{
    int Total = 0;
    for (const auto &[Venue, Requests] : Queue)
      Total += static_cast<int>(Requests.size());
    return Side == core::Side::kBuy ? Total : Total / 2;
  }}
  std::vector<std::string> Names(int Limit) const override {{
    std::vector<std::string> Result;
    for (const auto &[Venue, Requests] : Queue)
      for (const Request{i} &R : Requests)
        if (static_cast<int>(Result.size()) < Limit)
          Result.push_back(describe{i}(R.State) + ":" + R.Payload);
    std::sort(Result.begin(), Result.end());
    return Result;
  }}
  void Reset() override {{ Queue.clear(); }}

private:
  std::map<core::Venue, std::vector<Request{i}>> Queue;
}};

}} // namespace

std::unique_ptr<IService{i}> makeService{i}() {{ return std::make_unique<Service>(); }}

std::string describe{i}(core::OrderState State) {{
  switch (State) {{
  case core::OrderState::kNew:
    return "new";
  case core::OrderState::kAccepted:
    return "accepted";
  case core::OrderState::kPartiallyFilled:
    return "partial";
  case core::OrderState::kFilled:
    return "filled";
{cancelled}{hidden}  default:
    return std::string(core::kOrderStateNames[static_cast<int>(State) % core::kOrderStateNames.size()]);
  }}
}}

int weight{i}(core::Venue Venue) {{
  switch (Venue) {{
  case core::Venue::kXetra:
    return 3;
  case core::Venue::kEuronext:
    return 2;
  case core::Venue::kLse:
  case core::Venue::kNasdaq:
  case core::Venue::kNyse:
    return 1;
  default:
    return 0;
  }}
}}

}} // namespace svc{i}
"""


def test_source(i):
    # Every other mock has drifted: Pending lost its const, Names takes a size_t.
    drifted = i % 2 == 0
    pending = "MOCK_METHOD(int, Pending, (core::Side Side), ());" if drifted else \
        "MOCK_METHOD(int, Pending, (core::Side Side), (const, override));"
    names = "MOCK_METHOD1(Names, std::vector<std::string>(std::size_t));" if drifted else \
        "MOCK_METHOD(std::vector<std::string>, Names, (int Limit), (const, override));"
    return f"""#include "svc{i}/service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace svc{i} {{
namespace {{

using ::testing::_;
using ::testing::Return;

class MockService : public IService{i} {{
public:
  MOCK_METHOD(bool, Submit, (const Request{i} &Request), (override));
  {pending}
  {names}
  MOCK_METHOD(void, Reset, (), (override));
}};

TEST(Service{i}Test, SubmitsThroughTheInterface) {{
  MockService Mock;
  EXPECT_CALL(Mock, Submit(_)).WillOnce(Return(true));
  IService{i} &Service = Mock;
  EXPECT_TRUE(Service.Submit(Request{i}{{}}));
}}

TEST(Service{i}Test, DescribesEveryState) {{
  for (int S = 0; S < static_cast<int>(core::OrderState::kCount); ++S)
    EXPECT_FALSE(describe{i}(static_cast<core::OrderState>(S)).empty());
  auto Real = makeService{i}();
  EXPECT_EQ(Real->Pending(core::Side::kBuy), 0);
}}

}} // namespace
}} // namespace svc{i}
"""


EXTRA_MEMBERS = ["kAlpha", "kBeta", "kGamma", "kDelta", "kEpsilon", "kZeta", "kEta", "kTheta"]


def extra_header(enums):
    out = ["// More enums, for the report's enum map at scale.", "#pragma once", "", "namespace core {"]
    for k in range(enums):
        out.append(f"enum class Extra{k} {{ {', '.join(EXTRA_MEMBERS)}, kCount }};")
    out.append("} // namespace core")
    return "\n".join(out) + "\n"


def extra_switches(i, services, enums):
    # Service i switches over enums i, i + services, ...; the last case left to default.
    out = ['#include "core/extra.h"', "", f"namespace svc{i} {{"]
    for k in range(i, enums, services):
        cases = "".join(f"  case core::Extra{k}::{m}:\n    return {n};\n"
                        for n, m in enumerate(EXTRA_MEMBERS[:-1]))
        out.append(f"int extra{k}(core::Extra{k} E) {{\n  switch (E) {{\n{cases}  default:\n"
                   f"    return -1;\n  }}\n}}")
    out.append(f"}} // namespace svc{i}")
    return "\n".join(out) + "\n"


def mocks_source(i, per_test):
    # Test i mocks services i*per_test ... (i+1)*per_test - 1, every other one drifted.
    first = i * per_test
    out = [f'#include "svc{j}/service.h"' for j in range(first, first + per_test)]
    out += ["", "#include <gmock/gmock.h>", ""]
    for j in range(first, first + per_test):
        pending = "(core::Side Side), ()" if j % 2 == 0 else "(core::Side Side), (const, override)"
        out.append(f"""namespace svc{j} {{
class MockService{j} : public IService{j} {{
public:
  MOCK_METHOD(bool, Submit, (const Request{j} &Request), (override));
  MOCK_METHOD(int, Pending, {pending});
  MOCK_METHOD(void, Reset, (), (override));
}};
void use{j}() {{ MockService{j} Mock; EXPECT_CALL(Mock, Reset()); }}
}} // namespace svc{j}""")
    return "\n".join(out) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def generate(out_dir, tus, enums=0, mocks_per_test=1):
    tests = max(1, tus // 4)
    services = tus - tests
    write(os.path.join(out_dir, "include/core/types.h"), types_header())
    if enums:
        write(os.path.join(out_dir, "include/core/extra.h"), extra_header(enums))
    lib_sources, test_sources = [], []
    for i in range(max(services, tests * mocks_per_test)):
        write(os.path.join(out_dir, f"include/svc{i}/service.h"), interface_header(i))
    for i in range(services):
        extra = extra_switches(i, services, enums) if enums else ""
        write(os.path.join(out_dir, f"src/svc{i}.cpp"), service_source(i) + extra)
        lib_sources.append(f"src/svc{i}.cpp")
    for i in range(tests):
        source = test_source(i) if mocks_per_test == 1 else mocks_source(i, mocks_per_test)
        write(os.path.join(out_dir, f"tests/svc{i}_test.cpp"), source)
        test_sources.append(f"tests/svc{i}_test.cpp")
    cmake = [
        f"# Synthetic code base of {tus} TUs written by contractcheck's bench/generate-synthetic.py.",
        "cmake_minimum_required(VERSION 3.20)",
        "project(synthetic CXX)",
        "set(CMAKE_CXX_STANDARD 20)",
        "set(CMAKE_EXPORT_COMPILE_COMMANDS ON)",
        "add_library(services STATIC " + " ".join(lib_sources) + ")",
        "target_include_directories(services PUBLIC include)",
        "find_package(GTest REQUIRED)",
        "add_executable(service_tests " + " ".join(test_sources) + ")",
        "target_link_libraries(service_tests PRIVATE services GTest::gmock_main)",
    ]
    write(os.path.join(out_dir, "CMakeLists.txt"), "\n".join(cmake) + "\n")
    return os.path.join(out_dir, "include/core/types.h")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir")
    ap.add_argument("--tus", type=int, default=50)
    ap.add_argument("--enums", type=int, default=0, help="more enums, each switched over once")
    ap.add_argument("--mocks-per-test", type=int, default=1, help="services each test mocks")
    args = ap.parse_args()
    if args.tus < 2:
        ap.error("--tus must be at least 2")
    print(generate(args.out_dir, args.tus, args.enums, args.mocks_per_test))


if __name__ == "__main__":
    sys.exit(main())
