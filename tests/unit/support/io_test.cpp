#include "outreach/io.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include "outreach/error.hpp"

using namespace outreach;
namespace fs = std::filesystem;

namespace {

// A scratch folder of its own for each test.
struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("outreach-io-test-" + std::to_string(::getpid()));
  Scratch() { fs::create_directories(dir); }
  ~Scratch() { fs::remove_all(dir); }
  std::string file(const std::string& name, const std::string& content) const {
    const fs::path path = dir / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }
};

}  // namespace

TEST_CASE("an input path is checked before it is opened", "[io]") {
  const Scratch scratch;
  const std::string file = scratch.file("a.txt", "hello");
  const auto what = inspect_input(file);
  REQUIRE(what);
  CHECK(what->regular);
  CHECK(what->size == 5);
  const std::string missing = (scratch.dir / "missing.json").string();
  CHECK_FALSE(inspect_input(missing, true));
  CHECK_THROWS_WITH(inspect_input(missing), missing + ": cannot open: No such file or directory");
  CHECK_THROWS_WITH(inspect_input(scratch.dir.string()),
                    scratch.dir.string() + ": is a directory, not a file");
  const auto device = inspect_input("/dev/null");
  REQUIRE(device);
  CHECK_FALSE(device->regular);
}

TEST_CASE("an input file is a path or stdin", "[io]") {
  const Scratch scratch;
  const std::string path = scratch.file("b.txt", "x\ny\n");
  InputFile file(path);
  CHECK(file.name() == path);
  CHECK(file.size() == 4U);
  std::string first;
  std::getline(file.stream(), first);
  CHECK(first == "x");
  InputFile in("-");
  CHECK(in.name() == "stdin");
  CHECK_FALSE(in.size());
  CHECK_THROWS_AS(InputFile((scratch.dir / "none").string()), InputError);
}

TEST_CASE("a whole input is read up to its limit", "[io]") {
  const Scratch scratch;
  const std::string path = scratch.file("c.txt", std::string(100, 'a'));
  CHECK(read_input_file(path, 100) == std::string(100, 'a'));
  CHECK_THROWS_WITH(read_input_file(path, 99),
                    path +
                        ": too large: more than 99 bytes, the most outreach reads for this "
                        "kind of input");
  // A file that is not regular has no size to check first: it is stopped while it is read.
  CHECK_THROWS_WITH(read_input_file("/dev/zero", 1000),
                    "/dev/zero: too large: more than 1000 bytes, the most outreach reads for this "
                    "kind of input");
  CHECK(read_input_file(scratch.file("empty.txt", "")).empty());
}
