#pragma once
/// Reading prospects (SPEC §4, §8): a JSON array or NDJSON, streamed into compact records.

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <span>
#include <string>
#include <vector>

#include "outreach/prospect.hpp"
#include "outreach/thread_pool.hpp"

namespace outreach {

/// Streams prospects out of a JSON array or NDJSON text (told apart by the first non-space
/// byte) read from `in` in chunks — never the whole file in memory, never a tree of the whole
/// document (300,000 prospects must fit in ~250 bytes each) — and hands them to `sink` a batch
/// at a time (a few hundred), in input order, one batch after the other; a batch's prospects
/// may be moved from. With a pool, batches are parsed on its workers when `in` can seek (a
/// file), and `sink` runs on them too while the next batches are read; without one, everything
/// runs on the calling thread. The prospects and problems are the same whichever way the input
/// was read. Once a problem is found no further prospect goes to `sink` (some before it may
/// not either); if `sink` throws, reading stops and the exception propagates. Every problem is
/// collected — "prospects.json: [12].degree: expected 1, 2, 3 or null, got 4",
/// "leads.ndjson:7: goal: unknown goal 'sale' (did you mean 'sales'?)", duplicate ids, NUL
/// bytes, invalid UTF-8, nesting, malformed JSON — and after the whole input (or
/// `max_problems` of them) an InputError holding one line per problem is thrown.
/// `kept` chooses the string fields each prospect keeps; `field_names`, when given, collects the
/// names of the string fields of the first prospects (kept or not).
void read_prospect_batches(std::istream& in, const std::string& origin, std::size_t max_problems,
                           const std::function<void(std::span<Prospect>)>& sink,
                           const FieldSelection& kept = {}, ThreadPool* pool = nullptr,
                           std::vector<std::string>* field_names = nullptr);

}  // namespace outreach
