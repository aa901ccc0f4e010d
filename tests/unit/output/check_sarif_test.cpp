#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "outreach/output.hpp"

using namespace outreach;

namespace {

nlohmann::json sarif_of(const std::vector<CheckedDraft>& drafts,
                        const std::vector<CheckFailure>& failures = {}) {
  std::ostringstream out;
  write_check_sarif(drafts, failures, Rules::builtin(), out);
  return nlohmann::json::parse(out.str());
}

CheckedDraft draft_with_findings(std::string name) {
  CheckedDraft draft{std::move(name), {}};
  draft.result.channel = "inmail";
  draft.result.diagnostics = {{"long-inmail", "warning", 3, 1, "InMail body is 420 characters"},
                              {"unfilled-placeholder", "error", 4, 7, "unfilled placeholder"}};
  return draft;
}

}  // namespace

TEST_CASE("SARIF: one 2.1.0 run of outreach with every lint rule", "[output]") {
  const auto log = sarif_of({});
  CHECK(log["version"] == "2.1.0");
  CHECK(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  REQUIRE(log["runs"].size() == 1);
  const auto& run = log["runs"][0];
  CHECK(run["columnKind"] == "unicodeCodePoints");
  CHECK(run["tool"]["driver"]["name"] == "outreach");
  CHECK(run["tool"]["driver"]["version"] == std::string(version));
  const auto& rules = run["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == Rules::builtin().lint.rules.size());
  CHECK(rules[0]["id"] == "body-too-long");
  CHECK(rules[0]["defaultConfiguration"]["level"] == "error");
  CHECK(rules[0]["help"]["text"] == Rules::builtin().lint.rules[0].rationale);
  CHECK(rules[0]["shortDescription"]["text"] ==
        "LinkedIn refuses to send a body over the channel's limit: 8000 characters for a "
        "message, 1900 for an InMail, 300 for a connection note.");
  CHECK(rules[7]["id"] == "long-inmail");
  CHECK(rules[7]["defaultConfiguration"]["level"] == "warning");
  CHECK(run["results"].empty());
  CHECK(run["invocations"][0]["executionSuccessful"] == true);
}

TEST_CASE("SARIF: each finding with its rule, level, message, file, line and column", "[output]") {
  const auto run = sarif_of({draft_with_findings("drafts/a.txt")})["runs"][0];
  REQUIRE(run["results"].size() == 2);
  const auto& result = run["results"][1];
  CHECK(result["ruleId"] == "unfilled-placeholder");
  CHECK(run["tool"]["driver"]["rules"][result["ruleIndex"].get<std::size_t>()]["id"] ==
        "unfilled-placeholder");
  CHECK(result["level"] == "error");
  CHECK(result["message"]["text"] == "unfilled placeholder");
  const auto& location = result["locations"][0]["physicalLocation"];
  CHECK(location["artifactLocation"]["uri"] == "drafts/a.txt");
  CHECK(location["region"] == nlohmann::json::parse(R"({"startLine": 4, "startColumn": 7})"));
}

TEST_CASE("SARIF: file names become URI references", "[output]") {
  const auto uri_of = [](const std::string& name) {
    return sarif_of({draft_with_findings(name)})["runs"][0]["results"][0]["locations"][0]
                                                ["physicalLocation"]["artifactLocation"]["uri"]
                                                    .get<std::string>();
  };
  CHECK(uri_of("a draft: 100%.txt") == "a%20draft%3A%20100%25.txt");
  CHECK(uri_of("/home/me/d.txt") == "file:///home/me/d.txt");
  CHECK(uri_of("<stdin>") == "%3Cstdin%3E");
  CHECK(uri_of("caf\xC3\xA9.txt") == "caf%C3%A9.txt");
}

TEST_CASE("SARIF: files that could not be checked make the invocation fail", "[output]") {
  const auto run = sarif_of({draft_with_findings("a.txt")},
                            {{"missing.txt", "missing.txt: cannot open: No such file"}})["runs"][0];
  const auto& invocation = run["invocations"][0];
  CHECK(invocation["executionSuccessful"] == false);
  REQUIRE(invocation["toolExecutionNotifications"].size() == 1);
  const auto& notification = invocation["toolExecutionNotifications"][0];
  CHECK(notification["level"] == "error");
  CHECK(notification["message"]["text"] == "missing.txt: cannot open: No such file");
  CHECK(notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "missing.txt");
  CHECK(run["results"].size() == 2);  // the files that were checked are still reported
}
