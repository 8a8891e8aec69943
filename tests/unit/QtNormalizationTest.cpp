// Our normalisation of Qt signatures against Qt's own: every signature in the table goes through
// the installed QtCore's QMetaObject::normalizedSignature / normalizedType and through
// contractcheck's normalizedQtSignature / normalizedQtType, and the strings must be equal.
#include "rules/string-dispatch/QtSignature.h"

#include <QByteArray>
#include <QMetaObject>
#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace contractcheck {
namespace {

constexpr const char *Signatures[] = {
    "changed(const int)",
    "changed(int const)",
    "changed( const QString & )",
    "changed(QString const&)",
    "changed(QString const &, int)",
    "changed(QString &)",
    "changed(QString&&)",
    "changed(const char *)",
    "changed(char const *)",
    "changed(char *const)",
    "changed(const char *const)",
    "changed(char const * const *)",
    "changed(unsigned int)",
    "changed(unsigned)",
    "changed(unsigned long)",
    "changed(unsigned long int)",
    "changed(unsigned long long)",
    "changed(unsigned short)",
    "changed(unsigned char)",
    "changed(const unsigned int)",
    "changed(const unsigned int &)",
    "changed(long long)",
    "changed(signed char)",
    "changed(qint64)",
    "changed(unsignedness)",
    "changed(struct Point)",
    "changed(class QObject *)",
    "changed(enum Qt::Orientation)",
    "changed(const Qt::Orientation)",
    "changed(QMap<int, QList<int> >)",
    "changed(QMap<int,QList<int>>)",
    "changed(const QMap<QString, QVariant> &)",
    "changed(QList<const QObject *>)",
    "changed(QList<QString const&>)",
    "changed(QPair<const int, QString>)",
    "changed(QHash<QString, QList<QMap<int, int> > >)",
    "changed(std::function<void (int)>)",
    "changed(QSharedPointer<Foo> const &)",
    "changed(ns::Type const)",
    "changed(ns :: Type)",
    "changed(void)",
    "changed()",
    "changed ( int , int )",
    "  changed(int)  ",
    "changed(QObject*,const QModelIndex&,int)",
    "changed(volatile int)",
    "changed(int[4])",
    "changed(A<(1 > 2)>)",
};

TEST(QtNormalizationTest, SignaturesAsQtNormalisesThem) {
  for (const char *Signature : Signatures)
    EXPECT_EQ(normalizedQtSignature(Signature),
              QMetaObject::normalizedSignature(Signature).toStdString())
        << Signature;
}

TEST(QtNormalizationTest, TypesAsQtNormalisesThem) {
  for (const char *Signature : Signatures) {
    std::string Text(Signature);
    size_t Open = Text.find('('), Close = Text.rfind(')');
    std::string Type = Text.substr(Open + 1, Close - Open - 1);
    if (Type.find(',') != std::string::npos && Type.find('<') == std::string::npos)
      continue; // a list of types, not a type
    EXPECT_EQ(normalizedQtType(Type), QMetaObject::normalizedType(Type.c_str()).toStdString())
        << Type;
  }
}

TEST(QtNormalizationTest, ParsedArgumentsAreQtsArguments) {
  for (const char *Signature : Signatures) {
    std::optional<QtSignature> Parsed = parseQtSignature(Signature);
    if (!Parsed)
      continue;
    EXPECT_EQ(Parsed->text(), QMetaObject::normalizedSignature(Signature).toStdString())
        << Signature;
  }
}

} // namespace
} // namespace contractcheck
