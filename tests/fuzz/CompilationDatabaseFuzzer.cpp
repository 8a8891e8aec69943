// libFuzzer target: compile_commands.json reading, response-file expansion included. Any input
// must end in a database or an InputError.
#include "CompilationDatabase.h"
#include "FuzzInput.h"
#include "InputError.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Path = contractcheck::fuzz::writeInput(Data, Size, "compile_commands.json");
  try {
    contractcheck::CompilationDatabase Db = contractcheck::CompilationDatabase::load(Path);
    // A command is split, unwrapped, expanded and mangled when first used: used here.
    for (const contractcheck::CompileCommand &Command : Db.commands())
      static_cast<void>(Db.find(Command.File)->arguments());
  } catch (const contractcheck::InputError &) {
  }
  return 0;
}
