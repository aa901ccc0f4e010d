#pragma once
// Fitting a table to the terminal's width, the way gh does: the columns that may be cut are
// cut first (down to their narrowest), then whole columns are dropped, least needed first,
// until the table fits. Each table says how its columns give way in one list.

#include <cstddef>
#include <span>
#include <vector>

namespace outreach::detail {

/// How one column gives way when the table is too wide.
struct ColumnGive {
  std::size_t narrowest = 0;  ///< may be cut down to this many columns ("…" included); 0: never
  int drop_rank = 0;          ///< 0: never dropped; otherwise the highest rank goes first
};

/// The columns' widths once fitted into `max_width` terminal columns with `gap` columns
/// between two columns: 0 for a dropped column. The natural widths stand when they fit, or
/// when `max_width` is 0 (no limit). As few columns are dropped and as little is cut as fits;
/// when even the essential columns (drop rank 0) at their narrowest are too wide, they are
/// all kept at their narrowest and the terminal wraps the lines.
std::vector<std::size_t> fit_columns(std::span<const std::size_t> natural,
                                     std::span<const ColumnGive> give, std::size_t max_width,
                                     std::size_t gap = 2);

}  // namespace outreach::detail
