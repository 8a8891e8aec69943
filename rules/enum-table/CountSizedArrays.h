// An array whose dimension is its enum's count (`const char *MetadataValueNames
// [MetadataValueTypeCount] = {"start_sample", "end_sample" "text"}`, pulseview's metadata_obj.cpp)
// declares one slot per enumerator below the count, whether or not this translation unit reads
// it: pulseview's array is `extern` and read nowhere yet, and its missing comma glues two names,
// leaving the last slot null. Such an array is judged by its declaration, for the slots its
// initializer leaves empty. And the explanation a finding of a short list may carry: adjacent
// string literals the compiler joined into one entry.
#pragma once

#include "rules/enum-table/IndexedArrays.h"

#include <string>
#include <vector>

namespace clang {
class ASTContext;
class EnumConstantDecl;
class SourceManager;
class LangOptions;
class VarDecl;
} // namespace clang

namespace contractcheck {

class SentinelPolicy;

// The enumerator the array's one enum dimension is, when it is the count of its enum: the
// greatest value, or a count followed only by catch-alls (`NumSquares, InvalidSquare = 255`, the
// policy indexed arrays follow). Null for anything else: a dimension computed from it (`Count +
// 1`), two enum dimensions, an enumerator in the middle of its enum.
const clang::EnumConstantDecl *countSizing(const clang::VarDecl &Var,
                                           const SentinelPolicy &Sentinels,
                                           const std::vector<std::string> &CatchAllWords);

// `= {}`, `= {0}`, `= {nullptr}`, `= {{}}`: at most one initializer, holding zero. Zero-fill is
// what such a list asks for: storage filled later, not a table of the enumerators.
bool initializedAsStorage(const clang::VarDecl &Var, const clang::ASTContext &Ctx);

// When the slots the array lacks are its last ones and an initializer before them is adjacent
// string literals joined into one (`"end_sample" "text"`, each token written out, not from a
// macro) with at least as many joins as slots missing: `"end_sample" "text" are one string: is a
// comma missing?`. Empty otherwise.
std::string gluedLiteralsHint(const ArrayGaps &Gaps, const clang::SourceManager &SM,
                              const clang::LangOptions &LangOpts);

} // namespace contractcheck
