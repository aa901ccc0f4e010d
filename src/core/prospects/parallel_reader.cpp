// The parallel prospects reader: this thread splits the input into batches of whole records
// (NDJSON lines, or the elements of the array), the pool's workers parse the batches, and the
// prospects come out here again in input order. Parsing is most of a plan's work and nlohmann's
// lexer runs one byte at a time, so on two cores this is what lets a plan keep up with the
// bytes. Finding where a record ends needs only quotes, backslashes and brackets, which is
// cheap; everything else about the text is judged by the same parser and builder as the exact
// reader uses. The first thing out of the ordinary ends the run (see read_prospects_parallel).
#include "prospects/parallel_reader.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <deque>
#include <future>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

#include "outreach/limits.hpp"
#include "prospects/id_index.hpp"
#include "prospects/json_scan.hpp"
#include "prospects/record_parser.hpp"

namespace outreach::detail {
namespace {

constexpr std::size_t read_size = 64 * 1024;
constexpr std::size_t batch_records = 256;
constexpr std::size_t batch_bytes = 512 * 1024;
// White space longer than this between array elements is left to the exact reader, which
// limits any run of bytes without a parse event.
constexpr std::size_t max_gap_bytes = 64 * 1024;

struct Record {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t position = 0;  // array index or NDJSON line
};

struct Batch {
  std::string bytes;
  std::vector<Record> records;
  std::vector<Prospect> prospects;
  bool invalid = false;      // some record is not a valid prospect
  std::future<void> parsed;  // the pool's task that parses it
};

// Cuts the input into batches of whole records. Any doubt — a byte where the structure allows
// none, a record near the size limit, the end of input inside a record — stops it with
// `unusual()` set.
class Splitter {
 public:
  explicit Splitter(std::istream& in) : in_(in) {}

  /// Skips a byte-order mark and white space and tells the format by the first byte; false when
  /// it is neither '[' nor '{'.
  bool start() {
    std::string& bytes = carry_;
    std::size_t at = 0;
    while (bytes.size() < 3 && read_more(bytes)) {
    }
    if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0)
      at = 3;
    else if (!bytes.empty() && static_cast<unsigned char>(bytes[0]) == 0xEF)
      return false;  // a broken mark: the exact reader explains
    for (;;) {
      while (at < bytes.size() && json_space(bytes[at])) {
        if (bytes[at] == '\n') ++line_;
        ++at;
      }
      if (at < bytes.size()) break;
      bytes.clear();  // any amount of leading white space, in constant memory
      at = 0;
      if (!read_more(bytes)) break;
    }
    if (at == bytes.size()) return false;
    array_ = bytes[at] == '[';
    if (!array_ && bytes[at] != '{') return false;
    if (array_) ++at;  // past '['
    bytes.erase(0, at);
    return true;
  }

  bool array() const { return array_; }
  bool unusual() const { return unusual_; }

  /// The next batch, or nullptr at the end of input or once something is unusual.
  std::unique_ptr<Batch> next() {
    if (finished_ || unusual_) return nullptr;
    auto batch = std::make_unique<Batch>();
    batch->bytes = std::move(carry_);
    carry_.clear();
    const std::size_t cut = array_ ? split_elements(*batch) : split_lines(*batch);
    if (unusual_) return nullptr;
    carry_.assign(batch->bytes, cut);
    batch->bytes.resize(cut);
    if (batch->records.empty()) return nullptr;
    return batch;
  }

 private:
  bool read_more(std::string& bytes) {
    if (!in_.good()) return false;
    const std::size_t old = bytes.size();
    bytes.resize(old + read_size);
    in_.read(bytes.data() + old, static_cast<std::streamsize>(read_size));
    bytes.resize(old + static_cast<std::size_t>(in_.gcount()));
    if (in_.bad()) unusual_ = true;
    return bytes.size() > old;
  }

  bool full(const Batch& batch, std::size_t scanned) const {
    return batch.records.size() >= batch_records ||
           (scanned >= batch_bytes && !batch.records.empty());
  }

  // NDJSON: one record per non-blank line. Returns where the batch ends.
  std::size_t split_lines(Batch& batch) {
    std::string& bytes = batch.bytes;
    std::size_t line_start = 0;
    while (!full(batch, line_start)) {
      const void* newline = std::memchr(bytes.data() + line_start, '\n', bytes.size() - line_start);
      const std::size_t end =
          newline != nullptr
              ? static_cast<std::size_t>(static_cast<const char*>(newline) - bytes.data())
              : bytes.size();
      if (end - line_start >= max_prospect_bytes) {
        unusual_ = true;
        return 0;
      }
      if (newline == nullptr && read_more(bytes)) continue;
      if (!blank_line(std::string_view(bytes).substr(line_start, end - line_start)))
        batch.records.push_back(Record{line_start, end, line_});
      if (newline == nullptr) {
        finished_ = true;
        return bytes.size();
      }
      ++line_;
      line_start = end + 1;
    }
    return line_start;
  }

  // A JSON array: one record per element, each of which must be an object. `state_` carries
  // over from one batch to the next, which always starts between two elements.
  std::size_t split_elements(Batch& batch) {
    std::string& bytes = batch.bytes;
    std::size_t at = 0;
    std::size_t gap_start = 0;  // where the bytes between elements began
    std::size_t cut = 0;
    while (!full(batch, cut)) {
      if (at == bytes.size()) {
        if (read_more(bytes)) continue;
        if (state_ != State::end) unusual_ = true;  // the input ends inside the array
        finished_ = true;
        return cut;
      }
      if (at - gap_start > max_gap_bytes) {
        unusual_ = true;
        return 0;
      }
      const char c = bytes[at];
      if (json_space(c)) {
        ++at;
        continue;
      }
      const bool object = c == '{';
      if ((state_ == State::first || state_ == State::next) && object) {
        const std::size_t begin = at;
        const std::size_t end = element_end(bytes, begin);
        if (unusual_) return 0;
        if (end == 0) {  // not whole yet; stops between elements if the input ends here
          if (read_more(bytes)) continue;
          unusual_ = true;
          return 0;
        }
        batch.records.push_back(Record{begin, end, index_++});
        state_ = State::after;
        at = gap_start = cut = end;
      } else if ((state_ == State::first || state_ == State::after) && c == ']') {
        state_ = State::end;
        ++at;
      } else if (state_ == State::after && c == ',') {
        state_ = State::next;
        ++at;
      } else {
        unusual_ = true;  // a missing or extra comma, a non-object element, text after ']'
        return 0;
      }
    }
    return cut;
  }

  // The end of the element (an object) starting at `begin`: one past its closing brace, or 0
  // when the bytes read so far end inside it. Strings are skipped to the next quote that no
  // backslash escapes; nlohmann checks everything else when it parses the element.
  std::size_t element_end(const std::string& bytes, std::size_t begin) {
    std::size_t depth = 0;
    std::size_t at = begin;
    while (at < bytes.size()) {
      if (at - begin >= max_prospect_bytes) {
        unusual_ = true;
        return 0;
      }
      const char c = bytes[at];
      if (c == '"') {
        at = json_string_end(bytes.data(), at, bytes.size());
        if (at == no_string_end) return 0;
        continue;
      }
      if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) return at + 1;
      }
      ++at;
    }
    return 0;
  }

  // Where the array's structure is: after '[', after ',', after an element, after ']'.
  enum class State { first, next, after, end };

  std::istream& in_;
  std::string carry_;  // bytes read past the last batch's end
  bool array_ = false;
  bool finished_ = false;
  bool unusual_ = false;
  State state_ = State::first;
  std::size_t line_ = 1;   // NDJSON: the line of the next byte
  std::size_t index_ = 0;  // array: the index of the next element
};

// Parses a batch with the record parser of the thread it runs on.
void parse(RecordParser& parser, Batch& batch) {
  try {
    batch.prospects.reserve(batch.records.size());
    for (const Record& record : batch.records) {
      Prospect prospect;
      if (!parser.parse(batch.bytes.data() + record.begin, batch.bytes.data() + record.end,
                        record.position, prospect)) {
        batch.invalid = true;
        return;
      }
      batch.prospects.push_back(std::move(prospect));
    }
  } catch (...) {
    batch.invalid = true;  // the exact reader meets the same and reports it
  }
}

// The batches handed to the pool and not yet handed on, oldest first. However the reading
// ends, every one of their tasks has finished before the batches and parsers go away.
class InFlight {
 public:
  InFlight(ThreadPool& pool, bool record_names)
      : pool_(pool), parsers_(pool.slots()), names_(record_names ? pool.slots() : 0) {}
  ~InFlight() {
    abandoned_ = true;
    for (const auto& batch : batches_) batch->parsed.wait();
  }
  InFlight(const InFlight&) = delete;
  InFlight& operator=(const InFlight&) = delete;

  std::size_t size() const { return batches_.size(); }
  bool empty() const { return batches_.empty(); }

  void submit(std::unique_ptr<Batch> batch, bool array_elements, const FieldSelection& kept) {
    Batch& parsed = *batch;
    parsed.parsed = pool_.async([this, &parsed, array_elements, &kept] {
      if (abandoned_) return;
      std::unique_ptr<RecordParser>& parser = parsers_[pool_.current_slot()];
      if (parser == nullptr) {
        const unsigned slot = pool_.current_slot();
        parser = std::make_unique<RecordParser>(array_elements, kept,
                                                names_.empty() ? nullptr : &names_[slot]);
      }
      parse(*parser, parsed);
    });
    batches_.push_back(std::move(batch));
  }

  /// The oldest batch, once parsed.
  Batch& front() {
    batches_.front()->parsed.wait();
    return *batches_.front();
  }
  void pop() { batches_.pop_front(); }

  /// The field names the record parsers collected, once every batch is parsed.
  void collect_names(std::vector<std::string>& out) const {
    for (const auto& names : names_)
      for (const std::string& name : names)
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }

 private:
  ThreadPool& pool_;
  std::vector<std::unique_ptr<RecordParser>> parsers_;  // one per pool slot, made on first use
  std::vector<std::vector<std::string>> names_;         // the field names each slot saw
  std::deque<std::unique_ptr<Batch>> batches_;
  std::atomic<bool> abandoned_{false};
};

}  // namespace

bool read_prospects_parallel(std::istream& in, ThreadPool& pool,
                             const std::function<void(std::vector<Prospect>&&)>& hand_on,
                             const FieldSelection& kept, std::vector<std::string>* field_names) {
  Splitter splitter(in);
  if (!splitter.start()) return false;
  InFlight in_flight(pool, field_names != nullptr);
  const std::size_t max_in_flight = 2 * static_cast<std::size_t>(pool.workers()) + 2;
  IdIndex ids;
  std::size_t count = 0;
  bool input_done = false;
  for (;;) {
    while (!input_done && in_flight.size() < max_in_flight) {
      std::unique_ptr<Batch> batch = splitter.next();
      if (batch == nullptr) {
        input_done = true;
        break;
      }
      in_flight.submit(std::move(batch), splitter.array(), kept);
    }
    if (in_flight.empty()) {
      if (field_names != nullptr) in_flight.collect_names(*field_names);
      break;
    }
    Batch& batch = in_flight.front();
    if (batch.invalid) return false;
    for (const Prospect& prospect : batch.prospects)
      if (++count > max_prospects || ids.insert(prospect.id, prospect.position)) return false;
    hand_on(std::move(batch.prospects));
    in_flight.pop();
  }
  return !splitter.unusual();
}

}  // namespace outreach::detail
