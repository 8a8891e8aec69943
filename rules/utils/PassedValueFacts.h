// The facts through which passed-values finds the values that reach a parameter (PassedValues.h):
// the calls that pass enumerator constants (or values that can only be some of them), the
// functions whose every `return` returns one, and every other reference to a function, through
// which any value may come. contract-switch-coverage reads them for a switch on a parameter,
// contract-enum-table for an array read at one. Clang-free: the global steps read them back from
// the result store.
#pragma once

#include "Facts.h"
#include "Finding.h"
#include "JsonFields.h"
#include "PositionKey.h"

#include <string>
#include <vector>

namespace contractcheck {

// An argument written as an enumerator (`f(LT_ERROR)`, `f(Kind::A)`, through casts and a default
// argument) or a choice of them (`c ? A : B`): the enum, and every name of each value it may be
// (aliases included), by USR. Or an argument read from a bit-field (BitFieldRanges.h: valhalla's
// `GetRoadClass(edge->classification())`, 3 bits): every enumerator its width can hold. Or the
// caller's own parameter passed on unchanged (NanoBoyAdvance's `ROM::SetEEPROMSizeHint(size)`
// calling `SetSizeHint(size)`): Values empty, and what reaches it is what every call of From
// passes as its parameter FromParameter.
struct PassedArgument {
  unsigned Index = 0;
  std::string Enum;
  std::vector<std::string> Values;
  std::string From;
  unsigned FromParameter = 0;
};
CONTRACTCHECK_JSON_FIELDS(PassedArgument, (Index, "index"), (Enum, "enum"), (Values, "values"),
                          (From, "from"), (FromParameter, "from-parameter"))

// A call of a project function (by USR) with at least one such argument. Its callee is not among
// the file's other references (FunctionRefsFact): what it passes is said here.
struct ConstantCallFact {
  static constexpr std::string_view Kind = "constant-call";
  static constexpr unsigned Version = 2;
  SourcePosition Where;
  std::string Callee;
  std::vector<PassedArgument> Arguments;
  std::string key() const {
    return positionKey(Where) + "#" + Callee;
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

// Every other reference to a function with an integer or enum parameter spelled in one file (a
// call from anywhere else, its address taken), by USR: values no fact above describes may reach
// it.
struct FunctionRefsFact {
  static constexpr std::string_view Kind = "function-refs";
  static constexpr unsigned Version = 1;
  std::string File;
  std::vector<std::string> Functions;
  std::string key() const { return File; }
};
CONTRACTCHECK_JSON_FIELDS(FunctionRefsFact, (File, "file"), (Functions, "functions"))

} // namespace contractcheck
