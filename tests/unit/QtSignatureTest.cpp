#include "rules/string-dispatch/QtSignature.h"

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
  EXPECT_EQ(normalizedQtType("long long"), "long long");
  EXPECT_EQ(normalizedQtType("const int"), "int");
  EXPECT_EQ(normalizedQtType("int const"), "int");
  EXPECT_EQ(normalizedQtType("const char *const"), "char*const"); // as Qt 5 has it
  EXPECT_EQ(normalizedQtType("QMap<int, QList<int> >"), "QMap<int,QList<int> >");
  EXPECT_EQ(normalizedQtType("QMap<int,QList<int>>"), "QMap<int,QList<int> >");
  EXPECT_EQ(normalizedQtType("QString &&"), "QString&&");
  // Not a word boundary: "unsignedness" is a type name of its own.
  EXPECT_EQ(normalizedQtType("unsignedness"), "unsignedness");
}

TEST(QtSignatureTest, KeysTellTypesApartAsTheMetaTypeSystemDoes) {
  EXPECT_EQ(qtTypeKey("qint64"), qtTypeKey("long long"));
  EXPECT_EQ(qtTypeKey("qlonglong"), qtTypeKey("long long"));
  EXPECT_EQ(qtTypeKey("quint32"), qtTypeKey("uint"));
  EXPECT_EQ(qtTypeKey("unsigned short"), qtTypeKey("ushort"));
  EXPECT_EQ(qtTypeKey("QList<QVariant>"), qtTypeKey("QVariantList"));
  EXPECT_EQ(qtTypeKey("QMap<int,QList<int> >"), qtTypeKey("QMap<int,QList<int>>"));
  EXPECT_NE(qtTypeKey("int"), qtTypeKey("uint"));
  EXPECT_NE(qtTypeKey("qint8"), qtTypeKey("char"));
  EXPECT_NE(qtTypeKey("QString"), qtTypeKey("QString&"));
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
