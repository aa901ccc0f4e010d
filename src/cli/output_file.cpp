#include "output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <vector>

#include <fmt/format.h>

#include "outreach/error.hpp"
#include "outreach/text.hpp"

namespace outreach::cli {
namespace {

[[noreturn]] void cannot_write(const std::string& path, const std::string& reason) {
  throw IoError(fmt::format("{}: cannot write: {}", printable(path), reason));
}

std::filesystem::path folder_of(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? std::filesystem::path(".") : parent;
}

}  // namespace

void check_output_path(const std::string& path) {
  if (path == "-") return;
  if (path.empty()) cannot_write(path, "an empty file name");
  std::error_code error;
  const std::filesystem::path folder = folder_of(path);
  const auto folder_status = std::filesystem::status(folder, error);
  if (!std::filesystem::exists(folder_status))
    cannot_write(path, fmt::format("the folder {} does not exist", printable(folder.string())));
  if (!std::filesystem::is_directory(folder_status))
    cannot_write(path, fmt::format("{} is not a folder", printable(folder.string())));
  if (std::filesystem::is_directory(path, error)) cannot_write(path, "it is a folder");
}

void write_output_file(const std::string& path, std::string_view text, Context& ctx) {
  if (path == "-") {
    ctx.out << text;
    ctx.out.flush();
    return;
  }
  check_output_path(path);
  std::string name = (folder_of(path) / ".outreach-XXXXXX").string();
  std::vector<char> temp(name.begin(), name.end());
  temp.push_back('\0');
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) cannot_write(path, std::strerror(errno));
  const std::string temp_path(temp.data());
  const auto fail = [&](int error) {
    ::close(fd);
    ::unlink(temp_path.c_str());
    cannot_write(path, std::strerror(error));
  };
  const char* data = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    const ssize_t written = ::write(fd, data, left);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) fail(written < 0 ? errno : ENOSPC);
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  // mkstemp makes the file 0600; a report is an ordinary file (0666 less the umask).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  if (::fchmod(fd, 0666 & ~mask) != 0 || ::fsync(fd) != 0) fail(errno);
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temp_path.c_str());
    cannot_write(path, std::strerror(error));
  }
  if (::rename(temp_path.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp_path.c_str());
    cannot_write(path, std::strerror(error));
  }
}

}  // namespace outreach::cli
