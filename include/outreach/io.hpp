#pragma once
/// Opening the files that drive a run. Every input — prospects, account, rules, ledger,
/// templates, drafts — is checked and opened through here, so that a missing file, a directory
/// or a file too large gets the same one-line error naming its path.

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iosfwd>
#include <optional>
#include <string>

#include "outreach/limits.hpp"

namespace outreach {

/// What an input path names.
struct InputPath {
  bool regular = false;     ///< a regular file (not a pipe or a device)
  std::uintmax_t size = 0;  ///< its size, for a regular file
};

/// Checks an input path before it is opened: InputError "PATH: cannot open: REASON" or
/// "PATH: is a directory, not a file"; nullopt for a file that does not exist when `missing_ok`.
std::optional<InputPath> inspect_input(const std::string& path, bool missing_ok = false);

/// An input read as a stream: a file by its path, or standard input for "-".
class InputFile {
 public:
  /// Opens it; InputError as inspect_input says, or when it cannot be opened.
  explicit InputFile(const std::string& path);

  std::istream& stream();
  /// How errors name it: the path, or "stdin".
  const std::string& name() const { return name_; }
  /// Its size, when it is a regular file.
  std::optional<std::uintmax_t> size() const { return size_; }

 private:
  std::string name_;
  std::optional<std::uintmax_t> size_;
  std::ifstream file_;
  bool is_stdin_ = false;
};

/// The whole of an input (a file, or stdin for "-"), read in chunks so that stdin, pipes and
/// growing files stop at the limit too: InputError "NAME: too large: more than 4 MiB, …" past
/// `max_bytes`, IoError on a read error or when memory runs out for it.
std::string read_input_file(const std::string& path, std::size_t max_bytes = max_document_bytes);

}  // namespace outreach
