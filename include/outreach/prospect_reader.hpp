#pragma once
/// Reading prospects (SPEC §4, §8): a JSON array or NDJSON, streamed into compact records.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "outreach/prospect.hpp"
#include "outreach/rules.hpp"
#include "outreach/thread_pool.hpp"

namespace outreach {

/// What a prospect list is written in (SPEC §9). JSON and NDJSON are told apart by their first
/// byte whichever of the two is named; CSV and TSV have a header row.
enum class ProspectFormat : std::uint8_t { json, ndjson, csv, tsv };

/// "json", "ndjson", "csv" or "tsv".
std::optional<ProspectFormat> parse_prospect_format(std::string_view name);
std::string_view prospect_format_name(ProspectFormat format);
/// Every name parse_prospect_format takes (for --input-format).
const std::vector<std::string>& prospect_format_names();
/// The format a file's name says: .csv or .tsv (any case), else JSON.
ProspectFormat prospect_format_of(std::string_view path);

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
/// CSV and TSV (`format`, with the header aliases of `csv`) are read in one pass on the calling
/// thread, their rows named by line and column header (SPEC §9).
/// `kept` chooses the string fields each prospect keeps; `field_names`, when given, collects the
/// names of the string fields of the first prospects (kept or not).
void read_prospect_batches(std::istream& in, const std::string& origin, std::size_t max_problems,
                           const std::function<void(std::span<Prospect>)>& sink,
                           const FieldSelection& kept = {}, ThreadPool* pool = nullptr,
                           std::vector<std::string>* field_names = nullptr,
                           ProspectFormat format = ProspectFormat::json,
                           const CsvRules& csv = Rules::builtin().csv);

}  // namespace outreach
