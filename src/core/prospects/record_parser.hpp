#pragma once
// One prospect record held in memory — an NDJSON line or one element of an array — parsed on
// its own, for the parallel reader.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "outreach/prospect.hpp"
#include "prospects/builder.hpp"

namespace outreach::detail {

/// Parses prospects one record at a time. Ids are not checked for uniqueness (the caller does,
/// in input order). It only tells whether a record is a valid prospect: anything else is left
/// to read_prospects_in_order, run again from the start, to report exactly. The record's text
/// is shortened in place first (elide_unused_strings).
class RecordParser {
 public:
  /// `field_names`, when given, collects the names of the string fields of the first records.
  RecordParser(bool array_elements, const FieldSelection& kept,
               std::vector<std::string>* field_names = nullptr);
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

}  // namespace outreach::detail
