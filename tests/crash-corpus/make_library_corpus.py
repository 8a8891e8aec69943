#!/usr/bin/env python3
"""Writes translation units that instantiate the installed libraries, and their compile database,
for run.sh -d: libstdc++ (every standard header, C++17 and C++20, containers, algorithms, ranges,
variant, optional, chrono literals, regex, filesystem, iostreams, enums as keys, values and
indices, switches and name tables over the library's own enums), Qt 5 (every public header of
the modules below, Q_OBJECT classes with their moc output in the TU, old-style SIGNAL()/SLOT()
connects on every signal of every QObject class of those modules, invokeMethod by name,
Q_ENUM/Q_FLAG), gMock/gtest, nlohmann/json and, when installed, every top-level Boost header that
compiles alone. Nothing is vendored: the inputs are generated from the headers installed here.

usage: [JOBS=N] [NO_BOOST=1] [ONLY=REGEX] make_library_corpus.py OUT_DIR

ONLY keeps the translation units whose file name matches the (Python) regex: the suite's
library-corpus-sample test generates a few with it, so a sample runs on every CI machine from the
headers installed there.

Then: tests/crash-corpus/run.sh -d OUT_DIR (about 9 minutes to generate and 18 to run both front
ends at -j2 on the shared 2-core machine, load 8 to 15).

Needs clang++-19 (every TU is checked to compile; one that does not is left out and named),
g++, moc and pkg-config for the Qt part (skipped when missing).
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

CXX = "clang++-19"
STDLIB = "/usr/include/c++/12"
QT_MODULES = ["Core", "Gui", "Widgets", "Network", "Xml", "Sql", "Concurrent", "Test"]
# Headers of libstdc++ that are not for users to include alone, or need another language mode.
STDLIB_SKIP = {"cxxabi.h", "stdatomic.h"}

# Library enums every switch and table below runs over, with the names of a few enumerators.
STD_ENUMS = {
    "std::errc": ["errc::address_family_not_supported", "errc::permission_denied", "errc::timed_out",
                  "errc::invalid_argument"],
    "std::memory_order": ["memory_order_relaxed", "memory_order_acquire", "memory_order_release",
                          "memory_order_acq_rel", "memory_order_seq_cst", "memory_order_consume"],
    "std::float_round_style": ["round_indeterminate", "round_toward_zero", "round_to_nearest",
                               "round_toward_infinity", "round_toward_neg_infinity"],
    "std::float_denorm_style": ["denorm_indeterminate", "denorm_absent", "denorm_present"],
    "std::launch": ["launch::async", "launch::deferred"],
    "std::future_status": ["future_status::ready", "future_status::timeout", "future_status::deferred"],
    "std::future_errc": ["future_errc::broken_promise", "future_errc::no_state"],
    "std::cv_status": ["cv_status::no_timeout", "cv_status::timeout"],
    "std::io_errc": ["io_errc::stream"],
    "std::codecvt_mode": ["little_endian", "generate_header", "consume_header"],
    "std::regex_constants::error_type": ["regex_constants::error_collate", "regex_constants::error_ctype",
                                         "regex_constants::error_escape", "regex_constants::error_space"],
    "std::regex_constants::syntax_option_type": ["regex_constants::icase", "regex_constants::nosubs",
                                                 "regex_constants::ECMAScript"],
    "std::regex_constants::match_flag_type": ["regex_constants::match_default", "regex_constants::match_not_bol"],
    "std::filesystem::file_type": ["filesystem::file_type::none", "filesystem::file_type::regular",
                                   "filesystem::file_type::directory", "filesystem::file_type::symlink"],
    "std::filesystem::perms": ["filesystem::perms::none", "filesystem::perms::owner_read", "filesystem::perms::all"],
    "std::filesystem::copy_options": ["filesystem::copy_options::none", "filesystem::copy_options::recursive"],
    "std::filesystem::directory_options": ["filesystem::directory_options::none",
                                           "filesystem::directory_options::follow_directory_symlink"],
    "std::ios_base::seekdir": ["ios_base::beg", "ios_base::cur", "ios_base::end"],
    "std::chars_format": ["chars_format::scientific", "chars_format::fixed", "chars_format::hex",
                          "chars_format::general"],
    "std::pointer_safety": ["pointer_safety::relaxed", "pointer_safety::preferred", "pointer_safety::strict"],
}
STD_ENUMS_20 = {
    "std::endian": ["endian::little", "endian::big"],
    "std::strong_ordering": None,  # a class, not an enum: compared, not switched
}


def write(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def compiles(args):
    return subprocess.run([CXX, "-fsyntax-only", *args], capture_output=True).returncode == 0


def std_headers():
    names = sorted(n for n in os.listdir(STDLIB)
                   if os.path.isfile(os.path.join(STDLIB, n)) and n not in STDLIB_SKIP)
    return names


def switch_and_table(enum, names, tag):
    """A switch over a library enum (some cases, then a default; all cases known), a name table
    indexed by it, a map keyed by it and a variant/optional holding it."""
    cases = "\n".join(f"  case std::{n}: return \"{n.split('::')[-1]}\";" for n in names)
    table = ", ".join(f"\"{n.split('::')[-1]}\"" for n in names)
    return f"""
const char *to_string_{tag}({enum} v) {{
  switch (v) {{
{cases}
  default: return "?";
  }}
}}
const char *to_string_nodefault_{tag}({enum} v) {{
  switch (v) {{
{cases}
  }}
  return "?";
}}
[[maybe_unused]] constexpr const char *names_{tag}[] = {{{table}}};
const char *name_at_{tag}({enum} v) {{ return names_{tag}[static_cast<std::size_t>(v) % {len(names)}]; }}
std::map<{enum}, std::string> map_{tag}() {{
  std::map<{enum}, std::string> m;
  {"".join(f"m[std::{n}] = names_{tag}[{i}]; " for i, n in enumerate(names))}
  return m;
}}
std::unordered_map<int, {enum}> by_int_{tag};
std::vector<std::pair<{enum}, int>> pairs_{tag}{{{{std::{names[0]}, 0}}}};
std::optional<{enum}> opt_{tag} = std::{names[0]};
std::variant<std::monostate, {enum}, int> var_{tag} = std::{names[0]};
"""


def stdlib_use(std):
    enums = dict(STD_ENUMS)
    if std == "c++20":
        enums.update({k: v for k, v in STD_ENUMS_20.items() if v})
    if std == "c++17":
        enums.pop("std::pointer_safety")
    parts = [switch_and_table(e, n, re.sub(r"\W+", "_", e)) for e, n in enums.items()]
    ranges = ""
    if std == "c++20":
        ranges = """
#include <ranges>
#include <span>
#include <bit>
#include <compare>
#include <concepts>
#include <numbers>
#include <source_location>
#include <stop_token>
#include <syncstream>
auto ranged(std::vector<E> &v) {
  auto odd = v | std::views::filter([](E e) { return static_cast<int>(e) % 2; })
               | std::views::transform([](E e) { return to_string(e); })
               | std::views::take(3) | std::views::reverse;
  std::vector<std::string> out;
  for (auto s : odd) out.emplace_back(s);
  std::ranges::sort(v);
  auto [lo, hi] = std::ranges::minmax(v);
  (void)lo; (void)hi;
  for (auto [i, e] : std::views::iota(0, 3) | std::views::transform([&](int i) { return std::pair{i, v[i]}; })) (void)e;
  std::span<E> sp(v);
  (void)std::ranges::find(sp, E::b);
  (void)std::bit_cast<unsigned>(1.0f);
  return out;
}
template <class T> concept Enumish = std::is_enum_v<T>;
template <Enumish T> constexpr auto raw(T t) { return static_cast<std::underlying_type_t<T>>(t); }
static_assert(raw(E::c) == 2);
auto cmp(E a, E b) { return raw(a) <=> raw(b); }
const char *order(std::strong_ordering o) { return o < 0 ? "lt" : o > 0 ? "gt" : "eq"; }
const char *endian_name() {
  switch (std::endian::native) {
  case std::endian::little: return "little";
  case std::endian::big: return "big";
  }
  return "mixed";
}
"""
    return f"""// Generated by tests/crash-corpus/make_library_corpus.py: libstdc++ instantiated ({std}).
#include <algorithm>
#include <any>
#include <array>
#include <atomic>
#include <bitset>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <filesystem>
#include <forward_list>
#include <fstream>
#include <functional>
#include <future>
#include <iomanip>
#include <iostream>
#include <limits>
#include <list>
#include <map>
#include <memory>
#include <memory_resource>
#include <mutex>
#include <numeric>
#include <optional>
#include <queue>
#include <random>
#include <regex>
#include <set>
#include <shared_mutex>
#include <sstream>
#include <stack>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <valarray>
#include <variant>
#include <vector>
#include <locale>
#include <codecvt>

enum class E {{ a, b, c, d }};
enum Color {{ RED, GREEN, BLUE }};
namespace N {{ enum class E {{ x, y }}; }}
const char *to_string(E e) {{
  switch (e) {{
  case E::a: return "a";
  case E::b: return "b";
  case E::c: return "c";
  case E::d: return "d";
  }}
  return "?";
}}
constexpr std::array<const char *, 4> kNames{{"a", "b", "c", "d"}};
constexpr std::string_view kColorNames[] = {{"RED", "GREEN", "BLUE"}};
void f(const std::string &name);
void g(int, const char *name);
std::map<E, std::string> byEnum{{{{E::a, "a"}}, {{E::b, "b"}}}};
std::map<std::string, E, std::less<>> byName{{{{"a", E::a}}, {{"c", E::c}}}};
std::unordered_map<E, std::vector<Color>> colors{{{{E::a, {{RED, BLUE}}}}}};
std::set<Color> colorSet{{RED}};
std::multimap<Color, E> multi;
std::array<int, 4> counts{{}};
std::bitset<4> bits;
std::vector<std::variant<E, Color, std::string>> mixed{{E::a, RED, std::string("x")}};
std::optional<E> maybe = E::b;
std::tuple<E, Color, N::E> triple{{E::c, GREEN, N::E::y}};
std::any anything = E::d;
std::function<const char *(E)> fn = to_string;
std::unique_ptr<E> owned = std::make_unique<E>(E::a);
std::shared_ptr<Color> shared = std::make_shared<Color>(BLUE);
std::atomic<E> atomicE{{E::a}};
std::pmr::vector<E> pmrVec;
std::deque<std::pair<E, Color>> dq;
std::list<N::E> lst{{N::E::x}};
std::forward_list<E> flst;
std::priority_queue<int> pq;
std::stack<Color> st;
std::valarray<int> va(4);

int use(E e, Color c, std::byte b) {{
  counts[static_cast<std::size_t>(e)]++;
  bits.set(static_cast<std::size_t>(e));
  f(kNames[static_cast<std::size_t>(e)]);
  g(1, to_string(e));
  std::visit([](auto &&v) {{ (void)v; }}, mixed[0]);
  if (auto *p = std::get_if<E>(&mixed[0])) counts[0] += static_cast<int>(*p);
  std::vector<E> v{{E::d, E::a, E::c}};
  std::sort(v.begin(), v.end());
  std::stable_sort(v.begin(), v.end(), [](E x, E y) {{ return x > y; }});
  auto it = std::find_if(v.begin(), v.end(), [](E x) {{ return x == E::c; }});
  auto n = std::count(v.begin(), v.end(), E::a) + std::accumulate(counts.begin(), counts.end(), 0);
  std::transform(v.begin(), v.end(), v.begin(), [](E x) {{ return static_cast<E>((static_cast<int>(x) + 1) % 4); }});
  std::unique(v.begin(), v.end());
  std::rotate(v.begin(), v.begin() + 1, v.end());
  (void)std::binary_search(v.begin(), v.end(), E::b);
  (void)std::max_element(v.begin(), v.end());
  std::nth_element(v.begin(), v.begin() + 1, v.end());
  (void)std::lower_bound(v.begin(), v.end(), E::b);
  std::shuffle(v.begin(), v.end(), std::mt19937{{}});
  switch (b) {{
  case std::byte{{0}}: return 0;
  case std::byte{{0xff}}: return 1;
  default: break;
  }}
  switch (std::to_integer<int>(b)) {{ case 0: break; default: break; }}
  switch (c) {{
  case RED: return 2;
  case GREEN: return 3;
  case BLUE: break;
  }}
  return static_cast<int>(n) + (it != v.end());
}}

int text() {{
  using namespace std::chrono_literals;
  using namespace std::string_literals;
  using namespace std::literals;
  auto d = 1h + 2min + 3s + 4ms + 5us + 6ns;
  auto s = "abc"s + std::string("def");
  auto sv = "view"sv;
  std::regex re(R"((\\w+)@(\\w+))", std::regex_constants::ECMAScript | std::regex_constants::icase);
  std::smatch m;
  if (std::regex_search(s, m, re)) s = m[1].str();
  s = std::regex_replace(s, re, "$2");
  for (std::sregex_iterator i(s.begin(), s.end(), re), end; i != end; ++i) (void)i->str();
  std::ostringstream os;
  os << std::setw(4) << std::hex << 42 << ' ' << std::quoted(s) << to_string(E::a) << d.count();
  std::istringstream is("1 2 3");
  int x = 0;
  while (is >> x) {{}}
  std::ofstream out("/dev/null");
  out << os.str() << std::endl;
  std::cerr << sv << '\\n';
  std::error_code ec;
  std::filesystem::path p = std::filesystem::temp_directory_path(ec) / "x";
  for (auto &entry : std::filesystem::directory_iterator(p.parent_path(), ec)) (void)entry.path();
  if (std::filesystem::status(p, ec).type() == std::filesystem::file_type::regular) return 1;
  char buf[16];
  auto [ptr, err] = std::to_chars(buf, buf + sizeof buf, 3.5);
  if (err == std::errc{{}}) *ptr = 0;
  std::promise<int> pr;
  auto fut = std::async(std::launch::async, [] {{ return 1; }});
  if (fut.wait_for(1ms) == std::future_status::ready) x = fut.get();
  std::mutex mu;
  std::condition_variable cv;
  std::unique_lock lock(mu);
  if (cv.wait_for(lock, 1ms) == std::cv_status::timeout) x++;
  std::shared_mutex smu;
  std::shared_lock sl(smu);
  std::thread t([] {{}});
  t.join();
  std::error_code made = std::make_error_code(std::errc::timed_out);
  if (made == std::errc::timed_out) x++;
  std::atomic<int> ai{{0}};
  ai.fetch_add(1, std::memory_order_relaxed);
  std::wstring_convert<std::codecvt_utf8<wchar_t>> conv;
  std::locale loc("");
  (void)std::use_facet<std::ctype<char>>(loc);
  return x + static_cast<int>(conv.from_bytes("x").size());
}}
{"".join(parts)}
{ranges}
"""


MOC_CLASSES = """// Generated by tests/crash-corpus/make_library_corpus.py: Q_OBJECT classes, Q_ENUM, Q_FLAG,
// QFlags, signals and slots; this file's moc output is included at its end.
#include <QtCore>
#include <QtWidgets>
#include <QtNetwork>
#include <QtTest>

class A : public QObject {
  Q_OBJECT
  Q_PROPERTY(Mode mode READ mode WRITE setMode NOTIFY modeChanged)
  Q_PROPERTY(Options options READ options WRITE setOptions)
public:
  enum Mode { Idle, Running, Stopped };
  Q_ENUM(Mode)
  enum Option { NoOption = 0x0, Verbose = 0x1, Quiet = 0x2, Fast = 0x4 };
  Q_DECLARE_FLAGS(Options, Option)
  Q_FLAG(Options)
  enum class Channel : quint8 { Audio, Video, Data };
  Q_ENUM(Channel)
  explicit A(QObject *parent = nullptr) : QObject(parent) {}
  Mode mode() const { return m_mode; }
  void setMode(Mode m) { if (m != m_mode) { m_mode = m; emit modeChanged(m); } }
  Options options() const { return m_options; }
  void setOptions(Options o) { m_options = o; }
  Q_INVOKABLE int compute(int x, const QString &name) const { return x + name.size(); }
signals:
  void modeChanged(A::Mode mode);
  void channelOpened(A::Channel channel, const QString &name);
  void progress(int done, int total);
  void finished();
public slots:
  void start() { setMode(Running); }
  void stop() { setMode(Stopped); }
  void onProgress(int done, int total) { Q_UNUSED(done) Q_UNUSED(total) }
  void onAny() {}
private slots:
  void onChannel(A::Channel channel, const QString &name) { Q_UNUSED(channel) Q_UNUSED(name) }
private:
  Mode m_mode = Idle;
  Options m_options;
};
Q_DECLARE_OPERATORS_FOR_FLAGS(A::Options)

class MockA : public A {
  Q_OBJECT
public:
  using A::A;
signals:
  void extra(const QVariantMap &map);
};

class Window : public QMainWindow {
  Q_OBJECT
public:
  explicit Window(QWidget *parent = nullptr) : QMainWindow(parent) {
    auto *button = new QPushButton(tr("Go"), this);
    auto *combo = new QComboBox(this);
    connect(button, SIGNAL(clicked()), &m_a, SLOT(start()));
    connect(button, SIGNAL(toggled(bool)), this, SLOT(onToggled(bool)));
    connect(combo, SIGNAL(currentIndexChanged(int)), this, SLOT(onIndex(int)));
    connect(combo, SIGNAL(currentTextChanged(QString)), this, SLOT(onText(QString)));
    connect(&m_a, SIGNAL(modeChanged(A::Mode)), this, SLOT(onMode(A::Mode)));
    connect(&m_a, SIGNAL(progress(int,int)), &m_a, SLOT(onProgress(int,int)));
    connect(&m_a, &A::modeChanged, this, &Window::onMode);
    connect(&m_a, &A::finished, this, [this] { close(); });
    QMetaObject::invokeMethod(&m_a, "start");
    QMetaObject::invokeMethod(&m_a, "stop", Qt::QueuedConnection);
    int r = 0;
    QMetaObject::invokeMethod(&m_a, "compute", Qt::DirectConnection, Q_RETURN_ARG(int, r), Q_ARG(int, 1),
                              Q_ARG(QString, QStringLiteral("x")));
    QMetaObject::invokeMethod(this, "onMode", Q_ARG(A::Mode, A::Running));
  }
public slots:
  void onToggled(bool on) { Q_UNUSED(on) }
  void onIndex(int i) { Q_UNUSED(i) }
  void onText(const QString &t) { Q_UNUSED(t) }
  void onMode(A::Mode mode) {
    switch (mode) {
    case A::Idle: statusBar()->showMessage("idle"); break;
    case A::Running: statusBar()->showMessage("running"); break;
    case A::Stopped: break;
    }
  }
private:
  A m_a;
};

const char *to_string(A::Mode m) {
  switch (m) {
  case A::Idle: return "Idle";
  case A::Running: return "Running";
  case A::Stopped: return "Stopped";
  }
  return "?";
}
static const char *const kModeNames[] = {"Idle", "Running", "Stopped"};
const char *name(A::Mode m) { return kModeNames[m]; }
QString optionsText(A::Options o) {
  QStringList parts;
  if (o & A::Verbose) parts << "verbose";
  if (o.testFlag(A::Quiet)) parts << "quiet";
  if (o & A::Fast) parts << "fast";
  return parts.join('|');
}
QString metaName(A::Channel c) { return QMetaEnum::fromType<A::Channel>().valueToKey(int(c)); }
A::Mode fromName(const QString &s) {
  bool ok = false;
  int v = QMetaEnum::fromType<A::Mode>().keyToValue(s.toUtf8().constData(), &ok);
  return ok ? A::Mode(v) : A::Idle;
}
const char *channelName(A::Channel c) {
  switch (c) {
  case A::Channel::Audio: return "audio";
  case A::Channel::Video: return "video";
  case A::Channel::Data: return "data";
  }
  Q_UNREACHABLE();
}
int keyCode(Qt::Key k) {
  switch (k) {
  case Qt::Key_Escape: return 1;
  case Qt::Key_Return: case Qt::Key_Enter: return 2;
  default: return 0;
  }
}
const char *orientation(Qt::Orientation o) {
  switch (o) {
  case Qt::Horizontal: return "h";
  case Qt::Vertical: return "v";
  }
  return "?";
}
const char *color(Qt::GlobalColor c) {
  switch (c) {
  case Qt::red: return "red";
  case Qt::green: return "green";
  default: return "other";
  }
}
QString eventName(QEvent::Type t) {
  switch (t) {
  case QEvent::MouseButtonPress: return "press";
  case QEvent::KeyPress: return "key";
  case QEvent::Paint: return "paint";
  default: return QString::number(int(t));
  }
}
const char *metaType(QMetaType::Type t) {
  switch (t) {
  case QMetaType::Int: return "int";
  case QMetaType::QString: return "QString";
  default: return QMetaType::typeName(t);
  }
}
const char *state(QAbstractSocket::SocketState s) {
  switch (s) {
  case QAbstractSocket::UnconnectedState: return "unconnected";
  case QAbstractSocket::ConnectedState: return "connected";
  default: return "busy";
  }
}
const char *alignment(Qt::Alignment a) {
  if (a & Qt::AlignLeft) return "left";
  if (a.testFlag(Qt::AlignRight)) return "right";
  return "center";
}
QHash<A::Mode, QString> modeTable{{A::Idle, "idle"}, {A::Running, "running"}};
QMap<QString, A::Channel> channelTable{{"audio", A::Channel::Audio}};
QVector<Qt::GlobalColor> colors{Qt::red, Qt::blue};

class ATest : public QObject {
  Q_OBJECT
private slots:
  void mode_data() {
    QTest::addColumn<A::Mode>("mode");
    QTest::newRow("idle") << A::Idle;
  }
  void mode() {
    QFETCH(A::Mode, mode);
    A a;
    QSignalSpy spy(&a, SIGNAL(modeChanged(A::Mode)));
    a.setMode(mode == A::Idle ? A::Running : A::Idle);
    QCOMPARE(spy.count(), 1);
    QVERIFY(a.mode() != mode);
  }
};

#include "qt_moc_classes.moc"
"""


def qt_flags():
    mods = [f"Qt5{m}" for m in QT_MODULES]
    r = subprocess.run(["pkg-config", "--cflags", *mods], capture_output=True, text=True)
    if r.returncode != 0:
        return None
    return r.stdout.split() + ["-fPIC"]


def qt_classes(flags):
    """The QObject classes declared in the modules' public headers, with Q_OBJECT."""
    classes = []
    inc = [f[2:] for f in flags if f.startswith("-I")]
    for m in QT_MODULES:
        d = next((p for p in inc if p.endswith("/Qt" + m)), None)
        if not d:
            continue
        for h in sorted(glob.glob(os.path.join(d, "q*.h"))):
            text = open(h, errors="replace").read()
            if "Q_OBJECT" not in text:
                continue
            for name in re.findall(r"^class\s+(?:Q_\w+_EXPORT\s+)?(Q\w+)\s*(?:final\s*)?:\s*public\s+Q\w+",
                                   text, re.M):
                classes.append((os.path.basename(h), name))
    return classes


def qt_signals(flags, classes, work):
    """Runs a small program that prints every signal and argument-less slot of each class from its
    meta-object: 'class<TAB>kind<TAB>signature'."""
    lines = ["#include <QtCore>", "#include <QtWidgets>", "#include <QtNetwork>", "#include <QtXml>",
             "#include <QtSql>", "#include <QtConcurrent>", "#include <QtTest>", "#include <cstdio>",
             "#include <cstring>", "#include <type_traits>",
             "template <class T> void dump(const char *name) {",
             "  if constexpr (std::is_base_of_v<QObject, T>) {",
             "  const QMetaObject &mo = T::staticMetaObject;",
             "  if (std::strcmp(mo.className(), name)) return;  // no Q_OBJECT of its own",
             "  for (int i = mo.methodOffset(); i < mo.methodCount(); ++i) {",
             "    QMetaMethod m = mo.method(i);",
             "    if (m.access() == QMetaMethod::Private) continue;",
             "    const char *kind = m.methodType() == QMetaMethod::Signal ? \"signal\" :",
             "                       m.methodType() == QMetaMethod::Slot ? \"slot\" : nullptr;",
             "    if (kind) std::printf(\"%s\\t%s\\t%s\\n\", name, kind, m.methodSignature().constData());",
             "  }", "  }", "}", "int main() {"]
    names = list(dict.fromkeys(c for _, c in classes))
    src = os.path.join(work, "qt_dump_signals.cpp")
    exe = os.path.join(work, "qt_dump_signals")
    libs = subprocess.run(["pkg-config", "--libs", *[f"Qt5{m}" for m in QT_MODULES]],
                          capture_output=True, text=True).stdout.split()
    for _ in range(3):  # classes this build of Qt lacks, and class templates, are dropped
        write(src, "\n".join(lines + [f"  dump<{c}>(\"{c}\");" for c in names] + ["}"]) + "\n")
        r = subprocess.run(["g++", "-std=c++17", "-o", exe, src, *flags, *libs], capture_output=True, text=True)
        if r.returncode == 0:
            break
        missing = set(re.findall(r"error: .(Q\w+). was not declared in this scope", r.stderr))
        missing |= set(re.findall(r"expected a type, got .(Q\w+).", r.stderr))  # class templates
        if not missing:
            break
        names = [c for c in names if c not in missing]
    if r.returncode != 0:
        sys.stderr.write(r.stderr[-3000:])
        raise SystemExit("the Qt signal dumper does not build")
    out = subprocess.run([exe], capture_output=True, text=True, check=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}).stdout
    return [l.split("\t") for l in out.splitlines()]


def qt_connects(methods):
    """Old-style connects on every signal of every class, and invokeMethod on every slot that
    takes no argument, through pointers (many classes are abstract)."""
    by_class = {}
    for cls, kind, sig in methods:
        by_class.setdefault(cls, []).append((kind, sig))
    out = ["// Generated by tests/crash-corpus/make_library_corpus.py: old-style SIGNAL()/SLOT() connects on",
           "// every signal of every QObject class of the Qt modules, invokeMethod on their slots by name.",
           "#include <QtCore>", "#include <QtWidgets>", "#include <QtNetwork>", "#include <QtXml>",
           "#include <QtSql>", "#include <QtConcurrent>", "#include <QtTest>", "",
           "int connectAll(QObject *receiver) {", "  int n = 0;"]
    for cls, ms in by_class.items():
        out.append(f"  if (auto *p = qobject_cast<{cls} *>(receiver)) {{")
        for kind, sig in ms:
            if kind == "signal":
                out.append(f"    n += bool(QObject::connect(p, SIGNAL({sig}), receiver, SLOT(deleteLater())));")
                out.append(f"    n += bool(QObject::connect(p, SIGNAL({sig}), receiver, SIGNAL(destroyed())));")
                out.append(f"    QObject::disconnect(p, SIGNAL({sig}), receiver, SLOT(deleteLater()));")
            elif sig.endswith("()"):
                out.append(f"    n += QMetaObject::invokeMethod(p, \"{sig[:-2]}\", Qt::QueuedConnection);")
        out.append("  }")
    out += ["  return n;", "}", ""]
    return "\n".join(out)


def qt_corpus(out, entries, wanted):
    flags = qt_flags()
    if flags is None or not shutil.which("moc"):
        print("Qt 5 (qtbase5-dev, moc) not installed: Qt left out", file=sys.stderr)
        return
    for m in QT_MODULES:
        # Every public header of the module, one by one (the module header includes them all).
        d = next(f[2:] for f in flags if f.startswith("-I") and f.endswith("/Qt" + m))
        # The public headers are the ones the module header includes (others are per platform).
        headers = re.findall(r'^#include "(q\w+\.h)"', open(os.path.join(d, "Qt" + m)).read(), re.M)
        body = "".join(f"#include <Qt{m}/{h}>\n" for h in headers)
        entries.append((f"qt_headers_{m.lower()}.cpp", f"#include <Qt{m}>\n{body}", ["-std=c++17", *flags]))
    write(os.path.join(out, "qt_moc_classes.cpp"), MOC_CLASSES)
    subprocess.run(["moc", *[f for f in flags if f.startswith(("-I", "-D"))], os.path.join(out, "qt_moc_classes.cpp"),
                    "-o", os.path.join(out, "qt_moc_classes.moc")], check=True)
    entries.append(("qt_moc_classes.cpp", None, ["-std=c++17", *flags]))
    if not (wanted("qt_connects.cpp") or wanted("qt_connects_cxx20.cpp")):
        return  # building the signal dumper takes most of the Qt part's time
    work = os.path.join(out, "qt-work")
    os.makedirs(work, exist_ok=True)
    methods = qt_signals(flags, qt_classes(flags), work)
    print(f"Qt: {len(set(c for c, _, _ in methods))} classes, "
          f"{sum(k == 'signal' for _, k, _ in methods)} signals", file=sys.stderr)
    entries.append(("qt_connects.cpp", qt_connects(methods), ["-std=c++17", *flags]))
    entries.append(("qt_connects_cxx20.cpp", qt_connects(methods), ["-std=c++20", *flags]))


GMOCK = """// Generated by tests/crash-corpus/make_library_corpus.py: gMock and gtest.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <map>
#include <memory>
#include <string>

enum class E { a, b, c };
class A {
public:
  virtual ~A() = default;
  virtual int f(int x) = 0;
  virtual int g(int x) const = 0;
  virtual void h() noexcept = 0;
  virtual std::string name(E e) const noexcept = 0;
  virtual int &ref() & = 0;
  virtual int move() && = 0;
  virtual std::map<int, E> table(const std::pair<int, E> &p) = 0;
  virtual int legacy(int a, double b) = 0;
  virtual int legacyConst(int a) const = 0;
};
class MockA : public A {
public:
  MOCK_METHOD(int, f, (int x), (override));
  MOCK_METHOD(int, g, (int x), (const, override));
  MOCK_METHOD(void, h, (), (noexcept, override));
  MOCK_METHOD(std::string, name, (E e), (const, noexcept, override));
  MOCK_METHOD(int &, ref, (), (ref(&), override));
  MOCK_METHOD(int, move, (), (ref(&&), override));
  MOCK_METHOD((std::map<int, E>), table, ((const std::pair<int, E> &p)), (override));
  MOCK_METHOD2(legacy, int(int a, double b));
  MOCK_CONST_METHOD1(legacyConst, int(int a));
  MOCK_METHOD(void, extra, (E), (Calltype(__cdecl)));
};
template <typename T> class Stack {
public:
  virtual ~Stack() = default;
  virtual int size() const = 0;
  virtual void push(const T &x) = 0;
  virtual T pop() = 0;
};
template <typename T> class MockStack : public Stack<T> {
public:
  MOCK_CONST_METHOD0_T(size, int());
  MOCK_METHOD1_T(push, void(const T &x));
  MOCK_METHOD0_T(pop, T());
};

using ::testing::_;
using ::testing::NiceMock;
using ::testing::Return;
using ::testing::StrictMock;

class Fixture : public ::testing::TestWithParam<E> {};
TEST_P(Fixture, Names) {
  NiceMock<MockA> nice;
  EXPECT_CALL(nice, name(GetParam())).WillOnce(Return("x"));
  EXPECT_EQ(nice.name(GetParam()), "x");
}
INSTANTIATE_TEST_SUITE_P(All, Fixture, ::testing::Values(E::a, E::b, E::c),
                         [](const ::testing::TestParamInfo<E> &info) {
                           switch (info.param) {
                           case E::a: return std::string("a");
                           case E::b: return std::string("b");
                           case E::c: return std::string("c");
                           }
                           return std::string("?");
                         });
TEST(MockA, Strict) {
  StrictMock<MockA> strict;
  EXPECT_CALL(strict, f(_)).Times(2).WillRepeatedly(Return(1));
  EXPECT_CALL(strict, legacy(1, ::testing::DoubleEq(2.0))).WillOnce(Return(3));
  ON_CALL(strict, g(::testing::Gt(0))).WillByDefault(Return(4));
  EXPECT_EQ(strict.f(1) + strict.f(2), 2);
  ::testing::NaggyMock<MockStack<E>> stack;
  EXPECT_CALL(stack, pop()).WillOnce(Return(E::b));
  EXPECT_THAT(stack.pop(), ::testing::Eq(E::b));
}
TEST(Typed, Many) {
  std::unique_ptr<A> a = std::make_unique<NiceMock<MockA>>();
  EXPECT_THAT(a->table({1, E::a}), ::testing::IsEmpty());
  ASSERT_NE(a.get(), nullptr);
}
template <typename T> class TypedTest : public ::testing::Test {};
using Types = ::testing::Types<int, E, std::string>;
TYPED_TEST_SUITE(TypedTest, Types);
TYPED_TEST(TypedTest, Construct) { TypeParam t{}; (void)t; SUCCEED(); }
"""

JSON = """// Generated by tests/crash-corpus/make_library_corpus.py: nlohmann/json.
#include <nlohmann/json.hpp>
#include <map>
#include <optional>
#include <string>
#include <variant>

enum class E { a, b, c, invalid };
NLOHMANN_JSON_SERIALIZE_ENUM(E, {{E::invalid, nullptr}, {E::a, "a"}, {E::b, "b"}, {E::c, "c"}})
enum Color { RED, GREEN, BLUE };
NLOHMANN_JSON_SERIALIZE_ENUM(Color, {{RED, "red"}, {GREEN, "green"}})
namespace N {
enum class E { x, y };
NLOHMANN_JSON_SERIALIZE_ENUM(E, {{E::x, "x"}, {E::y, "y"}})
struct S {
  E e = E::x;
  std::string name;
  std::map<std::string, int> counts;
  NLOHMANN_DEFINE_TYPE_INTRUSIVE(S, e, name, counts)
};
}  // namespace N
struct T { ::E e; Color c; std::vector<N::S> items; };
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(T, e, c, items)

namespace nlohmann {
template <typename U> struct adl_serializer<std::optional<U>> {
  static void to_json(json &j, const std::optional<U> &o) { if (o) j = *o; else j = nullptr; }
  static void from_json(const json &j, std::optional<U> &o) { if (j.is_null()) o.reset(); else o = j.get<U>(); }
};
template <> struct adl_serializer<std::variant<int, std::string>> {
  static void to_json(json &j, const std::variant<int, std::string> &v) {
    std::visit([&](auto &&x) { j = x; }, v);
  }
  static void from_json(const json &j, std::variant<int, std::string> &v) {
    if (j.is_number()) v = j.get<int>(); else v = j.get<std::string>();
  }
};
}  // namespace nlohmann

const char *kind(nlohmann::json::value_t t) {
  switch (t) {
  case nlohmann::json::value_t::null: return "null";
  case nlohmann::json::value_t::object: return "object";
  case nlohmann::json::value_t::array: return "array";
  case nlohmann::json::value_t::string: return "string";
  default: return "scalar";
  }
}
int use() {
  using nlohmann::json;
  using namespace nlohmann::literals;
  json j = R"({"e": "b", "c": "green", "items": [{"e": "y", "name": "n", "counts": {"k": 1}}]})"_json;
  T t = j.get<T>();
  json back = t;
  std::optional<E> o = j.at("e").get<std::optional<E>>();
  std::variant<int, std::string> v = json(3).get<std::variant<int, std::string>>();
  auto p = "/items/0/name"_json_pointer;
  for (auto &[key, value] : j.items()) (void)key, (void)value;
  json patch = json::diff(j, back);
  E e = json("c").get<E>();
  switch (e) {
  case E::a: return 0;
  case E::b: return 1;
  case E::c: return 2;
  case E::invalid: break;
  }
  return static_cast<int>(back.dump().size() + patch.size() + j[p].size() + v.index() + o.has_value());
}
"""


def boost_corpus(entries):
    if not os.path.isdir("/usr/include/boost"):
        print("Boost not installed: left out", file=sys.stderr)
        return
    for h in sorted(glob.glob("/usr/include/boost/*.hpp")):
        name = os.path.basename(h)[:-4]
        entries.append((f"boost_{name}.cpp", f"#include <boost/{name}.hpp>\n", ["-std=c++17"]))


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = os.path.abspath(sys.argv[1])
    os.makedirs(out, exist_ok=True)
    only = re.compile(os.environ.get("ONLY", ""))

    def wanted(name):
        return only.search(name) is not None

    entries = []  # (file name, text or None when written already, flags)
    headers = std_headers()
    for std in ("c++17", "c++20"):
        tag = std.replace("+", "x")
        # <coroutine> is an #error before C++20 without -fcoroutines.
        text = f"// Generated: every libstdc++ header ({std}).\n" + "".join(
            f"#include <{h}>\n" for h in headers if std == "c++20" or h != "coroutine")
        entries.append((f"std_headers_{tag}.cpp", text, [f"-std={std}", "-pthread"]))
        entries.append((f"std_use_{tag}.cpp", stdlib_use(std), [f"-std={std}", "-pthread"]))
    entries.append(("gmock_gtest.cpp", GMOCK, ["-std=c++17"]))
    entries.append(("gmock_gtest_cxx20.cpp", GMOCK, ["-std=c++20"]))
    entries.append(("nlohmann_json.cpp", JSON, ["-std=c++17"]))
    entries.append(("nlohmann_json_cxx20.cpp", JSON, ["-std=c++20"]))
    qt_corpus(out, entries, wanted)
    if not os.environ.get("NO_BOOST"):
        boost_corpus(entries)
    entries = [e for e in entries if wanted(e[0])]

    def check(entry):
        name, text, flags = entry
        path = os.path.join(out, name)
        if text is not None:
            write(path, text)
        ok = compiles([*flags, path])
        return entry if ok else None

    with ThreadPoolExecutor(max_workers=int(os.environ.get("JOBS", "2"))) as pool:
        kept = list(pool.map(check, entries))
    db = []
    for entry, result in zip(entries, kept):
        name, _, flags = entry
        if result is None:
            print(f"does not compile, left out: {name}", file=sys.stderr)
            continue
        db.append({"directory": out, "file": os.path.join(out, name),
                   "arguments": [CXX, *flags, "-c", os.path.join(out, name)]})
    write(os.path.join(out, "compile_commands.json"), json.dumps(db, indent=1))
    print(f"{len(db)} of {len(entries)} translation units in {out}/compile_commands.json", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
