#include "StandardHeaders.h"

#include <algorithm>
#include <iterator>

namespace contractcheck {

namespace {

// C++23 [headers] tables 24 and 26 and C17 7.1.2, sorted.
// clang-format off
constexpr std::string_view Standard[] = {
    "algorithm", "any", "array", "assert.h", "atomic", "barrier", "bit", "bitset", "cassert",
    "ccomplex", "cctype", "cerrno", "cfenv", "cfloat", "charconv", "chrono", "cinttypes",
    "ciso646", "climits", "clocale", "cmath", "codecvt", "compare", "complex", "complex.h",
    "concepts", "condition_variable", "coroutine", "csetjmp", "csignal", "cstdalign", "cstdarg",
    "cstdbool", "cstddef", "cstdint", "cstdio", "cstdlib", "cstring", "ctgmath", "ctime",
    "ctype.h", "cuchar", "cwchar", "cwctype", "deque", "errno.h", "exception", "execution",
    "expected", "fenv.h", "filesystem", "flat_map", "flat_set", "float.h", "format",
    "forward_list", "fstream", "functional", "future", "generator", "initializer_list",
    "inttypes.h", "iomanip", "ios", "iosfwd", "iostream", "iso646.h", "istream", "iterator",
    "latch", "limits", "limits.h", "list", "locale", "locale.h", "map", "math.h", "mdspan",
    "memory", "memory_resource", "mutex", "new", "numbers", "numeric", "optional", "ostream",
    "print", "queue", "random", "ranges", "ratio", "regex", "scoped_allocator", "semaphore", "set",
    "setjmp.h", "shared_mutex", "signal.h", "source_location", "span", "spanstream", "sstream",
    "stack", "stacktrace", "stdalign.h", "stdarg.h", "stdatomic.h", "stdbool.h", "stddef.h",
    "stdexcept", "stdfloat", "stdint.h", "stdio.h", "stdlib.h", "stdnoreturn.h", "stop_token",
    "streambuf", "string", "string.h", "string_view", "strstream", "syncstream", "system_error",
    "tgmath.h", "thread", "threads.h", "time.h", "tuple", "type_traits", "typeindex", "typeinfo",
    "uchar.h", "unordered_map", "unordered_set", "utility", "valarray", "variant", "vector",
    "version", "wchar.h", "wctype.h"};
// clang-format on

static_assert(std::is_sorted(std::begin(Standard), std::end(Standard)));

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
  return std::binary_search(std::begin(Standard), std::end(Standard), Spelling);
}

bool isPlatformHeader(std::string_view Spelling) {
  return Spelling.starts_with("sys/") ||
         std::binary_search(std::begin(Platform), std::end(Platform), Spelling);
}

bool isOrderFreeStandardHeader(std::string_view Spelling) {
  return isStandardHeader(Spelling) && Spelling != "assert.h" && Spelling != "cassert";
}

} // namespace contractcheck
