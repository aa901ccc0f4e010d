#include "outreach/draft.hpp"

#include <catch2/catch.hpp>

using outreach::Draft;
using outreach::parse_draft;

TEST_CASE("a draft without headers is all body", "[draft]") {
  const Draft d = parse_draft("Hi Anna,\n\nWorth a chat?\n");
  CHECK_FALSE(d.subject);
  CHECK_FALSE(d.channel);
  CHECK(d.body() == "Hi Anna,\n\nWorth a chat?");
  CHECK(d.body_line == 1);
}

TEST_CASE("headers, one blank line, then the body", "[draft]") {
  const Draft d =
      parse_draft("Subject:   Your talk at SaaStr  \nChannel: inmail\n\nHi Dana,\nBye\n");
  REQUIRE(d.subject);
  CHECK(d.subject->value == "Your talk at SaaStr");
  CHECK(d.subject->line == 1);
  CHECK(d.subject->column == 12);
  CHECK(d.text.substr(d.subject->offset, 4) == "Your");
  REQUIRE(d.channel);
  CHECK(d.channel->value == "inmail");
  CHECK(d.channel->line == 2);
  CHECK(d.channel->column == 10);
  CHECK(d.body() == "Hi Dana,\nBye");
  CHECK(d.body_line == 4);
}

TEST_CASE("header names are case-insensitive", "[draft]") {
  const Draft d = parse_draft("SUBJECT: a\nchannel: connect\n\nbody");
  CHECK(d.subject->value == "a");
  CHECK(d.channel->value == "connect");
  CHECK(d.body() == "body");
}

TEST_CASE("only one blank line separates; more belong to the body", "[draft]") {
  const Draft d = parse_draft("Subject: a\n\n\nbody");
  CHECK(d.body() == "\nbody");
  CHECK(d.body_line == 3);
  CHECK(parse_draft("Subject: a\n \t \nbody").body() == "body");  // a blank line may hold spaces
}

TEST_CASE("the body may follow the headers directly", "[draft]") {
  const Draft d = parse_draft("Subject: a\nHi Anna");
  CHECK(d.subject->value == "a");
  CHECK(d.body() == "Hi Anna");
  CHECK(d.body_line == 2);
}

TEST_CASE("only Subject and Channel at the top are headers", "[draft]") {
  CHECK_FALSE(parse_draft("Hi Anna,\nSubject: x\n\nbody").subject);
  CHECK_FALSE(parse_draft("From: me\n\nbody").subject);
  CHECK_FALSE(parse_draft(" Subject: x\n\nbody").subject);  // indented: body text
  CHECK_FALSE(parse_draft("Subject x\n\nbody").subject);
  const Draft repeated = parse_draft("Subject: one\nSubject: two\n\nbody");
  CHECK(repeated.subject->value == "one");
  CHECK(repeated.body() == "Subject: two\n\nbody");
  CHECK(repeated.body_line == 2);
}

TEST_CASE("a draft of headers only has an empty body", "[draft]") {
  const Draft d = parse_draft("Subject: a\n\n\n");
  CHECK(d.subject->value == "a");
  CHECK(d.body().empty());
  CHECK(d.body_line == 2);
  const Draft separated = parse_draft("Subject: a\n\n  ");
  CHECK(separated.body() == "  ");
  CHECK(separated.body_line == 3);
  const Draft empty_subject = parse_draft("Subject:\n\nbody");
  REQUIRE(empty_subject.subject);
  CHECK(empty_subject.subject->value.empty());
  CHECK(empty_subject.subject->column == 9);
}

TEST_CASE("the text is normalised for counting", "[draft]") {
  SECTION("a leading BOM is dropped") {
    const Draft d = parse_draft("\xEF\xBB\xBFSubject: a\n\nbody");
    CHECK(d.subject->value == "a");
    CHECK(d.subject->column == 10);
  }
  SECTION("CRLF counts once") {
    const Draft d = parse_draft("Subject: a\r\n\r\nline 1\r\nline 2\r\n");
    CHECK(d.subject->value == "a");
    CHECK(d.body() == "line 1\nline 2");
  }
  SECTION("trailing newlines do not count, a lone CR is kept") {
    CHECK(parse_draft("body\n\n\n").body() == "body");
    CHECK(parse_draft("body\r\n\r\n").body() == "body");
    CHECK(parse_draft("a\rb").body() == "a\rb");
    CHECK(parse_draft("  body  \n").body() == "  body  ");
  }
  SECTION("a BOM in the middle is text") {
    CHECK(parse_draft("a\xEF\xBB\xBF").body() == "a\xEF\xBB\xBF");
  }
  SECTION("empty input") {
    const Draft d = parse_draft("");
    CHECK(d.text.empty());
    CHECK(d.body().empty());
  }
}

TEST_CASE("positions are lines and code-point columns from the top", "[draft]") {
  const Draft d = parse_draft("Subject: \u00e9t\u00e9\n\nHi \U0001F44D there\nx");
  CHECK(d.position(0).line == 1);
  CHECK(d.position(0).column == 1);
  CHECK(d.position(d.subject->offset).column == 10);
  const std::size_t there = d.text.find("there");
  CHECK(d.position(there).line == 3);
  CHECK(d.position(there).column == 6);  // H i space 👍 space
  CHECK(d.position(d.text.size()).line == 4);
  CHECK(d.position(d.text.size()).column == 2);
}

TEST_CASE("a draft from rendered parts", "[draft]") {
  const Draft d = outreach::draft_from_parts(std::string_view("Hello Anna"), "Body\r\nline\n\n");
  REQUIRE(d.subject);
  CHECK(d.subject->value == "Hello Anna");
  CHECK(d.subject->column == 10);
  CHECK(d.text.substr(d.subject->offset, 5) == "Hello");
  CHECK(d.body() == "Body\nline");
  CHECK(d.body_line == 3);
  CHECK(d.position(d.body_offset).line == 3);
  const Draft note = outreach::draft_from_parts(std::nullopt, "Subject: not a header");
  CHECK_FALSE(note.subject);
  CHECK(note.body() == "Subject: not a header");
}
