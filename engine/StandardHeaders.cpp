#include "StandardHeaders.h"

#include <clang/Tooling/Inclusions/StandardLibrary.h>

#include <algorithm>
#include <iterator>
#include <string>

namespace contractcheck {

namespace {

// Standard headers that Clang's table (clang::tooling::stdlib, built from the symbols each header
// declares) does not list: those that declare no symbol of their own (<ciso646>, <version>,
// <stdbool.h>) and C++23's newest. Sorted.
constexpr std::string_view NotInClangsTable[] = {
    "ccomplex", "ciso646",  "cstdalign", "cstdbool", "ctgmath",  "expected",  "flat_map",
    "flat_set", "generator", "mdspan",   "print",    "stdbool.h", "stdfloat", "tgmath.h",
    "version"};

static_assert(std::is_sorted(std::begin(NotInClangsTable), std::end(NotInClangsTable)));

// POSIX.1-2017's headers beyond C's, and glibc's and libstdc++'s own public ones, sorted; any
// sys/ header too.
// clang-format off
constexpr std::string_view Platform[] = {
    "aio.h", "alloca.h", "arpa/inet.h", "byteswap.h", "cpio.h", "cxxabi.h", "dirent.h", "dlfcn.h",
    "endian.h", "execinfo.h", "fcntl.h", "features.h", "fmtmsg.h", "fnmatch.h", "ftw.h",
    "getopt.h", "glob.h", "grp.h", "iconv.h", "langinfo.h", "libgen.h", "malloc.h", "monetary.h",
    "mqueue.h", "ndbm.h", "net/if.h", "netdb.h", "netinet/in.h", "netinet/tcp.h", "nl_types.h",
    "poll.h", "pthread.h", "pwd.h", "regex.h", "sched.h", "search.h", "semaphore.h", "spawn.h",
    "strings.h", "stropts.h", "syslog.h", "tar.h", "termios.h", "trace.h", "ulimit.h", "unistd.h",
    "utime.h", "utmpx.h", "wordexp.h"};
// clang-format on

static_assert(std::is_sorted(std::begin(Platform), std::end(Platform)));

} // namespace

bool isStandardHeader(std::string_view Spelling) {
  namespace stdlib = clang::tooling::stdlib;
  // Clang's table also knows the Technical Specifications' <experimental/...>: not standard.
  if (Spelling.starts_with("experimental/"))
    return false;
  std::string Name = "<" + std::string(Spelling) + ">";
  return stdlib::Header::named(Name, stdlib::Lang::CXX) ||
         stdlib::Header::named(Name, stdlib::Lang::C) ||
         std::binary_search(std::begin(NotInClangsTable), std::end(NotInClangsTable), Spelling);
}

bool isPlatformHeader(std::string_view Spelling) {
  return Spelling.starts_with("sys/") ||
         std::binary_search(std::begin(Platform), std::end(Platform), Spelling);
}

bool isOrderFreeStandardHeader(std::string_view Spelling) {
  return isStandardHeader(Spelling) && Spelling != "assert.h" && Spelling != "cassert";
}

} // namespace contractcheck
