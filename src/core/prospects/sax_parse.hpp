#pragma once
// nlohmann's SAX parser, compiled in small translation units of its own (this one for bytes in
// memory, stream.cpp for the stream). The lexer calls std::string::push_back for every
// byte of a string, and GCC leaves that call and the lexer's get() out of line under its default
// unit-growth budget: parsing a prospects file took 1.6 times the instructions. CMakeLists.txt
// raises the budget for these two files only. The handler is reached through nlohmann's virtual
// SAX interface: a virtual call per event costs nothing next to the bytes of the event.

#include <nlohmann/json.hpp>

namespace outreach::detail {

class ProspectStream;

using JsonSax = nlohmann::json_sax<nlohmann::json>;

/// Parses the JSON text in [first, last) strictly (one value, nothing after it).
bool sax_parse_bytes(char* first, char* last, JsonSax& sax);

/// Parses one JSON value read from the stream, strictly.
bool sax_parse_stream(ProspectStream& stream, JsonSax& sax);

}  // namespace outreach::detail
