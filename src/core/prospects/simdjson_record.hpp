#pragma once
// The record parser's fast path: simdjson's On Demand API reads one prospect record (an NDJSON
// line or one element of an array) and lists the top-level keys and values exactly as nlohmann's
// SAX parser would hand them to the builder. nlohmann's lexer, one byte at a time, was 15–30% of
// a plan's time (issue 19); simdjson finds the structure with SIMD instructions. It accepts
// only records whose reading it is sure of: anything the least unusual (any escape, a number out
// of the 64-bit ranges or past double's, deep nesting, text after the object, a syntax error)
// goes back to the nlohmann path, which then gives exactly today's result and messages.

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "prospects/builder.hpp"

namespace outreach::detail {

class SimdjsonRecord {
 public:
  enum class Outcome { parsed, fall_back };

  /// One top-level key and its value (objects and arrays by kind only), as nlohmann reports
  /// them; the views point into the parser's copy of the record, valid until the next read.
  struct Field {
    std::string_view key;
    JsonValue value;
  };

  SimdjsonRecord();
  ~SimdjsonRecord();
  SimdjsonRecord(const SimdjsonRecord&) = delete;
  SimdjsonRecord& operator=(const SimdjsonRecord&) = delete;

  /// Reads the record in [first, last): `parsed` when it is one well-formed JSON object (white
  /// space around it allowed) that the fast path reads exactly, its fields then in fields().
  Outcome read(const char* first, const char* last);
  const std::vector<Field>& fields() const { return fields_; }

 private:
  struct Simdjson;  // simdjson's parser, kept out of this header
  std::unique_ptr<Simdjson> simdjson_;
  std::vector<char> buffer_;  // the record, followed by simdjson's padding
  std::vector<Field> fields_;
};

}  // namespace outreach::detail
