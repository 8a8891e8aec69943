// Whether a change to one line only renamed what it names: a commit that renames an enum's
// members (`IMAGE_FORMAT::PNG_32` made `ImageFormat::png32`, `parse_special_type_comment` made
// `comment` when the enum became an `enum class`) rewrites every line that declares or names
// them, and git blame dates those lines by the rename. A rename is not where the name came from.
#pragma once

#include <llvm/ADT/StringRef.h>

#include <optional>
#include <string>

namespace contractcheck {

// How the line names Name.
enum class RenamedAs {
  Enumerator, // declared in an enumerator list: followed by `,`, `=`, `}` or the line's end
  Label,      // a switch label: `case ...Name:`, or `default:` for the name "default"
};

// The name NewText's Name had in OldText, when NewText is OldText with only names renamed:
// - both lines are the same tokens, whitespace and comments aside, once qualifiers (`X::`) are
//   dropped and `class`/`struct` after `enum` too (an `enum` made `enum class`, its labels
//   qualified);
// - every token that differs is an identifier on both sides whose words are the same after
//   dropping whole leading words from one of them, case and underscores aside (`PNG_32` and
//   `png32`, `RIDE_MODE_NORMAL` and `Normal`, `kFoo` and `Foo`; not `Colour` and `our`, nor
//   `Reserved3` and `Bluetooth`), each old name always becoming the same new one;
// - so every number, string, operator and keyword is unchanged: a line whose value changed is
//   not a rename.
// nullopt when it is not, or when NewText does not name Name as Way says.
std::optional<std::string> renamedFrom(llvm::StringRef OldText, llvm::StringRef NewText,
                                       llvm::StringRef Name, RenamedAs Way);

} // namespace contractcheck
