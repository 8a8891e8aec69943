// Qt's string-based method signatures ("2valueChanged(int)" from SIGNAL(), "1setText(QString)"
// from SLOT()) parsed and normalised the way QMetaObject::normalizedSignature does, so a
// signature written by hand compares with the one moc would record for a declaration.
// Free of Clang headers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contractcheck {

// What the leading digit of a SIGNAL()/SLOT()/METHOD() string says the method must be.
enum class QtMethodCode { Method = '0', Slot = '1', Signal = '2' };

struct QtSignature {
  std::string Name;
  std::vector<std::string> Arguments; // each normalised (normalizedQtType)
  std::string text() const;           // "name(a,b)"
};

// "valueChanged(int)" -> {valueChanged, [int]}; nullopt when it is not a name followed by a
// balanced argument list (a signature built at runtime, or not a signature at all).
std::optional<QtSignature> parseQtSignature(std::string_view Text);

// A type spelled as Qt normalises it: whitespace only between words, 'const T &' and 'T const &'
// as 'T', a trailing 'const' moved to the front, 'unsigned int' as 'uint' and the like.
std::string normalizedQtType(std::string_view Type);

} // namespace contractcheck
