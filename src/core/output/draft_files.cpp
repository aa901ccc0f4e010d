// `--drafts DIR`: what each prospect will be sent, one draft file each, in `check`'s format.
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "outreach/error.hpp"
#include "outreach/output.hpp"
#include "support/fnv.hpp"

namespace outreach {
namespace {

bool safe_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

// The channel a draft file names in its `Channel:` header.
std::string_view channel_of(const PlannedProspect& row) {
  return row.channel == PlanChannel::inmail    ? "inmail"
         : row.channel == PlanChannel::connect ? "connect"
                                               : "message";
}

}  // namespace

std::string draft_file_name(std::string_view id) {
  std::string name;
  bool changed = false;
  for (const char c : id) {
    changed = changed || !safe_byte(c);
    name += safe_byte(c) ? c : '_';
  }
  if (changed) name += fmt::format("-{:08x}", static_cast<std::uint32_t>(fnv1a64(id)));
  return name + ".txt";
}

std::size_t write_draft_files(const PlanResult& plan, const std::string& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) throw IoError(fmt::format("{}: cannot make the folder: {}", dir, error.message()));
  std::size_t written = 0;
  for (const PlannedProspect& row : plan.prospects) {
    if (!row.extras || !row.extras->body || !row.send_at) continue;
    const std::filesystem::path path = std::filesystem::path(dir) / draft_file_name(row.id);
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << "Channel: " << channel_of(row) << '\n';
    if (row.extras->subject) file << "Subject: " << *row.extras->subject << '\n';
    file << '\n' << *row.extras->body << '\n';
    file.close();
    if (!file)
      throw IoError(fmt::format("{}: cannot write: {}", path.string(), std::strerror(errno)));
    ++written;
  }
  return written;
}

}  // namespace outreach
