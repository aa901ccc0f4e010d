// Measures simdjson 3.0.1 (On-Demand) as the prospects reader of issue 5: reads a prospects file
// (JSON array or NDJSON, told apart by the first non-space byte), checks every SPEC §4 field's
// type and range, copies every string field into (name, value) pairs as the real reader does for
// templates, checks duplicate keys and ids, builds the library's record (outreach::Prospect) per
// prospect, and prints how many it read. Benchmark only: the product reader is
// src/core/prospect*.cpp.
//
//   simdjson_reader FILE [whole|chunked]
//
// whole (default): padded_string::load reads the whole file into memory; NDJSON goes through
// iterate_many, the array through one On-Demand document. chunked: the file is read in 4 MiB
// pieces cut after the last whole record (NDJSON: at a newline; an array: after an element,
// found as the product's parallel reader finds them, with the commas between elements turned
// into spaces) and each piece goes through iterate_many, so memory stays flat. simdjson 3.0.1
// itself has no way to stream the elements of one array.
#include <simdjson.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <date/tz.h>

#include "prospects/json_scan.hpp"

#include "outreach/calendar.hpp"
#include "outreach/prospect.hpp"

namespace {

namespace od = simdjson::ondemand;

struct Failure {
  std::string message;
};

[[noreturn]] void fail(std::size_t position, std::string_view field, std::string_view what) {
  throw Failure{"[" + std::to_string(position) + "]." + std::string(field) + ": " +
                std::string(what)};
}

bool boolean(od::value& value, std::size_t position, std::string_view field) {
  bool out = false;
  if (value.get_bool().get(out)) fail(position, field, "expected true or false");
  return out;
}

std::int64_t count(od::value& value, std::size_t position, std::string_view field) {
  std::int64_t out = 0;
  if (value.get_int64().get(out) || out < 0) fail(position, field, "expected an integer >= 0");
  return out;
}

std::string_view text(od::value& value, std::size_t position, std::string_view field) {
  std::string_view out;
  if (value.get_string().get(out)) fail(position, field, "expected a string");
  return out;
}

class Reader {
 public:
  std::size_t records = 0;
  std::size_t string_bytes = 0;  // keeps the records' contents observable

  void prospect(od::object object, std::size_t position) {
    // The record the real reader hands to the planner, from the library.
    outreach::Prospect r;
    r.position = position;
    r.fields.reserve(16);  // a CRM export carries about a dozen string fields
    std::uint32_t seen = 0;
    for (auto field : object) {
      std::string_view name;
      if (field.unescaped_key().get(name)) fail(position, "?", "bad key");
      od::value value;
      if (field.value().get(value)) fail(position, name, "bad value");
      std::size_t index = 0;
      while (index < known.size() && known[index] != name) ++index;
      if (index < known.size()) {
        const std::uint32_t bit = std::uint32_t{1} << index;
        if (seen & bit) fail(position, name, "duplicate key");
        seen |= bit;
      }
      od::json_type type;
      if (value.type().get(type)) fail(position, name, "bad value");
      // A value is read once: strings here, other types in the switch.
      std::string_view s;
      const bool is_string = type == od::json_type::string;
      if (is_string) {
        s = text(value, position, name);
        r.fields.emplace_back(std::string(name), std::string(s));
      }
      const auto string_field = [&]() {
        if (!is_string) fail(position, name, "expected a string");
        return s;
      };
      switch (index) {  // in the order of outreach::prospect_field_names()
        case 0:
          r.id = string_field();
          break;
        case 1: {
          bool null = false;
          if (value.is_null().get(null)) fail(position, name, "bad value");
          if (null) break;
          std::int64_t degree = 0;
          if (value.get_int64().get(degree) || degree < 1 || degree > 3)
            fail(position, name, "expected 1, 2, 3 or null");
          r.degree = static_cast<int>(degree);
          break;
        }
        case 2:
          r.open_profile = boolean(value, position, name);
          break;
        case 3:
          r.accepts_inmail = boolean(value, position, name);
          break;
        case 4:
          r.pending_invitations = count(value, position, name);
          break;
        case 5:
          r.rarely_accepts = boolean(value, position, name);
          break;
        case 6:
          r.deadline = outreach::parse_iso_date(string_field());
          if (!r.deadline) fail(position, name, "expected a date");
          break;
        case 7: {
          const auto goal = outreach::parse_goal(string_field());
          if (!goal) fail(position, name, "unknown goal");
          r.goal = *goal;
          break;
        }
        case 8:
          r.mutual_connections = count(value, position, name);
          break;
        case 9:
          r.zone = zone(string_field(), position);
          break;
        case 10:
          if (value.get_double().get(r.priority)) fail(position, name, "expected a number");
          break;
        case 11:
          r.group = string_field();
          break;
        case 12:
          r.do_not_contact = boolean(value, position, name);
          break;
        default:
          break;  // other fields: strings kept above, anything else ignored
      }
    }
    if (r.id.empty()) fail(position, "id", "missing");
    if (!ids_.emplace(r.id, position).second) fail(position, "id", "duplicate id");
    ++records;
    for (const auto& [key, value] : r.fields) string_bytes += key.size() + value.size();
  }

  void documents(od::document_stream& stream, std::size_t& position) {
    for (auto document : stream) {
      od::object object;
      if (document.get_object().get(object)) fail(position, "", "expected an object");
      prospect(object, position);
      ++position;
    }
    // iterate_many stops quietly before an unfinished last document.
    if (stream.truncated_bytes() != 0) fail(position, "", "unfinished JSON document");
  }

 private:
  // Time zones resolved once per name, as the real reader does.
  const date::time_zone* zone(std::string_view name, std::size_t position) {
    const std::string key(name);
    if (const auto it = zones_.find(key); it != zones_.end()) return it->second;
    const date::time_zone* found = nullptr;
    try {
      found = date::locate_zone(key);
    } catch (const std::runtime_error&) {
      fail(position, "timezone", "unknown time zone");
    }
    return zones_.emplace(key, found).first->second;
  }

  const std::span<const std::string_view> known = outreach::prospect_field_names();
  std::unordered_map<std::string, const date::time_zone*> zones_;
  std::unordered_map<std::string, std::size_t> ids_;
};

using outreach::detail::json_space;

// One past the last whole element in buffer[0, filled) of a JSON array whose '[' is gone,
// found as the product's parallel reader finds them (strings skipped to their closing quote,
// brackets counted); the commas between elements and the closing bracket become spaces, so
// that iterate_many takes the elements as a stream of documents.
std::size_t cut_after_elements(char* buffer, std::size_t filled) {
  std::size_t depth = 0;
  std::size_t last_end = 0;
  for (std::size_t at = 0; at < filled;) {
    const char c = buffer[at];
    if (c == '"') {
      at = outreach::detail::json_string_end(buffer, at, filled);
      if (at == outreach::detail::no_string_end) break;
      continue;
    }
    if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (depth == 0)
        buffer[at] = ' ';  // the array's end
      else if (--depth == 0)
        last_end = at + 1;
    } else if (c == ',' && depth == 0) {
      buffer[at] = ' ';
    }
    ++at;
  }
  return last_end;
}

// NDJSON, or the elements of an array, in 4 MiB pieces, each cut after its last whole record;
// the rest moves to the next piece.
void read_chunked(const char* path, Reader& reader) {
  constexpr std::size_t piece = std::size_t{4} << 20;
  constexpr std::size_t batch = std::size_t{1} << 20;  // longest record; simdjson: 1,000,000
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Failure{"cannot open the file"};
  std::vector<char> buffer(piece + simdjson::SIMDJSON_PADDING);
  std::size_t filled = 0;
  bool first = true;
  bool array = false;
  std::size_t position = 1;
  od::parser parser;
  for (;;) {
    in.read(buffer.data() + filled, static_cast<std::streamsize>(piece - filled));
    filled += static_cast<std::size_t>(in.gcount());
    const bool last = !in;
    if (first) {
      first = false;
      std::size_t from = 0;
      while (from < filled && json_space(buffer[from])) ++from;
      if (from < filled && buffer[from] == '[') {
        buffer[from] = ' ';
        array = true;
        position = 0;
      }
    }
    std::size_t cut = filled;
    if (array) {
      // The carried bytes start an unfinished element: it is scanned again from its start.
      cut = cut_after_elements(buffer.data(), filled);
    } else if (!last) {
      while (cut > 0 && buffer[cut - 1] != '\n') --cut;
    }
    if (cut == 0 && !last) throw Failure{"a record longer than 4 MiB"};
    od::document_stream stream;
    if (parser.iterate_many(buffer.data(), cut, batch).get(stream)) throw Failure{"bad input"};
    reader.documents(stream, position);
    std::memmove(buffer.data(), buffer.data() + cut, filled - cut);
    filled -= cut;
    if (last) break;
  }
}

void read_whole(const char* path, Reader& reader) {
  simdjson::padded_string json;
  if (simdjson::padded_string::load(path).get(json)) throw Failure{"cannot read the file"};
  std::size_t start = 0;
  while (start < json.size() && json_space(json.data()[start])) ++start;
  od::parser parser;
  if (start < json.size() && json.data()[start] == '[') {
    od::document document;
    if (parser.iterate(json).get(document)) throw Failure{"bad JSON"};
    od::array array;
    if (document.get_array().get(array)) throw Failure{"expected an array"};
    std::size_t position = 0;
    for (auto element : array) {
      od::object object;
      if (element.get_object().get(object)) fail(position, "", "expected an object");
      reader.prospect(object, position);
      ++position;
    }
    return;
  }
  od::document_stream stream;
  if (parser.iterate_many(json).get(stream)) throw Failure{"bad NDJSON"};
  std::size_t position = 1;
  reader.documents(stream, position);
}

}  // namespace

int main(int argc, char** argv) {
  const bool chunked = argc == 3 && std::strcmp(argv[2], "chunked") == 0;
  if (argc < 2 || argc > 3 || (argc == 3 && !chunked && std::strcmp(argv[2], "whole") != 0)) {
    std::fprintf(stderr, "usage: simdjson_reader FILE [whole|chunked]\n");
    return 2;
  }
  Reader reader;
  try {
    if (chunked)
      read_chunked(argv[1], reader);
    else
      read_whole(argv[1], reader);
  } catch (const Failure& failure) {
    std::fprintf(stderr, "simdjson_reader: %s: %s\n", argv[1], failure.message.c_str());
    return 2;
  } catch (const simdjson::simdjson_error& error) {
    std::fprintf(stderr, "simdjson_reader: %s: %s\n", argv[1], error.what());
    return 2;
  }
  std::printf("%zu prospects (%zu bytes of string fields)\n", reader.records, reader.string_bytes);
  return 0;
}
