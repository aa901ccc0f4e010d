#include "output/column_fit.hpp"

#include <algorithm>
#include <numeric>

namespace outreach::detail {
namespace {

std::size_t table_width(const std::vector<std::size_t>& widths, std::size_t gap) {
  std::size_t total = 0, shown = 0;
  for (const std::size_t width : widths) {
    if (width == 0) continue;
    total += width;
    ++shown;
  }
  return shown == 0 ? 0 : total + gap * (shown - 1);
}

std::size_t cut_width(std::size_t natural, const ColumnGive& give) {
  return give.narrowest == 0 ? natural : std::min(natural, give.narrowest);
}

}  // namespace

std::vector<std::size_t> fit_columns(std::span<const std::size_t> natural,
                                     std::span<const ColumnGive> give, std::size_t max_width,
                                     std::size_t gap) {
  std::vector<std::size_t> widths(natural.begin(), natural.end());
  if (max_width == 0 || table_width(widths, gap) <= max_width) return widths;

  // The droppable columns, least needed (highest rank) first; ties drop the rightmost first.
  std::vector<std::size_t> drop_order;
  for (std::size_t c = 0; c < widths.size(); ++c)
    if (give[c].drop_rank > 0 && widths[c] > 0) drop_order.push_back(c);
  std::stable_sort(drop_order.begin(), drop_order.end(), [&](std::size_t a, std::size_t b) {
    return give[a].drop_rank != give[b].drop_rank ? give[a].drop_rank > give[b].drop_rank : a > b;
  });

  // Drop as few columns as lets the rest fit once cut to their narrowest.
  std::size_t dropped = 0;
  for (;; ++dropped) {
    std::vector<std::size_t> narrowest(widths.size());
    for (std::size_t c = 0; c < widths.size(); ++c) narrowest[c] = cut_width(widths[c], give[c]);
    for (std::size_t k = 0; k < dropped; ++k) narrowest[drop_order[k]] = 0;
    if (table_width(narrowest, gap) <= max_width || dropped == drop_order.size()) break;
  }
  for (std::size_t k = 0; k < dropped; ++k) widths[drop_order[k]] = 0;

  // Then cut only as much as needed, the least needed columns first (rank 0 last).
  std::vector<std::size_t> cut_order(widths.size());
  std::iota(cut_order.begin(), cut_order.end(), std::size_t{0});
  std::stable_sort(cut_order.begin(), cut_order.end(), [&](std::size_t a, std::size_t b) {
    return give[a].drop_rank > give[b].drop_rank;
  });
  for (const std::size_t c : cut_order) {
    const std::size_t total = table_width(widths, gap);
    if (total <= max_width) break;
    if (widths[c] == 0) continue;
    const std::size_t spare = widths[c] - cut_width(widths[c], give[c]);
    widths[c] -= std::min(spare, total - max_width);
  }
  return widths;
}

}  // namespace outreach::detail
