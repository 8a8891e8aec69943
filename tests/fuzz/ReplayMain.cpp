// A main for the libFuzzer targets without libFuzzer: runs LLVMFuzzerTestOneInput on every file
// of the directories (or files) given, so that ctest replays the committed seeds and the fixed
// findings with the ordinary compiler on every run.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *Data, std::size_t Size);

int main(int Argc, char **Argv) {
  namespace fs = std::filesystem;
  std::vector<fs::path> Inputs;
  for (int I = 1; I < Argc; ++I) {
    if (fs::is_directory(Argv[I])) {
      for (const fs::directory_entry &E : fs::directory_iterator(Argv[I]))
        if (E.is_regular_file())
          Inputs.push_back(E.path());
    } else {
      Inputs.push_back(Argv[I]);
    }
  }
  if (Inputs.empty()) {
    std::cerr << "replay: no inputs\n";
    return 2;
  }
  for (const fs::path &P : Inputs) {
    std::ifstream In(P, std::ios::binary);
    std::vector<char> Bytes((std::istreambuf_iterator<char>(In)), std::istreambuf_iterator<char>());
    if (!In.good() && !In.eof()) {
      std::cerr << "replay: cannot read " << P << "\n";
      return 2;
    }
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(Bytes.data()), Bytes.size());
  }
  std::cout << "replayed " << Inputs.size() << " inputs\n";
  return 0;
}
