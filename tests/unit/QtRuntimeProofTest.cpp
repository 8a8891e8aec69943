// The Qt fixtures' claims about runtime, checked against Qt itself: the fixtures
// contract-string-dispatch/qt-without-q-object/ and its -silent twin, built here with moc and uic
// (AUTOMOC, AUTOUIC: a header without Q_OBJECT is not given to moc, as in any project) and run
// on the offscreen platform. What contractcheck reports in the fixture fails here with Qt's own
// warning; what it leaves silent connects.
#include "Couriers.h"
#include "Exporter.h"
#include "Importer.h"
#include "Station.h"

#include <QApplication>
#include <QString>
#include <QStringList>
#include <gtest/gtest.h>

#include <memory>

namespace {

QStringList Messages;

void record(QtMsgType, const QMessageLogContext &, const QString &Message) {
  Messages.push_back(Message);
}

// The messages Qt logs while Run runs.
template <typename F> QStringList logged(F Run) {
  Messages.clear();
  QtMessageHandler Previous = qInstallMessageHandler(record);
  Run();
  qInstallMessageHandler(Previous);
  return Messages;
}

TEST(QtRuntimeProof, AFormConnectingToASlotOfAClassWithoutQObjectFailsOnTheBasesMetaObject) {
  QStringList Log = logged([] { Exporter Form; });
  EXPECT_TRUE(Log.contains("QObject::connect: No such slot QDialog::exportAll()"))
      << Log.join('\n').toStdString();
  // The connection to QDialog's reject() is made.
  EXPECT_FALSE(Log.join('\n').contains("reject")) << Log.join('\n').toStdString();
}

TEST(QtRuntimeProof, AFormOfAClassWithQObjectOrConnectingToTheBasesSlotsConnectsSilently) {
  QStringList Log = logged([] {
    Importer Form;
    Notice Plain;
  });
  EXPECT_TRUE(Log.isEmpty()) << Log.join('\n').toStdString();
}

TEST(QtRuntimeProof, StringsNamingMethodsOfClassesWithoutQObjectFailInCode) {
  QObject Source;
  bool Wired = true;
  QStringList Log = logged([&] { Wired = wireRelays(&Source); });
  EXPECT_FALSE(Wired);
  EXPECT_TRUE(Log.contains("QObject::connect: No such slot QObject::forward()"))
      << Log.join('\n').toStdString();
  EXPECT_TRUE(Log.contains("QMetaObject::invokeMethod: No such method QObject::flush()"))
      << Log.join('\n').toStdString();
  EXPECT_TRUE(Log.contains("QObject::connect: No such slot Station::board()"))
      << Log.join('\n').toStdString();
}

TEST(QtRuntimeProof, StringsNamingMethodsOfClassesWithQObjectConnectInCode) {
  QObject Source;
  Ferry Boat;
  bool Wired = false;
  QStringList Log = logged([&] { Wired = wireCouriers(&Source, &Boat); });
  EXPECT_TRUE(Wired);
  EXPECT_TRUE(Log.isEmpty()) << Log.join('\n').toStdString();
}

} // namespace

int main(int argc, char **argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
    qputenv("QT_QPA_PLATFORM", "offscreen");
  ::testing::InitGoogleTest(&argc, argv);
  QApplication App(argc, argv);
  return RUN_ALL_TESTS();
}
