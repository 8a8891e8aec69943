#include "string-dispatch/QtSignature.h"

#include <gtest/gtest.h>

namespace contractcheck {
namespace {

using Types = std::vector<std::string>;

TEST(QtSignatureTest, NormalisesTypesAsQtDoes) {
  EXPECT_EQ(normalizedQtType(" const QString & "), "QString");
  EXPECT_EQ(normalizedQtType("QString const&"), "QString");
  EXPECT_EQ(normalizedQtType("QString &"), "QString&");
  EXPECT_EQ(normalizedQtType("const char *"), "const char*");
  EXPECT_EQ(normalizedQtType("unsigned int"), "uint");
  EXPECT_EQ(normalizedQtType("unsigned"), "uint");
  EXPECT_EQ(normalizedQtType("long long"), "qlonglong");
  EXPECT_EQ(normalizedQtType("QMap<int, QList<int> >"), "QMap<int,QList<int>>");
  EXPECT_EQ(normalizedQtType("QString &&"), "QString&&");
  // Not a word boundary: "unsignedness" is a type name of its own.
  EXPECT_EQ(normalizedQtType("unsignedness"), "unsignedness");
}

TEST(QtSignatureTest, ParsesNameAndArguments) {
  auto Signature = parseQtSignature("valueChanged( const QString &, int )");
  ASSERT_TRUE(Signature);
  EXPECT_EQ(Signature->Name, "valueChanged");
  EXPECT_EQ(Signature->Arguments, (Types{"QString", "int"}));
  EXPECT_EQ(Signature->text(), "valueChanged(QString,int)");

  auto Template = parseQtSignature("set(QMap<int,QString>,bool)");
  ASSERT_TRUE(Template);
  EXPECT_EQ(Template->Arguments, (Types{"QMap<int,QString>", "bool"}));

  auto Empty = parseQtSignature("reset()");
  ASSERT_TRUE(Empty);
  EXPECT_TRUE(Empty->Arguments.empty());
  auto Void = parseQtSignature("reset(void)");
  ASSERT_TRUE(Void);
  EXPECT_TRUE(Void->Arguments.empty());
}

TEST(QtSignatureTest, RejectsWhatIsNotASignature) {
  EXPECT_FALSE(parseQtSignature("reset"));
  EXPECT_FALSE(parseQtSignature("(int)"));
  EXPECT_FALSE(parseQtSignature("a b(int)"));
  EXPECT_FALSE(parseQtSignature("f(int))"));
  EXPECT_FALSE(parseQtSignature("9f()"));
}

} // namespace
} // namespace contractcheck
