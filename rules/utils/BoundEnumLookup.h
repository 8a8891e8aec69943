// The definition of the C++ enum a data-file or schema binding names, from the calling rule's
// facts of whichever TU defines it, and the one way of saying why there is none to judge with.
#pragma once

#include "rules/utils/EnumDefinitionFact.h"

#include <optional>
#include <string>
#include <string_view>

namespace contractcheck {

class GlobalContext;

// The enum's definition; nullopt after reporting why not: no analysed TU defines it (a
// configuration error at Setting, or an input problem when only part of the codebase was
// analysed) or TUs disagree on it. Binding names the binding in messages.
std::optional<EnumDefinitionFact> definitionForBinding(GlobalContext &Context,
                                                       const std::string &Enum,
                                                       const SourcePosition &Setting,
                                                       const std::string &Binding);

} // namespace contractcheck
