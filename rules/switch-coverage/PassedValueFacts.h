// The facts through which contract-switch-coverage's passed-values finds the values that reach a
// switch (PassedValues.h): the calls that pass enumerator constants, and the functions whose every
// `return` returns one. Clang-free: the global step reads them back from the result store.
#pragma once

#include "Facts.h"
#include "Finding.h"
#include "JsonFields.h"

#include <string>
#include <vector>

namespace contractcheck {

// An argument written as an enumerator (`f(LT_ERROR)`, `f(Kind::A)`, through casts and a default
// argument) or a choice of them (`c ? A : B`): the enum, and every name of each value it may be
// (aliases included), by USR.
struct PassedArgument {
  unsigned Index = 0;
  std::string Enum;
  std::vector<std::string> Values;
};
CONTRACTCHECK_JSON_FIELDS(PassedArgument, (Index, "index"), (Enum, "enum"), (Values, "values"))

// A call of a project function (by USR) with at least one such argument. Its callee is not among
// the file's other references (FunctionRefsFact): what it passes is said here.
struct ConstantCallFact {
  static constexpr std::string_view Kind = "constant-call";
  static constexpr unsigned Version = 1;
  SourcePosition Where;
  std::string Callee;
  std::vector<PassedArgument> Arguments;
  std::string key() const {
    return Where.File + ":" + std::to_string(Where.Line) + ":" + std::to_string(Where.Column) +
           "#" + Callee;
  }
};
CONTRACTCHECK_JSON_FIELDS(ConstantCallFact, (Where, "where"), (Callee, "callee"),
                          (Arguments, "arguments"))

// A function (not virtual, not a template) whose every `return` returns an enumerator of Enum
// written as a constant (or a choice of them): what a call of it can give, by USR.
struct ReturnedValuesFact {
  static constexpr std::string_view Kind = "returned-values";
  static constexpr unsigned Version = 1;
  std::string Function;
  std::string Enum;
  std::vector<std::string> Values;
  std::string key() const { return Function; }
};
CONTRACTCHECK_JSON_FIELDS(ReturnedValuesFact, (Function, "function"), (Enum, "enum"),
                          (Values, "values"))

} // namespace contractcheck
