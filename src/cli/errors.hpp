#pragma once
// The one error boundary: every failure of a run becomes a one-line message on stderr and an
// exit status here, and nowhere else.

#include <exception>
#include <iosfwd>

namespace outreach::cli {

/// Prints what `failure` says ("outreach: error: …", one line per problem; "outreach: internal
/// error: …" for a bug) and returns its exit status: 2 for bad input and I/O failures (out of
/// memory included), 3 for anything else — an InternalError, any other std::exception, or
/// something that is not an exception at all.
int report_failure(const std::exception_ptr& failure, std::ostream& err);

}  // namespace outreach::cli
