#include <sstream>

#include <catch2/catch.hpp>

#include "outreach/error.hpp"
#include "outreach/prospect_lists.hpp"

using namespace outreach;

namespace {

using Keys = std::vector<std::string>;

Keys connections(const std::string& text) {
  std::istringstream in(text);
  return read_connections(in, "Connections.csv");
}

Keys exclusions(const std::string& text) {
  std::istringstream in(text);
  return read_exclusions(in, "exclude.txt", Rules::builtin().csv);
}

template <typename F>
std::string error_of(F read, const std::string& text) {
  try {
    read(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

const std::string header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";

}  // namespace

TEST_CASE("Connections.csv: the note lines before the header, and its dates", "[lists]") {
  const std::string text =
      "Notes:\r\n\"When exporting your connection data, you may notice that some of the email "
      "addresses are missing.\"\r\n\r\n" +
      header +
      "Jane,Doe,https://www.linkedin.com/in/Jane-Doe,,Acme,CEO,15 Mar 2024\n"
      "Li,Wei,https://www.linkedin.com/in/li-wei,li@example.com,\"Beta, Inc\",CTO,1 jan 2023\n"
      "No,Url,,,,,02 Feb 2022\n"
      "Jane,Again,https://uk.linkedin.com/in/jane-doe/,,,,2024-03-15\n";
  CHECK(connections(text) == Keys{"linkedin.com/in/jane-doe", "linkedin.com/in/li-wei"});
  CHECK(connections(header).empty());
}

TEST_CASE("Connections.csv: errors name line and column", "[lists]") {
  CHECK(error_of(connections, "name,email\nx,y\n") ==
        "Connections.csv: no header line 'First Name,Last Name,URL,…' found: expected "
        "LinkedIn's Connections.csv (Settings, Data privacy, Get a copy of your data)");
  CHECK(error_of(connections, header + "J,D,https://example.com/j,,,,15 Mar 2024\n") ==
        "Connections.csv:2: column 'URL': expected a LinkedIn profile URL such as "
        "https://www.linkedin.com/in/jane-doe or a Sales Navigator lead URL, got "
        "\"https://example.com/j\"");
  for (const std::string date : {"32 Mar 2024", "15 March 2024", "Mar 15 2024", "15 Mar 24"}) {
    INFO(date);
    CHECK(error_of(connections, header + "J,D,https://www.linkedin.com/in/j,,,," + date + "\n")
              .rfind("Connections.csv:2: column 'Connected On': expected a date such as 15 Mar "
                     "2024, got ",
                     0) == 0);
  }
}

TEST_CASE("exclusions: lines of ids and profile URLs", "[lists]") {
  CHECK(exclusions("# customers\np-1\n\n  https://www.linkedin.com/in/Ana/  \n"
                   "https://www.linkedin.com/sales/lead/ACwAA1,NAME_SEARCH,x\np-1\n") ==
        Keys{"linkedin.com/in/ana", "linkedin.com/sales/lead/ACwAA1", "p-1"});
  CHECK(exclusions("").empty());
}

TEST_CASE("exclusions: a CSV with an id or profile URL column", "[lists]") {
  CHECK(exclusions("Owner,Record ID,Person Linkedin Url\nKim,CRM-7,https://de.linkedin.com/in/bo\n"
                   "Kim,,\n") == Keys{"CRM-7", "linkedin.com/in/bo"});
  CHECK(error_of(exclusions, "Name,Email\nJane,j@example.com\n") ==
        "exclude.txt:1: expected one id or profile URL a line, or a CSV header naming an 'id' or "
        "a profile URL column");
  CHECK(error_of(exclusions, "id,URL\np-1,https://twitter.com/x\n") ==
        "exclude.txt:2: column 'URL': expected a LinkedIn profile URL such as "
        "https://www.linkedin.com/in/jane-doe or a Sales Navigator lead URL, got "
        "\"https://twitter.com/x\"");
}

// Found by the fuzz target (tests/data/fuzz-regressions/csv/*-row-longer-than-header.csv): a
// row with more cells than the header read past the header's column names.
TEST_CASE("a row longer than its header: the extra cells are no named column", "[lists]") {
  CHECK(exclusions("id,Name\na,A\nb,B,unexpected\n") == Keys{"a", "b"});
  CHECK(exclusions("Name,Profile URL\nA,https://www.linkedin.com/in/a,x,y\n") ==
        Keys{"linkedin.com/in/a"});
  CHECK(connections("Notes:\nFirst Name,Last Name,URL\nA,B,https://www.linkedin.com/in/ab,15 "
                    "Mar 2024,x\n") == Keys{"linkedin.com/in/ab"});
}
