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

// A type spelled as Qt 5 normalises it (QMetaObject::normalizedType, which is also what moc
// records): whitespace only between words, 'const T &', 'T const &' and 'const T' as 'T',
// 'unsigned int' as 'uint', 'struct'/'class'/'enum' dropped, nested templates closed "> >".
std::string normalizedQtType(std::string_view Type);

// A whole signature as QMetaObject::normalizedSignature writes it ("f(const int, QString const&)"
// -> "f(int,QString)").
std::string normalizedQtSignature(std::string_view Signature);

// A normalised type as the meta-type system tells types apart: the names QMetaType registers as
// aliases of one type ("qint64", "long long", "qlonglong") give one key, and so do Qt 5's and
// Qt 6's spellings of a nested template. connect() compares argument types by meta-type, so
// two spellings with one key are one type to it.
std::string qtTypeKey(std::string_view NormalizedType);

} // namespace contractcheck
