// The outreach executable: everything but this file lives in the library or in one file per
// subcommand beside it.
#include <unistd.h>

#include <csignal>
#include <iostream>

#include "commands.hpp"
#include "stdout_buffer.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // A file-size limit (ulimit -f) must be an error the ledger can recover from (EFBIG), not a
  // signal that kills an append halfway.
  std::signal(SIGXFSZ, SIG_IGN);
  // Every write to stdout is checked: a failure is "stdout: REASON", exit 2 (SPEC §7). SIGPIPE
  // keeps its default, so `outreach plan … | head -1` still ends quietly.
  outreach::cli::FdOutputBuffer stdout_buffer(STDOUT_FILENO, "stdout");
  std::ostream out(&stdout_buffer);
  out.exceptions(std::ios::badbit);
  return outreach::cli::run_main(argc, argv, out, std::cerr, isatty(STDOUT_FILENO) == 1,
                                 isatty(STDERR_FILENO) == 1);
}
