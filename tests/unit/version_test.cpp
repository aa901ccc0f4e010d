#include "outreach/version.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace outreach;

TEST_CASE("the libraries outreach was built with", "[version]") {
  const std::vector<LibraryVersion> libraries = library_versions();
  std::vector<std::string> names;
  for (const auto& library : libraries) {
    names.push_back(library.name);
    CHECK_FALSE(library.version.empty());
  }
  for (const char* name : {"nlohmann/json", "fmt", "utf8proc", "date"})
    CHECK(std::find(names.begin(), names.end(), name) != names.end());
  CHECK(libraries.front().version == fmt::format("{}.{}.{}", NLOHMANN_JSON_VERSION_MAJOR,
                                                 NLOHMANN_JSON_VERSION_MINOR,
                                                 NLOHMANN_JSON_VERSION_PATCH));
  CHECK(version == OUTREACH_VERSION);
}
