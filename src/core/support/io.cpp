// The one place that stats, opens and reads the inputs of a run.
#include "outreach/io.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>
#include <new>

#include <fmt/format.h>

#include "outreach/error.hpp"

namespace outreach {

std::optional<InputPath> inspect_input(const std::string& path, bool missing_ok) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    if (errno == ENOENT && missing_ok) return std::nullopt;
    throw InputError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  }
  if (S_ISDIR(info.st_mode)) throw InputError(fmt::format("{}: is a directory, not a file", path));
  InputPath what;
  what.regular = S_ISREG(info.st_mode);
  if (what.regular) what.size = static_cast<std::uintmax_t>(info.st_size);
  return what;
}

InputFile::InputFile(const std::string& path)
    : name_(path == "-" ? "stdin" : path), is_stdin_(path == "-") {
  if (is_stdin_) return;
  const InputPath what = *inspect_input(path);
  if (what.regular) size_ = what.size;
  file_.open(path, std::ios::binary);
  if (!file_) throw InputError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
}

std::istream& InputFile::stream() { return is_stdin_ ? std::cin : file_; }

std::string read_input_file(const std::string& path, std::size_t max_bytes) {
  InputFile input(path);
  const auto too_large = [&] {
    return InputError(
        fmt::format("{}: too large: more than {}, the most outreach reads for "
                    "this kind of input",
                    input.name(), describe_byte_count(max_bytes)));
  };
  // Refuse a regular file by its size before reading a byte of it.
  if (input.size() && *input.size() > max_bytes) throw too_large();
  std::istream& in = input.stream();
  try {
    // Read in chunks and stop past the limit: stdin, pipes and files that grow have no size to
    // check beforehand. The chunk is left uninitialised: zeroing 64 KiB per file was half the
    // time of checking thousands of small drafts in one process.
    std::string text;
    text.reserve(static_cast<std::size_t>(input.size().value_or(0)));
    constexpr std::size_t chunk_size = std::size_t{1} << 16;
    const auto chunk = std::make_unique_for_overwrite<char[]>(chunk_size);
    while (in) {
      in.read(chunk.get(), static_cast<std::streamsize>(chunk_size));
      const auto got = static_cast<std::size_t>(in.gcount());
      if (got > max_bytes - text.size()) throw too_large();
      text.append(chunk.get(), got);
    }
    if (in.bad()) throw IoError(fmt::format("{}: read error", input.name()));
    return text;
  } catch (const std::bad_alloc&) {
    throw IoError(fmt::format("{}: out of memory while reading it", input.name()));
  }
}

}  // namespace outreach
