#pragma once
// Small inline SVG charts for the HTML report: columns (stacked, with a limit line) and
// horizontal bars (with an interval as an error bar). Each scales to its container (a viewBox,
// width 100%), is styled by the page's CSS through class names, and carries a <title> and
// role="img" for screen readers; the figures themselves stand in a table beside it. Every text
// given here is escaped for HTML.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace outreach::svg {

/// Text made safe for HTML and SVG, in content and in quoted attributes: & < > " ' escaped,
/// and what is not printable UTF-8 shown as printable() shows it.
std::string escape(std::string_view text);

/// One part of a column; `css` is its class ("sent", "planned", …).
struct Segment {
  double value = 0;
  std::string css;
};

struct Column {
  std::string label;              ///< under the axis (thinned out when there are many columns)
  std::vector<Segment> segments;  ///< stacked from the axis up
  std::string tooltip;            ///< the column's <title>
};

struct ColumnChart {
  std::string title;  ///< for screen readers
  std::vector<Column> columns;
  std::optional<double> limit;  ///< a dashed line across, e.g. the weekly invitation limit
  std::string limit_label;      ///< "limit 100"
  /// Columns whose total is over the limit get the class "over" too.
  bool mark_over_limit = false;
};

/// A column chart: a y axis from 0 to a round number above the tallest column and the limit.
std::string column_chart(const ColumnChart& chart);

struct BarRow {
  std::string label;  ///< left of the bar
  double value = 0;   ///< its length as a share of the full width, 0 to 1
  /// An interval on the same scale, drawn as an error bar.
  std::optional<double> low, high;
  std::string css;   ///< the bar's class
  std::string text;  ///< right of the bar ("39% [30–48%]")
};

/// Horizontal bars, one a row; `axis_percent` draws 0, 50 and 100% guides.
std::string bar_chart(std::string_view title, const std::vector<BarRow>& rows, bool axis_percent);

}  // namespace outreach::svg
