#include "prospects/csv_records.hpp"

#include <algorithm>
#include <cstring>
#include <istream>
#include <new>

#include <csv.h>
#include <fmt/format.h>

#include "outreach/error.hpp"
#include "outreach/text.hpp"

namespace outreach::detail {
namespace {

constexpr std::size_t chunk_size = 64 * 1024;
// libcsv's state between records (ROW_NOT_BEGUN in libcsv.c): the next byte fed starts one.
constexpr int row_not_begun = 0;

// RFC 4180 keeps a cell's spaces; libcsv trims unquoted cells of spaces and tabs by default.
// Spaces go (a spreadsheet's "Jane , Doe" means "Jane"), tabs stay: they are TSV's delimiter.
int is_space(unsigned char c) { return c == ' ' ? 1 : 0; }

void on_cell(void* data, std::size_t size, void* self) {
  static_cast<CsvRecords*>(self)->end_cell(static_cast<const char*>(data), size);
}

void on_record(int, void* self) { static_cast<CsvRecords*>(self)->end_record(); }

}  // namespace

struct CsvRecords::Parser {
  csv_parser p{};
  Parser() {
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::bad_alloc();
    csv_set_space_func(&p, is_space);
  }
  ~Parser() { csv_free(&p); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};

CsvRecords::CsvRecords(std::istream& in, std::string origin, char delimiter,
                       std::size_t max_record_bytes)
    : in_(in),
      origin_(std::move(origin)),
      delimiter_(delimiter),
      max_record_bytes_(max_record_bytes),
      parser_(std::make_unique<Parser>()),
      chunk_(chunk_size) {}

CsvRecords::~CsvRecords() = default;

bool CsvRecords::fill() {
  if (!in_) return false;
  in_.read(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
  chunk_len_ = static_cast<std::size_t>(in_.gcount());
  chunk_pos_ = 0;
  if (in_.bad()) throw IoError(fmt::format("{}: read error", origin_));
  return chunk_len_ > 0;
}

void CsvRecords::start() {
  started_ = true;
  if (!fill()) return;
  // A UTF-8 byte-order mark (Excel writes one) is not part of the first header.
  if (chunk_len_ >= 3 && std::memcmp(chunk_.data(), "\xEF\xBB\xBF", 3) == 0) chunk_pos_ = 3;
  if (delimiter_ == 0) {
    // Spreadsheets in many European locales write ';' where ',' is the decimal separator.
    const char* begin = chunk_.data() + chunk_pos_;
    const char* end = chunk_.data() + chunk_len_;
    const char* line_end = std::find(begin, end, '\n');
    const auto semicolons = std::count(begin, line_end, ';');
    const auto commas = std::count(begin, line_end, ',');
    delimiter_ = semicolons > commas ? ';' : ',';
  }
  csv_set_delim(&parser_->p, static_cast<unsigned char>(delimiter_));
}

std::string CsvRecords::column_here() const {
  const std::size_t index = too_long_at_ ? *too_long_at_ : current_.cells.size();
  if (index < headers_.size())
    return fmt::format("column '{}'", printable(headers_[index].substr(0, 80)));
  return fmt::format("column {}", index + 1);
}

void CsvRecords::fail(std::string_view message) const {
  throw InputError(fmt::format("{}:{}: {}: {}", origin_, record_line_, column_here(), message));
}

// The callbacks run inside libcsv, C code that an exception must not cross: a problem is
// noted, and reported once csv_parse returns.
void CsvRecords::end_cell(const char* data, std::size_t size) {
  record_bytes_ += size + 1;
  if (record_bytes_ > max_record_bytes_ && !too_long_at_) too_long_at_ = current_.cells.size();
  current_.cells.emplace_back(data, size);
}

void CsvRecords::end_record() {
  current_.line = record_line_;
  ready_.push_back(std::move(current_));
  current_ = CsvRecord{};
  record_bytes_ = 0;
}

void CsvRecords::feed(const char* data, std::size_t size) {
  if (parser_->p.pstate == row_not_begun) record_line_ = line_;
  const std::size_t parsed = csv_parse(&parser_->p, data, size, on_cell, on_record, this);
  if (parsed < size) {
    if (csv_error(&parser_->p) == CSV_EPARSE)
      fail(
          "malformed quoting: a quote inside an unquoted cell, or text after a closing quote "
          "(a cell with quotes is quoted whole, its quotes doubled)");
    throw std::bad_alloc();
  }
  if (!too_long_at_ && record_bytes_ + parser_->p.entry_pos > max_record_bytes_)
    too_long_at_ = current_.cells.size();
  check_length();
}

void CsvRecords::check_length() const {
  if (too_long_at_)
    fail(
        fmt::format("record longer than {} bytes (the largest prospect accepted); an unclosed "
                    "quote?",
                    max_record_bytes_));
}

bool CsvRecords::next(CsvRecord& out) {
  if (!started_) start();
  while (ready_.empty() && !finished_) {
    if (chunk_pos_ == chunk_len_ && !fill()) {
      finished_ = true;
      if (csv_fini(&parser_->p, on_cell, on_record, this) != 0)
        fail("unclosed quote: the cell's quoted text runs to the end of the file");
      check_length();
      break;
    }
    // One line at a time, so that every record is known with the line it starts on.
    const char* begin = chunk_.data() + chunk_pos_;
    const char* end = chunk_.data() + chunk_len_;
    const char* newline = std::find(begin, end, '\n');
    const bool whole_line = newline != end;
    const std::size_t size = static_cast<std::size_t>(newline - begin) + (whole_line ? 1 : 0);
    feed(begin, size);
    chunk_pos_ += size;
    if (whole_line) ++line_;
  }
  if (ready_.empty()) return false;
  out = std::move(ready_.front());
  ready_.pop_front();
  return true;
}

}  // namespace outreach::detail
