#pragma once
// Field-by-field validation of one prospect (SPEC §4), fed by the SAX handler with keys and
// values; problems are collected, one line each, naming the file, the position and the field.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "outreach/calendar.hpp"
#include "outreach/prospect.hpp"
#include "prospects/id_index.hpp"

namespace outreach::detail {

/// A JSON value as the SAX parser hands it over (containers by kind only).
struct JsonValue {
  enum class Kind { null, boolean, integer, unsigned_integer, floating, string, object, array };
  Kind kind = Kind::null;
  bool boolean = false;
  std::int64_t integer = 0;
  std::uint64_t unsigned_integer = 0;
  double floating = 0;
  std::string_view text;  ///< the string, or a floating-point number's token as written
};

/// A short, safe rendering of a value for messages: null, true, 4, "x", an object, an array.
std::string describe(const JsonValue& value);

/// Problems collected so far, one line each, up to a cap.
class ProblemLog {
 public:
  ProblemLog(std::string origin, std::size_t max) : origin_(std::move(origin)), max_(max) {}
  const std::string& origin() const { return origin_; }
  bool empty() const { return lines_.empty(); }
  bool full() const { return lines_.size() >= max_; }
  void add(std::string line) {
    if (!full()) lines_.push_back(std::move(line));
  }
  /// All lines joined with '\n', with a closing line when the cap was reached.
  std::string text() const;

 private:
  std::string origin_;
  std::size_t max_;
  std::vector<std::string> lines_;
};

/// Builds one prospect at a time. Positions are array indexes ("[12].degree") or NDJSON lines
/// ("leads.ndjson:7: degree").
class ProspectBuilder {
 public:
  /// Without `unique_ids` the caller checks that ids are unique (the parallel reader does, in
  /// input order, over what several builders built).
  /// `kept` (every field when null) must outlive the builder.
  ProspectBuilder(ProblemLog& problems, bool ndjson, bool unique_ids = true,
                  const FieldSelection* kept = nullptr)
      : problems_(problems), ndjson_(ndjson), unique_ids_(unique_ids), kept_(kept) {}

  void begin(std::size_t position);
  void key(std::string_view name);
  /// The value of the last key (objects and arrays by kind only; their contents are skipped).
  void value(const JsonValue& value);
  /// Ends the prospect: checks the id (present, unique); true when it is valid and moved out.
  bool finish(Prospect& out);

  /// Collects, into `names`, the names of the string fields of the first prospects built (an
  /// export repeats one shape: enough to say "did you mean" about a template's field).
  void record_field_names(std::vector<std::string>* names) { names_seen_ = names; }

  /// CSV rows: positions are the lines rows start on (the builder is made with `ndjson`
  /// true), and fields are named by their column's header: "leads.csv:17: column 'Degree'".
  /// `columns` (field → header) must outlive the builder.
  void name_columns(const std::vector<std::pair<std::string, std::string>>* columns) {
    columns_ = columns;
  }

  /// "prospects.json: [12].degree" or "leads.ndjson:7: degree" (or without the field).
  std::string where(std::string_view field = {}) const;
  /// Records a problem at the current prospect, and marks it invalid.
  void problem(std::string_view field, std::string_view message);

  /// The known fields of SPEC §4, and `extra` for any other.
  enum class Field : std::uint8_t;

 private:
  void set(Field field, const JsonValue& value);
  void keep_string(std::string_view name, std::string_view text);
  void set_profile_url(const JsonValue& value);
  void note_name(std::string_view name);
  void check_duplicate_extra_keys();
  const date::time_zone* zone_named(std::string_view name);
  const std::string* near_miss(std::string_view name);

  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  template <typename T>
  using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;
  static constexpr std::size_t max_remembered_keys = 1024;
  static constexpr std::size_t prospects_named = 1000;  // whose field names are recorded
  static constexpr std::size_t max_names = 256;

  ProblemLog& problems_;
  bool ndjson_;
  bool unique_ids_;
  const FieldSelection* kept_;
  IdIndex ids_;
  StringMap<const date::time_zone*> zones_;
  StringMap<std::optional<std::string>> extra_keys_;  // extra key → the known field it misspells
  std::string last_verdict_;
  Prospect prospect_;
  std::string key_;
  // The names of the prospect's extra string fields, kept or not, for the duplicate-key check:
  // one buffer reused from prospect to prospect.
  std::string extra_names_;
  std::vector<std::uint32_t> extra_name_ends_;
  Field field_{};
  std::uint32_t seen_ = 0;  // bit per known field: duplicate keys
  bool repeated_key_ = false;
  bool has_id_ = false;
  bool profile_url_given_ = false;  // valid or not: a bad one is its own problem
  bool valid_ = true;
  std::vector<std::string>* names_seen_ = nullptr;
  std::size_t prospects_begun_ = 0;
  const std::vector<std::pair<std::string, std::string>>* columns_ = nullptr;
};

}  // namespace outreach::detail
