// Inline SVG charts for the HTML report: geometry only; colours come from the page's CSS.
#include "output/svg_chart.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "outreach/text.hpp"

namespace outreach::svg {
namespace {

// The drawing's own units: the viewBox scales them to whatever width the page gives it.
constexpr double width = 480;
constexpr double column_height = 220;
constexpr double left = 44, right = 8, top = 16, bottom = 32;
constexpr int most_labels = 8;

// A round number at or above `value`: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten.
double round_up(double value) {
  if (value <= 1) return 1;
  const double power = std::pow(10, std::floor(std::log10(value)));
  for (const double step : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0})
    if (value <= step * power) return step * power;
  return 10 * power;
}

std::string number(double value) { return fmt::format("{:.1f}", value); }

std::string open_svg(double height, std::string_view title) {
  return fmt::format(
      "<svg viewBox=\"0 0 {:g} {:g}\" width=\"100%\" role=\"img\" "
      "preserveAspectRatio=\"xMinYMin meet\">"
      "<title>{}</title>\n",
      width, height, escape(title));
}

}  // namespace

std::string escape(std::string_view text) {
  const std::string shown = printable(text);
  std::string out;
  out.reserve(shown.size());
  for (const char c : shown) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string column_chart(const ColumnChart& chart) {
  double tallest = chart.limit.value_or(0);
  for (const Column& column : chart.columns) {
    double total = 0;
    for (const Segment& segment : column.segments) total += segment.value;
    tallest = std::max(tallest, total);
  }
  const double y_max = round_up(tallest * 1.05);
  const double plot_w = width - left - right;
  const double plot_h = column_height - top - bottom;
  const auto y_of = [&](double value) { return top + plot_h - value / y_max * plot_h; };

  std::string out = open_svg(column_height, chart.title);
  for (const double tick : {0.0, y_max / 2, y_max}) {
    out += fmt::format(
        "<line class=\"grid\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/>"
        "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{:g}</text>\n",
        left, width - right, number(y_of(tick)), number(y_of(tick)), left - 4,
        number(y_of(tick) + 4), tick);
  }
  const std::size_t n = std::max<std::size_t>(chart.columns.size(), 1);
  const double slot = plot_w / static_cast<double>(n);
  const double bar = std::clamp(slot * 0.72, 1.0, 48.0);
  // As many labels as fit side by side (a character is about 0.6 of the font's 15 units).
  std::size_t longest = 1;
  for (const Column& column : chart.columns) longest = std::max(longest, column.label.size());
  const auto fitting = static_cast<std::size_t>(plot_w / (static_cast<double>(longest) * 9 + 12));
  const std::size_t most = std::clamp<std::size_t>(fitting, 1, most_labels);
  const std::size_t every = (n + most - 1) / most;
  for (std::size_t i = 0; i < chart.columns.size(); ++i) {
    const Column& column = chart.columns[i];
    const double x = left + slot * static_cast<double>(i) + (slot - bar) / 2;
    double base = 0;
    double total = 0;
    for (const Segment& segment : column.segments) total += segment.value;
    const bool over = chart.mark_over_limit && chart.limit && total > *chart.limit;
    out += fmt::format("<g{}><title>{}</title>", over ? " class=\"over\"" : "",
                       escape(column.tooltip));
    for (const Segment& segment : column.segments) {
      if (segment.value <= 0) continue;
      out += fmt::format("<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                         escape(segment.css), number(x), number(y_of(base + segment.value)),
                         number(bar), number(segment.value / y_max * plot_h));
      base += segment.value;
    }
    out += "</g>";
    if (i % every == 0)
      out += fmt::format("<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                         number(x + bar / 2), number(column_height - bottom + 18),
                         escape(column.label));
    out += '\n';
  }
  if (chart.limit) {
    const double y = y_of(*chart.limit);
    out += fmt::format(
        "<line class=\"limit\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/>"
        "<text class=\"limit-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
        left, width - right, number(y), number(y), width - right, number(y - 4),
        escape(chart.limit_label));
  }
  out += "</svg>";
  return out;
}

std::string bar_chart(std::string_view title, const std::vector<BarRow>& rows, bool axis_percent) {
  constexpr double row_height = 48, bar_height = 15, pad = 6;
  const double height = static_cast<double>(rows.size()) * row_height + (axis_percent ? 20 : 4);
  const double plot_w = width - 2 * pad;
  const auto x_of = [&](double share) { return pad + std::clamp(share, 0.0, 1.0) * plot_w; };
  std::string out = open_svg(height, title);
  const double rows_end = static_cast<double>(rows.size()) * row_height;
  if (axis_percent) {
    for (const double tick : {0.0, 0.5, 1.0})
      out += fmt::format(
          "<line class=\"grid\" x1=\"{0}\" x2=\"{0}\" y1=\"0\" y2=\"{1}\"/>"
          "<text class=\"tick\" x=\"{0}\" y=\"{2}\" text-anchor=\"{3}\">{4:g}%</text>\n",
          number(x_of(tick)), number(rows_end), number(rows_end + 16),
          tick == 0   ? "start"
          : tick == 1 ? "end"
                      : "middle",
          tick * 100);
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const BarRow& row = rows[i];
    const double y = static_cast<double>(i) * row_height;
    const double bar_y = y + 22;
    out += fmt::format(
        "<text class=\"label\" x=\"{}\" y=\"{}\">{}</text>"
        "<text class=\"value\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>"
        "<rect class=\"track\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>"
        "<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
        pad, number(y + 16), escape(row.label), width - pad, number(y + 16), escape(row.text), pad,
        number(bar_y), number(plot_w), bar_height, escape(row.css), pad, number(bar_y),
        number(x_of(row.value) - pad), bar_height);
    if (row.low && row.high) {
      const double mid = bar_y + bar_height / 2;
      const double x1 = x_of(*row.low), x2 = x_of(*row.high);
      out += fmt::format(
          "<g class=\"interval\"><line x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\"/>"
          "<line x1=\"{0}\" x2=\"{0}\" y1=\"{3}\" y2=\"{4}\"/>"
          "<line x1=\"{1}\" x2=\"{1}\" y1=\"{3}\" y2=\"{4}\"/></g>",
          number(x1), number(x2), number(mid), number(bar_y - 3), number(bar_y + bar_height + 3));
    }
    out += '\n';
  }
  out += "</svg>";
  return out;
}

}  // namespace outreach::svg
