#pragma once
// The prospects reader proper, on the calling thread; read_prospects runs it on a second thread
// so that parsing overlaps with what the caller does with each prospect.

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>

#include "outreach/prospect.hpp"

namespace outreach::detail {

/// read_prospects without the thread: the same prospects, problems and exceptions.
void read_prospects_in_order(std::istream& in, const std::string& origin, std::size_t max_problems,
                             const std::function<void(Prospect&&)>& sink);

}  // namespace outreach::detail
