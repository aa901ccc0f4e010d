#pragma once
// The exact prospects reader: one pass, on the calling thread, that reports every problem with
// its exact place. Pipes, and anything the parallel reader finds unusual, are read with it.

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "outreach/prospect.hpp"

namespace outreach::detail {

/// Streams prospects out of a JSON array or NDJSON text (told apart by the first non-space
/// byte) read from `in` in chunks. Each valid prospect goes to `sink` in input order; once a
/// problem is found no further prospect does. If `sink` throws, reading stops and the exception
/// propagates. After the whole input (or `max_problems` problems) an InputError holding one
/// line per problem is thrown.
/// `field_names`, when given, collects the names of the string fields of the first prospects.
void read_prospects_in_order(std::istream& in, const std::string& origin, std::size_t max_problems,
                             const std::function<void(Prospect&&)>& sink,
                             const FieldSelection& kept,
                             std::vector<std::string>* field_names = nullptr);

}  // namespace outreach::detail
