#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "outreach/output.hpp"

using namespace outreach;

namespace {

// The report of a file with two findings, and of a message draft that has none.
std::vector<CheckedDraft> sample() {
  CheckedDraft inmail{"draft.txt", {}};
  inmail.result.channel = "inmail";
  inmail.result.counts = {18, 420, 200, 1900};
  inmail.result.diagnostics = {
      {"long-inmail", "warning", 3, 1, "InMail body is 420 characters"},
      {"unfilled-placeholder", "error", 4, 7, "unfilled placeholder '{name}'"}};
  CheckedDraft message{"note.txt", {}};
  message.result.channel = "message";
  message.result.counts = {5, 12, 0, 8000};
  return {inmail, message};
}

std::string written(const std::vector<CheckedDraft>& drafts, ReportFormat format,
                    CountUnit unit = CountUnit::utf16, bool color = false) {
  std::ostringstream out;
  write_check_report(drafts, format, unit, color, out);
  return out.str();
}

}  // namespace

TEST_CASE("the check report: one line per finding, then the counts of each file", "[output]") {
  CHECK(written(sample(), ReportFormat::text) ==
        "draft.txt:3:1: warning: InMail body is 420 characters [long-inmail]\n"
        "draft.txt:4:7: error: unfilled placeholder '{name}' [unfilled-placeholder]\n"
        "draft.txt: inmail, subject 18/200, body 420/1900\n"
        "note.txt: message, subject 5 (none allowed), body 12/8000\n");
  CHECK(written(sample(), ReportFormat::text, CountUnit::graphemes)
            .find("body 420/1900 (graphemes)\n") != std::string::npos);
}

TEST_CASE("the check report colours severities only when asked", "[output]") {
  const std::string coloured = written(sample(), ReportFormat::text, CountUnit::utf16, true);
  CHECK(coloured.find("\x1b[1;33mwarning\x1b[0m") != std::string::npos);
  CHECK(coloured.find("\x1b[1;31merror\x1b[0m") != std::string::npos);
  CHECK(written(sample(), ReportFormat::text).find('\x1b') == std::string::npos);
}

TEST_CASE("the check report as JSON holds the keys of SPEC §7", "[output]") {
  const std::string text = written(sample(), ReportFormat::json);
  CHECK(text.back() == '\n');
  const auto document = nlohmann::json::parse(text);
  REQUIRE(document["files"].size() == 2);
  const auto& first = document["files"][0];
  CHECK(first["file"] == "draft.txt");
  CHECK(first["channel"] == "inmail");
  CHECK(
      first["counts"] ==
      nlohmann::json::parse(R"({"subject":18,"body":420,"limit_subject":200,"limit_body":1900})"));
  CHECK(first["diagnostics"][1] ==
        nlohmann::json::parse(R"({"rule":"unfilled-placeholder","severity":"error","line":4,
                                  "column":7,"message":"unfilled placeholder '{name}'"})"));
  CHECK(document["files"][1]["diagnostics"].empty());
}

TEST_CASE("a file name from the command line cannot drive the terminal", "[output]") {
  std::vector<CheckedDraft> drafts = sample();
  drafts[1].name = "x\x1b]0;pwned\x07.txt";
  const std::string text = written(drafts, ReportFormat::text);
  CHECK(text.find("x\\x1B]0;pwned\\x07.txt: message") != std::string::npos);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(nlohmann::json::parse(written(drafts, ReportFormat::json))["files"][1]["file"] ==
        drafts[1].name);
}
