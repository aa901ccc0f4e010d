#pragma once
/// A message draft file: optional `Subject:` / `Channel:` header lines, a blank line, the body.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace outreach {

/// One header value and where it stands in the file.
struct DraftHeader {
  std::string value;       ///< trimmed value after "Name:"
  std::size_t line = 0;    ///< 1-based line of the header
  std::size_t column = 0;  ///< 1-based column (code points) where the value starts
  std::size_t offset = 0;  ///< byte offset of the value in the normalised text
};

/// A 1-based line and column (in code points) of the file.
struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
};

/// A draft split into its parts. `text` is the file normalised for counting: a leading BOM
/// dropped, CRLF turned into LF, trailing newlines removed (SPEC §1). Offsets refer to `text`.
struct Draft {
  std::string text;
  std::optional<DraftHeader> subject;
  std::optional<DraftHeader> channel;  ///< the raw `Channel:` value; validated by the linter
  std::size_t body_offset = 0;         ///< byte offset of the body in `text`
  std::size_t body_line = 1;           ///< 1-based line where the body starts

  std::string_view body() const { return std::string_view(text).substr(body_offset); }
  /// Line and column of a byte offset in `text`, counted from the top of the file.
  TextPosition position(std::size_t offset) const;
};

/// Splits a draft. Headers are recognised only as a block of `Name: value` lines at the very
/// top whose names are Subject or Channel (case-insensitive), each at most once; one blank
/// line after the block is the separator and is dropped (the body may also follow the block
/// directly). Anything else is body. Works on any bytes (invalid UTF-8 is the linter's business).
Draft parse_draft(std::string_view file_bytes);

/// A draft made of a rendered subject (none for a message or a note) and body, as if read
/// from "Subject: …", a blank line and the body; the body is normalised like a file's.
Draft draft_from_parts(std::optional<std::string_view> subject, std::string_view body);

}  // namespace outreach
