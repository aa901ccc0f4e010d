// `-o FILE`: written whole or not at all, beside its final name.
#include "output_file.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <sstream>

#include <catch2/catch.hpp>

#include "ledger_fixtures.hpp"
#include "outreach/error.hpp"

using outreach::IoError;
using outreach::testing::read_text;
using outreach::testing::ScratchDir;
using outreach::testing::write_text;

namespace {

std::size_t files_in(const std::filesystem::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST_CASE("output file: replaces the file whole, leaves no temporary file", "[cli][output]") {
  ScratchDir dir;
  std::ostringstream out, err;
  outreach::cli::Context ctx(out, err, false, false);
  const std::string path = dir.file("report.html");
  write_text(path, "old");
  outreach::cli::write_output_file(path, "<!DOCTYPE html>\n", ctx);
  CHECK(read_text(path) == "<!DOCTYPE html>\n");
  CHECK(files_in(dir.path) == 1);
  CHECK(out.str().empty());
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 0044) == 0044);  // readable like any file the umask allows, not 0600
}

TEST_CASE("output file: - is stdout", "[cli][output]") {
  std::ostringstream out, err;
  outreach::cli::Context ctx(out, err, false, false);
  outreach::cli::write_output_file("-", "page", ctx);
  CHECK(out.str() == "page");
}

TEST_CASE("output file: a missing folder or a folder is an error before anything",
          "[cli][output]") {
  ScratchDir dir;
  CHECK_THROWS_WITH(
      outreach::cli::check_output_path(dir.file("no/report.html")),
      Catch::Contains("cannot write: the folder") && Catch::Contains("does not exist"));
  CHECK_THROWS_AS(outreach::cli::check_output_path(dir.path.string()), IoError);
  CHECK_THROWS_WITH(outreach::cli::check_output_path(""),
                    Catch::Contains("cannot write: an empty file name"));
  CHECK_NOTHROW(outreach::cli::check_output_path("-"));
  CHECK(files_in(dir.path) == 0);
}
