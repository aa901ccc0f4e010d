#include <sstream>

#include <catch2/catch.hpp>

#include "outreach/output.hpp"

using namespace outreach;

TEST_CASE("the version report: the version, the rules data, the libraries", "[output]") {
  VersionReport report;
  report.version = "1.2.3";
  report.rules = &Rules::builtin();
  report.rules_origin = "built in";
  report.libraries = {{"CLI11", "2.1.2"}, {"fmt", "9.1.0"}};
  std::ostringstream out;
  write_version(report, out);
  CHECK(out.str() ==
        "outreach 1.2.3\n"
        "rules: version 1, built in: " +
            Rules::builtin().source +
            "\n"
            "built with: CLI11 2.1.2, fmt 9.1.0\n");
}

TEST_CASE("the version report shows a rules file's name safely", "[output]") {
  VersionReport report;
  report.version = "1.2.3";
  report.rules = &Rules::builtin();
  report.rules_origin = "my\x1b[2Jrules.json";
  std::ostringstream out;
  write_version(report, out);
  CHECK(out.str().find("built in") == std::string::npos);
  CHECK(out.str().find("my\\x1B[2Jrules.json") != std::string::npos);
}
