#pragma once
// The CSV record reader (RFC 4180, through libcsv): an istream read in chunks and handed to
// libcsv a line at a time, so that each record is known with the line it starts on; a UTF-8
// byte-order mark is skipped and the delimiter is chosen from the first line when not given.
// Records are strings only: what they mean is the prospects reader's business.

#include <cstddef>
#include <deque>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace outreach::detail {

/// One record: its cells, and the 1-based line it starts on.
struct CsvRecord {
  std::vector<std::string> cells;
  std::size_t line = 0;
};

class CsvRecords {
 public:
  /// `delimiter` 0: ';' when the first line holds more ';' than ',', else ','. A record
  /// longer than `max_record_bytes` is an error.
  CsvRecords(std::istream& in, std::string origin, char delimiter, std::size_t max_record_bytes);
  ~CsvRecords();
  CsvRecords(const CsvRecords&) = delete;
  CsvRecords& operator=(const CsvRecords&) = delete;

  /// The next record, or false at the end of input. Throws InputError
  /// "origin:LINE: column 'Header': …" on malformed quoting or an over-long record, and
  /// IoError on a read error.
  bool next(CsvRecord& out);

  /// The header's cells, so that errors name a column by its header.
  void name_columns(std::vector<std::string> headers) { headers_ = std::move(headers); }
  /// The delimiter in use (known once the first record was asked for).
  char delimiter() const { return delimiter_; }

  /// Called by libcsv (through the C callbacks).
  void end_cell(const char* data, std::size_t size);
  void end_record();

 private:
  bool fill();
  void start();
  void feed(const char* data, std::size_t size);
  [[noreturn]] void fail(std::string_view message) const;
  void check_length() const;
  std::string column_here() const;

  struct Parser;
  std::istream& in_;
  std::string origin_;
  char delimiter_;
  std::size_t max_record_bytes_;
  std::unique_ptr<Parser> parser_;
  std::vector<char> chunk_;
  std::size_t chunk_len_ = 0, chunk_pos_ = 0;
  bool started_ = false, finished_ = false;
  std::size_t line_ = 1;         // the line of the next byte fed
  std::size_t record_line_ = 1;  // where the record being read starts
  std::size_t record_bytes_ = 0;
  CsvRecord current_;
  std::deque<CsvRecord> ready_;
  std::vector<std::string> headers_;
  std::optional<std::size_t> too_long_at_;  // the cell of a record over max_record_bytes
};

}  // namespace outreach::detail
