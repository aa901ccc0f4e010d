// The one error boundary of the command line: what each kind of failure prints and returns.
#include "errors.hpp"

#include <new>
#include <sstream>
#include <stdexcept>

#include <catch2/catch.hpp>

#include "outreach/error.hpp"

using outreach::cli::report_failure;

namespace {

struct Reported {
  int status = 0;
  std::string err;
};

template <typename Failure>
Reported reported(Failure failure) {
  std::ostringstream err;
  const int status = report_failure(std::make_exception_ptr(failure), err);
  return {status, err.str()};
}

}  // namespace

TEST_CASE("bad input is exit 2, one line per problem", "[cli]") {
  const Reported r = reported(outreach::InputError("p.json:3: degree: bad\np.json:9: goal: bad"));
  CHECK(r.status == 2);
  CHECK(r.err == "outreach: error: p.json:3: degree: bad\noutreach: error: p.json:9: goal: bad\n");
}

TEST_CASE("a failed read or write is exit 2", "[cli]") {
  const Reported r = reported(outreach::IoError("ledger.ndjson: read error: Input/output error"));
  CHECK(r.status == 2);
  CHECK(r.err == "outreach: error: ledger.ndjson: read error: Input/output error\n");
}

TEST_CASE("running out of memory is exit 2, never a crash", "[cli]") {
  const Reported r = reported(std::bad_alloc());
  CHECK(r.status == 2);
  CHECK(r.err == "outreach: error: out of memory\n");
}

TEST_CASE("a bug is exit 3 and says so", "[cli]") {
  const Reported internal = reported(outreach::InternalError("send slots: no slot"));
  CHECK(internal.status == 3);
  CHECK(internal.err == "outreach: internal error: send slots: no slot\n");
  const Reported logic = reported(std::logic_error("vector::at"));
  CHECK(logic.status == 3);
  CHECK(logic.err == "outreach: internal error: vector::at\n");
  const Reported odd = reported(42);
  CHECK(odd.status == 3);
  CHECK(odd.err == "outreach: internal error: an exception that is not a std::exception\n");
  // Its text reaches a terminal too.
  CHECK(reported(std::runtime_error("x\x1b[2J")).err == "outreach: internal error: x\\x1B[2J\n");
}

TEST_CASE("a message never drives the terminal, whatever it quotes", "[cli]") {
  const Reported r =
      reported(outreach::InputError("x.json: a\x1b]0;title\x07 \xc2\x9b"
                                    "2J"));
  CHECK(r.err == "outreach: error: x.json: a\\x1B]0;title\\x07 \\u009B2J\n");
  const Reported io = reported(outreach::IoError("stdout: No space left on device"));
  CHECK(io.status == 2);
  CHECK(io.err == "outreach: error: stdout: No space left on device\n");
}
