#pragma once
/// Errors and exit statuses: the domain throws typed errors, the CLI turns them into codes once.

#include <stdexcept>
#include <string>

namespace outreach {

/// Exit statuses of every command (SPEC §7).
enum class ExitStatus : int {
  ok = 0,        ///< the run worked and found nothing at error level
  findings = 1,  ///< the run worked and found error-level findings
  input = 2,     ///< usage or input error; nothing was written to stdout
};

/// Bad input that drives a run (a file, a field, an option): exit status 2.
/// The message is one line that names the file, the line or index, and the field.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace outreach
