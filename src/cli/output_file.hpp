#pragma once
// `-o FILE`: a command's whole output written to a file at once, or to stdout for "-". The
// file appears whole or not at all: written beside its final name, then renamed over it.

#include <string>
#include <string_view>

#include "context.hpp"

namespace outreach::cli {

/// Checks before any work that `path` can be written: its folder exists and is a folder, and
/// the path itself is not a folder. IoError "PATH: cannot write: …" otherwise. "-" is stdout.
void check_output_path(const std::string& path);

/// Writes `text` to `path` ("-": ctx.out) whole: into a temporary file in the same folder, then
/// renamed to `path`; on any failure the temporary file is removed and IoError "PATH: cannot
/// write: REASON" is thrown, leaving an earlier file at `path` as it was.
void write_output_file(const std::string& path, std::string_view text, Context& ctx);

}  // namespace outreach::cli
