#include "errors.hpp"

#include <new>
#include <ostream>
#include <sstream>
#include <string>

#include "outreach/error.hpp"
#include "outreach/text.hpp"

namespace outreach::cli {
namespace {

int error_lines(std::ostream& err, const char* what) {
  // A reader that collects several problems joins them with '\n': one line each.
  std::istringstream lines(what);
  // Messages quote their input with printable() already; this keeps any that slipped through
  // from reaching the terminal raw (printable text passes unchanged).
  for (std::string line; std::getline(lines, line);)
    err << "outreach: error: " << printable(line) << '\n';
  return static_cast<int>(ExitStatus::input);
}

int internal_error(std::ostream& err, const char* what) {
  err << "outreach: internal error: " << printable(what) << '\n';
  return static_cast<int>(ExitStatus::internal);
}

}  // namespace

int report_failure(const std::exception_ptr& failure, std::ostream& err) {
  try {
    std::rethrow_exception(failure);
  } catch (const InputError& e) {
    return error_lines(err, e.what());
  } catch (const IoError& e) {
    return error_lines(err, e.what());
  } catch (const std::bad_alloc&) {
    err << "outreach: error: out of memory\n";
    return static_cast<int>(ExitStatus::input);
  } catch (const std::exception& e) {
    return internal_error(err, e.what());
  } catch (...) {
    return internal_error(err, "an exception that is not a std::exception");
  }
}

}  // namespace outreach::cli
