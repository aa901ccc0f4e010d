// Replays every input under tests/data/fuzz-regressions/<target>/ through the code of the fuzz
// target of that name (fuzz/fuzz_harness.hpp): crash inputs found by fuzzing, kept so that the
// bug stays fixed, and a few seeds so that every target always runs something. Under the
// sanitize preset a return of the bug fails the run; in every build an exception other than
// InputError does.
#include "fuzz_harness.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace {

namespace fs = std::filesystem;
using Runner = void (*)(std::string_view);

const fs::path regressions_dir = fs::path(OUTREACH_TEST_DATA) / "fuzz-regressions";

const std::map<std::string, Runner>& runners() {
  static const std::map<std::string, Runner> map = {
      {"rules", outreach::fuzz::run_rules},       {"account", outreach::fuzz::run_account},
      {"ledger", outreach::fuzz::run_ledger},     {"draft_lint", outreach::fuzz::run_draft_lint},
      {"template", outreach::fuzz::run_template}, {"prospects", outreach::fuzz::run_prospects},
      {"phrases", outreach::fuzz::run_phrases},   {"cells", outreach::fuzz::run_cells},
      {"csv", outreach::fuzz::run_csv},
  };
  return map;
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<fs::path> inputs_of(const std::string& target) {
  std::vector<fs::path> files;
  const fs::path dir = regressions_dir / target;
  if (fs::is_directory(dir))
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

void replay(const std::string& target) {
  const auto files = inputs_of(target);
  REQUIRE_FALSE(files.empty());  // every target keeps at least one seed
  const Runner run = runners().at(target);
  for (const auto& file : files) {
    INFO("replaying " << file.string());
    const std::string bytes = read_bytes(file);
    REQUIRE(!bytes.empty());
    CHECK_NOTHROW(run(bytes));
  }
}

}  // namespace

TEST_CASE("fuzz regressions: rules", "[fuzz]") { replay("rules"); }
TEST_CASE("fuzz regressions: account", "[fuzz]") { replay("account"); }
TEST_CASE("fuzz regressions: ledger", "[fuzz]") { replay("ledger"); }
TEST_CASE("fuzz regressions: draft_lint", "[fuzz]") { replay("draft_lint"); }
TEST_CASE("fuzz regressions: template", "[fuzz]") { replay("template"); }
TEST_CASE("fuzz regressions: prospects", "[fuzz]") { replay("prospects"); }
TEST_CASE("fuzz regressions: phrases", "[fuzz]") { replay("phrases"); }
TEST_CASE("fuzz regressions: cells", "[fuzz]") { replay("cells"); }
TEST_CASE("fuzz regressions: csv", "[fuzz]") { replay("csv"); }

TEST_CASE("fuzz regressions: every folder names a fuzz target", "[fuzz]") {
  for (const auto& entry : fs::directory_iterator(regressions_dir)) {
    INFO(entry.path().string());
    const std::string name = entry.path().filename().string();
    CHECK(runners().count(name) == 1);
  }
}
