#pragma once
// The prospects reader proper, on the calling thread; read_prospects runs it on a second thread
// so that parsing overlaps with what the caller does with each prospect.

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

#include "outreach/prospect.hpp"
#include "prospect_fields.hpp"

namespace outreach::detail {

/// read_prospects without the thread: the same prospects, problems and exceptions.
void read_prospects_in_order(std::istream& in, const std::string& origin, std::size_t max_problems,
                             const std::function<void(Prospect&&)>& sink,
                             const FieldSelection& kept);

/// An NDJSON line that holds only spaces, tabs and carriage returns (skipped by both readers).
bool blank_line(std::string_view line);

/// Parses prospects held whole in memory, one at a time — an NDJSON line or one element of an
/// array — for the parallel reader. Ids are not checked for uniqueness (the caller does, in
/// input order). It only tells whether a record is a valid prospect: anything else is left to
/// read_prospects_in_order, run again from the start, to report exactly. The record's text is
/// shortened in place first (elide_unused_strings).
class RecordParser {
 public:
  RecordParser(bool array_elements, const FieldSelection& kept);
  RecordParser(const RecordParser&) = delete;
  RecordParser& operator=(const RecordParser&) = delete;

  /// The prospect in [first, last) at `position` (array index or NDJSON line) into `out`; false
  /// when the text is not one valid prospect object.
  bool parse(char* first, char* last, std::size_t position, Prospect& out);

 private:
  ProblemLog problems_;
  ProspectBuilder builder_;
  const FieldSelection& kept_;
  bool array_elements_;
  std::size_t count_ = 0;
  bool built_ = false;  // whether the record gave a prospect
  Prospect* target_ = nullptr;
  std::function<void(Prospect&&)> sink_;
};

/// Reads what read_prospects_in_order reads, with `workers` threads parsing batches of records
/// while this one splits the input and hands the prospects to `sink` in input order. Returns
/// false as soon as anything is unusual — a problem, a duplicate id, a limit neared, malformed
/// structure — without saying what: the prospects `sink` got until then are valid and in order,
/// and the caller reads again from the start with the exact reader to report the problems.
bool read_prospects_parallel(std::istream& in, unsigned workers,
                             const std::function<void(Prospect&&)>& sink,
                             const FieldSelection& kept);

}  // namespace outreach::detail
