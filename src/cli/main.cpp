// The outreach executable: everything but this file lives in the library or in one file per
// subcommand beside it.
#include <unistd.h>

#include <iostream>

#include "commands.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return outreach::cli::run_main(argc, argv, std::cout, std::cerr, isatty(STDOUT_FILENO) == 1,
                                 isatty(STDERR_FILENO) == 1);
}
