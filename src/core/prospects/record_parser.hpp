#pragma once
// One prospect record held in memory — an NDJSON line or one element of an array — parsed on
// its own, for the parallel reader.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "outreach/prospect.hpp"
#include "prospects/builder.hpp"
#include "prospects/simdjson_record.hpp"

namespace outreach::detail {

/// Parses prospects one record at a time. Ids are not checked for uniqueness (the caller does,
/// in input order). It only tells whether a record is a valid prospect: anything else is left
/// to read_prospects_in_order, run again from the start, to report exactly. A record is read by
/// simdjson (SimdjsonRecord) when it can, and otherwise by nlohmann's SAX parser, after the
/// record's text is shortened in place (elide_unused_strings); both make the same calls of the
/// builder, so the prospect, or the refusal, is the same either way.
class RecordParser {
 public:
  /// How records are read: simdjson first, or (for the tests' comparison) nlohmann only.
  enum class Paths { simdjson_first, nlohmann_only };

  /// `field_names`, when given, collects the names of the string fields of the first records.
  RecordParser(bool array_elements, const FieldSelection& kept,
               std::vector<std::string>* field_names = nullptr,
               Paths paths = Paths::simdjson_first);
  RecordParser(const RecordParser&) = delete;
  RecordParser& operator=(const RecordParser&) = delete;

  /// The prospect in [first, last) at `position` (array index or NDJSON line) into `out`; false
  /// when the text is not one valid prospect object.
  bool parse(char* first, char* last, std::size_t position, Prospect& out);

  /// Whether the last record parse() read went through simdjson (for the tests).
  bool last_read_by_simdjson() const { return by_simdjson_; }

 private:
  bool build(std::size_t position, Prospect& out);

  SimdjsonRecord simdjson_;
  Paths paths_;
  bool by_simdjson_ = false;
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
