#include "BuildId.h"

#include <cstring>
#include <elf.h>
#include <link.h>

namespace contractcheck {

namespace {

constexpr size_t align4(size_t N) { return (N + 3) & ~size_t{3}; }

// The NT_GNU_BUILD_ID note among the notes of one PT_NOTE segment.
std::optional<std::string> buildIdIn(const unsigned char *Notes, size_t Size) {
  size_t At = 0;
  while (At + sizeof(ElfW(Nhdr)) <= Size) {
    ElfW(Nhdr) Header;
    std::memcpy(&Header, Notes + At, sizeof Header);
    size_t Name = At + sizeof Header;
    size_t Desc = Name + align4(Header.n_namesz);
    size_t Next = Desc + align4(Header.n_descsz);
    if (Desc > Size || Desc + Header.n_descsz > Size)
      return std::nullopt;
    if (Header.n_type == NT_GNU_BUILD_ID && Header.n_namesz == 4 &&
        std::memcmp(Notes + Name, "GNU", 4) == 0 && Header.n_descsz > 0) {
      static const char Hex[] = "0123456789abcdef";
      std::string Id;
      for (size_t I = 0; I < Header.n_descsz; ++I) {
        Id += Hex[Notes[Desc + I] >> 4];
        Id += Hex[Notes[Desc + I] & 0xf];
      }
      return Id;
    }
    At = Next;
  }
  return std::nullopt;
}

} // namespace

std::optional<std::string> executableBuildId() {
  std::optional<std::string> Found;
  // The first object dl_iterate_phdr reports is the executable itself.
  dl_iterate_phdr(
      [](struct dl_phdr_info *Info, size_t, void *Data) -> int {
        auto &Out = *static_cast<std::optional<std::string> *>(Data);
        for (ElfW(Half) I = 0; I < Info->dlpi_phnum && !Out; ++I) {
          const ElfW(Phdr) &Segment = Info->dlpi_phdr[I];
          if (Segment.p_type == PT_NOTE)
            Out = buildIdIn(
                reinterpret_cast<const unsigned char *>(Info->dlpi_addr + Segment.p_vaddr),
                Segment.p_memsz);
        }
        return 1; // the executable only
      },
      &Found);
  return Found;
}

} // namespace contractcheck
