#include "output/column_fit.hpp"

#include <catch2/catch.hpp>

#include <vector>

using outreach::detail::ColumnGive;
using outreach::detail::fit_columns;

namespace {

// Three essential columns of 10, and two that give way: a cuttable one (to 4) dropped last,
// and one dropped first. With gaps of 2, the natural table is 10+10+10+12+8 + 8 = 58 wide.
const std::vector<std::size_t> natural = {10, 10, 10, 12, 8};
const std::vector<ColumnGive> give = {{0, 0}, {0, 0}, {0, 0}, {4, 1}, {0, 2}};

std::vector<std::size_t> fit(std::size_t width) { return fit_columns(natural, give, width); }

}  // namespace

TEST_CASE("columns keep their width when the table fits, or without a limit", "[output]") {
  CHECK(fit(58) == natural);
  CHECK(fit(200) == natural);
  CHECK(fit(0) == natural);
}

TEST_CASE("a cuttable column is cut only as much as needed before anything is dropped",
          "[output]") {
  CHECK(fit(57) == std::vector<std::size_t>{10, 10, 10, 11, 8});
  CHECK(fit(50) == std::vector<std::size_t>{10, 10, 10, 4, 8});
}

TEST_CASE("then the least needed column goes first, and the rest are cut back as needed",
          "[output]") {
  // Without the last column (8 + its gap) the table is 48 wide, at most.
  CHECK(fit(49) == std::vector<std::size_t>{10, 10, 10, 12, 0});
  CHECK(fit(48) == std::vector<std::size_t>{10, 10, 10, 12, 0});
  CHECK(fit(45) == std::vector<std::size_t>{10, 10, 10, 9, 0});
  CHECK(fit(40) == std::vector<std::size_t>{10, 10, 10, 4, 0});
  // Then the cuttable one goes too.
  CHECK(fit(39) == std::vector<std::size_t>{10, 10, 10, 0, 0});
  CHECK(fit(34) == std::vector<std::size_t>{10, 10, 10, 0, 0});
}

TEST_CASE("essential columns are never dropped: a narrower terminal wraps", "[output]") {
  CHECK(fit(5) == std::vector<std::size_t>{10, 10, 10, 0, 0});
}

TEST_CASE("a column of width 0 is absent: it takes no gap", "[output]") {
  const std::vector<std::size_t> with_absent = {10, 0, 10};
  const std::vector<ColumnGive> none = {{0, 0}, {0, 1}, {0, 0}};
  CHECK(fit_columns(with_absent, none, 22) == with_absent);
  CHECK(fit_columns(with_absent, none, 21) == with_absent);  // cannot fit: kept, wraps
}
