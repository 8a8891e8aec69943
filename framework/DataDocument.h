// A JSON or YAML file as a tree of positioned nodes (scalars, lists, maps with positioned keys),
// loaded without exceptions: a malformed file is a DataError at its line:col.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace contractcheck {

// 1-based line and byte column, as Clang counts them; 0 means unknown.
struct DataPosition {
  unsigned Line = 0;
  unsigned Column = 0;
  friend bool operator==(const DataPosition &, const DataPosition &) = default;
};

// A problem with a data file (or with a pointer/path into it), at a position in that file.
struct DataError {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  std::string Message;
  // "file:line:col: error: message", leaving out what is unknown.
  std::string render() const;
};

class DataNode {
public:
  enum class Kind { Null, String, Number, Bool, List, Map };
  struct Entry;

  // Defined after Entry, which the members' vectors need complete.
  DataNode();
  DataNode(Kind K, DataPosition Position, std::string Text = {});
  DataNode(const DataNode &);
  DataNode(DataNode &&) noexcept;
  DataNode &operator=(const DataNode &);
  DataNode &operator=(DataNode &&) noexcept;
  ~DataNode();

  Kind kind() const { return K; }
  bool isScalar() const { return K != Kind::List && K != Kind::Map; }
  DataPosition position() const { return Position; }
  // A scalar's text: a string decoded, a number, bool or null as written.
  const std::string &text() const { return Text; }
  // A number written as an integer in range (JSON: -?digits; YAML core schema: decimal, 0x, 0o).
  std::optional<std::int64_t> integer() const;

  const std::vector<DataNode> &items() const { return Items; }
  const std::vector<Entry> &entries() const { return Entries; }
  // The value under Key in a map; nullptr when absent or not a map.
  const DataNode *find(std::string_view Key) const;
  const Entry *findEntry(std::string_view Key) const;

  // "a string", "a list", ... for messages naming what was found.
  std::string_view kindName() const;

  std::vector<DataNode> &mutableItems() { return Items; }
  std::vector<Entry> &mutableEntries() { return Entries; }

private:
  Kind K = Kind::Null;
  DataPosition Position;
  std::string Text;
  std::vector<DataNode> Items;
  std::vector<Entry> Entries;
};

struct DataNode::Entry {
  std::string Key;
  DataPosition KeyPosition;
  DataNode Value;
};

inline DataNode::DataNode() = default;
inline DataNode::DataNode(Kind K, DataPosition Position, std::string Text)
    : K(K), Position(Position), Text(std::move(Text)) {}
inline DataNode::DataNode(const DataNode &) = default;
inline DataNode::DataNode(DataNode &&) noexcept = default;
inline DataNode &DataNode::operator=(const DataNode &) = default;
inline DataNode &DataNode::operator=(DataNode &&) noexcept = default;
inline DataNode::~DataNode() = default;

class DataDocument {
public:
  // Jsonc: JSON with `//` and `/* */` comments and trailing commas, as jsoncpp's default reader
  // accepts it (drogon's config.example.json); only ever asked for by name, not by extension.
  enum class Format { Json, Yaml, Jsonc };

  // Never throws: nullopt with Error set when Text is not one well-formed document of Format
  // (strict JSON, comments and trailing commas aside for Jsonc; duplicate keys an error in all).
  static std::optional<DataDocument> parse(std::string File, std::string_view Text, Format F,
                                           DataError &Error);
  // Reads Path and parses it by extension: .json as JSON, .yaml/.yml as YAML.
  static std::optional<DataDocument> load(const std::string &Path, DataError &Error);
  // The format a file's extension says (.json, .yaml, .yml); nullopt for any other.
  static std::optional<Format> formatOf(std::string_view Path);

  const std::string &file() const { return File; }
  const DataNode &root() const { return Root; }

  // A DataError at a position of this file.
  DataError errorAt(DataPosition Position, std::string Message) const;

private:
  DataDocument(std::string File, DataNode Root) : File(std::move(File)), Root(std::move(Root)) {}
  std::string File;
  DataNode Root;
};

// The limits that keep a hostile file from exhausting the stack or memory.
inline constexpr unsigned MaxDataDepth = 512;
inline constexpr size_t MaxDataNodes = 1'000'000;

} // namespace contractcheck
