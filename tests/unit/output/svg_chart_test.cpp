#include "output/svg_chart.hpp"

#include <catch2/catch.hpp>

using namespace outreach;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("svg: escape makes text safe in content and in quoted attributes", "[svg]") {
  CHECK(svg::escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
  CHECK(svg::escape("Zoë – ok") == "Zoë – ok");
  CHECK(svg::escape("bell\x07") == "bell\\x07");
}

TEST_CASE("svg: a column chart scales to its container and draws each segment", "[svg]") {
  svg::ColumnChart chart;
  chart.title = "Weeks <&>";
  chart.limit = 100;
  chart.limit_label = "limit 100";
  chart.mark_over_limit = true;
  chart.columns = {{"w1", {{20, "sent"}, {5, "planned"}}, "w1: 20"},
                   {"w2", {{120, "sent"}, {0, "planned"}}, "w2 <over>"}};
  const std::string out = svg::column_chart(chart);
  CHECK(out.rfind("<svg viewBox=\"0 0 480 220\" width=\"100%\"", 0) == 0);
  CHECK(out.find("<title>Weeks &lt;&amp;&gt;</title>") != std::string::npos);
  CHECK(count(out, "<rect ") == 3);  // a segment of 0 draws nothing
  CHECK(count(out, "class=\"over\"") == 1);
  CHECK(out.find("class=\"limit\"") != std::string::npos);
  CHECK(out.find("w2 &lt;over&gt;") != std::string::npos);
  CHECK(out.find("http") == std::string::npos);
  // The axis goes to a round number above the tallest column: 120 × 1.05 → 150.
  CHECK(out.find(">150</text>") != std::string::npos);
}

TEST_CASE("svg: a bar chart draws an interval as an error bar", "[svg]") {
  const std::string out =
      svg::bar_chart("Rates",
                     {{"question (n = 10)", 0.5, 0.2, 0.8, "replied", "50% [20–80%]"},
                      {"short", 0.25, std::nullopt, std::nullopt, "sent", "25%"}},
                     true);
  CHECK(count(out, "class=\"interval\"") == 1);
  CHECK(out.find("50% [20–80%]") != std::string::npos);
  CHECK(out.find(">100%</text>") != std::string::npos);
  CHECK(count(out, "class=\"track\"") == 2);
}
