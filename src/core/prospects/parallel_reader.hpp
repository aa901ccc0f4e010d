#pragma once
// The parallel prospects reader: the calling thread cuts the input into batches of whole
// records, the pool's workers parse them, and the batches come back in input order.

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "outreach/prospect.hpp"
#include "outreach/thread_pool.hpp"

namespace outreach::detail {

/// Reads what read_prospects_in_order reads, a batch of a few hundred prospects at a time,
/// handing each whole batch to `hand_on` on the calling thread in input order. Returns false as
/// soon as anything is unusual — a problem, a duplicate id, a limit neared, malformed structure
/// — without saying what: the batches handed on until then are valid and in order, and the
/// caller reads again from the start with the exact reader to report the problems. Needs a
/// pool with workers.
/// `field_names`, when given, collects the names of the string fields of the first prospects.
bool read_prospects_parallel(std::istream& in, ThreadPool& pool,
                             const std::function<void(std::vector<Prospect>&&)>& hand_on,
                             const FieldSelection& kept,
                             std::vector<std::string>* field_names = nullptr);

}  // namespace outreach::detail
