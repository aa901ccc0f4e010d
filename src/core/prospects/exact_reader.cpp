// The exact prospects reader: a JSON array through nlohmann's SAX parser fed chunk by chunk,
// or NDJSON one line at a time; one prospect is built at a time and handed on, so that neither
// the file nor a tree of it is ever held in memory.
#include "prospects/exact_reader.hpp"

#include <istream>
#include <utility>

#include <fmt/format.h>

#include "outreach/error.hpp"
#include "prospects/json_scan.hpp"
#include "prospects/sax_handler.hpp"

namespace outreach::detail {
namespace {

using Sink = ProspectSax::Sink;

constexpr std::size_t chunk_size = 64 * 1024;

void read_array(ProspectStream& stream, ProblemLog& problems, const Sink& sink,
                const FieldSelection& kept, std::vector<std::string>* field_names) {
  ProspectBuilder builder(problems, false, true, &kept);
  builder.record_field_names(field_names);
  std::size_t count = 0;
  ProspectSax sax(builder, problems, sink, count, &stream);
  stream.mark();
  sax_parse_stream(stream, sax);
  sax.report_stop();  // a NUL right after a complete list ends the parse without an error
}

void read_ndjson(ProspectStream& stream, ProblemLog& problems, const Sink& sink,
                 const FieldSelection& kept, std::vector<std::string>* field_names) {
  ProspectBuilder builder(problems, true, true, &kept);
  builder.record_field_names(field_names);
  std::size_t count = 0;
  std::string line;
  bool truncated = false;
  // The first line may have lost leading white space to format detection.
  std::size_t column_offset = stream.line_and_column(stream.offset()).second - 1;
  while (!problems.full()) {
    const std::size_t number = stream.line();
    if (!stream.read_line(line, max_prospect_bytes, truncated)) break;
    const std::size_t offset = std::exchange(column_offset, 0);
    if (truncated) {
      problems.add(fmt::format("{}:{}: line longer than {} bytes (the largest prospect accepted)",
                               problems.origin(), number, max_prospect_bytes));
      continue;
    }
    if (blank_line(line)) continue;
    if (const auto nul = line.find('\0'); nul != std::string::npos) {
      problems.add(fmt::format("{}:{}:{}: NUL byte in the input", problems.origin(), number,
                               offset + nul + 1));
      continue;
    }
    ProspectSax sax(builder, problems, sink, count, nullptr);
    sax.set_line(number, offset);
    sax_parse_bytes(line.data(), line.data() + line.size(), sax);
    sax.flush();
  }
}

}  // namespace

void read_prospects_in_order(std::istream& in, const std::string& origin, std::size_t max_problems,
                             const std::function<void(Prospect&&)>& sink,
                             const FieldSelection& kept, std::vector<std::string>* field_names) {
  ProspectStream stream(in, chunk_size, max_prospect_bytes);
  ProblemLog problems(origin, max_problems > 0 ? max_problems : 1);
  // A UTF-8 byte-order mark (spreadsheet exports write one) and white space may come first.
  int bom_bytes = 0;
  for (const int bom_byte : {0xEF, 0xBB, 0xBF}) {
    if (stream.peek() != bom_byte) break;
    stream.advance();
    ++bom_bytes;
  }
  const bool broken_bom = bom_bytes == 1 || bom_bytes == 2;
  for (int c = stream.peek(); !broken_bom && (c == ' ' || c == '\t' || c == '\r' || c == '\n');
       c = stream.peek())
    stream.advance();

  const int first = stream.peek();
  const auto [line, column] = stream.line_and_column(stream.offset());
  if (first == '[' && !broken_bom) {
    read_array(stream, problems, sink, kept, field_names);
  } else if (first == '{' && !broken_bom) {
    read_ndjson(stream, problems, sink, kept, field_names);
  } else if (first == 0) {
    problems.add(fmt::format("{}:{}:{}: NUL byte in the input", origin, line, column));
  } else if (first >= 0 || broken_bom) {
    problems.add(fmt::format(
        "{}:{}:{}: expected a JSON array of prospect objects, or one object per line (NDJSON)",
        origin, line, column));
  }
  if (stream.read_failed()) throw InputError(fmt::format("{}: read error", origin));
  if (first < 0 && !broken_bom)
    throw InputError(
        fmt::format("{}: no prospects: the input is empty (an empty list is [])", origin));
  if (!problems.empty()) throw InputError(problems.text());
}
}  // namespace outreach::detail
