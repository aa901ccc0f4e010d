#pragma once
/// Errors and exit statuses: the library throws typed errors, the CLI turns them into exit
/// statuses and one-line messages in one place (src/cli/errors.cpp).

#include <stdexcept>
#include <string>

namespace outreach {

/// Exit statuses of every command (SPEC §7).
enum class ExitStatus : int {
  ok = 0,        ///< the run worked and found nothing at error level
  findings = 1,  ///< the run worked and found error-level findings
  input = 2,     ///< usage, input or I/O error; nothing was written to stdout
  internal = 3,  ///< a bug, caught at the boundary
};

/// Bad input that drives a run (a file, a field, an option): exit status 2.
/// The message is one line that names the file, the line or index, and the field (a reader
/// that collects several problems joins their lines with '\n').
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Reading or writing failed for a reason that is not the input's content: a read error, a
/// full disk, no memory left for what was being read. Exit status 2, like bad input.
class IoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Something the code itself got wrong (a broken invariant): exit status 3.
class InternalError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

}  // namespace outreach
