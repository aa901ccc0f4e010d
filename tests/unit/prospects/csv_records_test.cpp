#include "prospects/csv_records.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "outreach/error.hpp"

using outreach::InputError;
using outreach::detail::CsvRecord;
using outreach::detail::CsvRecords;

namespace {

std::vector<CsvRecord> records_of(const std::string& text, char delimiter = 0,
                                  std::size_t max_bytes = 1 << 20) {
  std::istringstream in(text);
  CsvRecords records(in, "t.csv", delimiter, max_bytes);
  std::vector<CsvRecord> out;
  CsvRecord record;
  while (records.next(record)) out.push_back(record);
  return out;
}

std::vector<std::vector<std::string>> cells_of(const std::string& text, char delimiter = 0) {
  std::vector<std::vector<std::string>> out;
  for (const auto& record : records_of(text, delimiter)) out.push_back(record.cells);
  return out;
}

std::string error_of(const std::string& text) {
  try {
    records_of(text, 0, 64);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

using Rows = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("CSV records: quoting, doubled quotes, delimiters inside quotes", "[csv]") {
  CHECK(cells_of("a,b\n1,\"x, y\"\n\"say \"\"hi\"\"\",2\n") ==
        Rows{{"a", "b"}, {"1", "x, y"}, {"say \"hi\"", "2"}});
}

TEST_CASE("CSV records: embedded newlines keep the line a record starts on", "[csv]") {
  const auto records = records_of("a,b\n\"one\ntwo\nthree\",2\nx,y\n");
  REQUIRE(records.size() == 3);
  CHECK(records[1].cells == std::vector<std::string>{"one\ntwo\nthree", "2"});
  CHECK(records[1].line == 2);
  CHECK(records[2].line == 5);
}

TEST_CASE("CSV records: CRLF line ends, and no newline at the end", "[csv]") {
  CHECK(cells_of("a,b\r\n1,2\r\n3,4") == Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}});
  CHECK(cells_of("a\r\n\"x\r\ny\"\r\n") == Rows{{"a"}, {"x\r\ny"}});
}

TEST_CASE("CSV records: a byte-order mark is skipped", "[csv]") {
  CHECK(cells_of("\xEF\xBB\xBFid,name\n1,x\n") == Rows{{"id", "name"}, {"1", "x"}});
}

TEST_CASE("CSV records: a header with more ';' than ',' is read as ';'-separated", "[csv]") {
  const std::string text = "id;name;note\n1;Jane;\"a; b, c\"\n";
  CHECK(cells_of(text) == Rows{{"id", "name", "note"}, {"1", "Jane", "a; b, c"}});
  std::istringstream in(text);
  CsvRecords records(in, "t.csv", 0, 1 << 20);
  CsvRecord record;
  REQUIRE(records.next(record));
  CHECK(records.delimiter() == ';');
  CHECK(cells_of("id,name;x\n1,2;3\n") == Rows{{"id", "name;x"}, {"1", "2;3"}});
}

TEST_CASE("CSV records: TSV keeps empty cells and the tabs' neighbours", "[csv]") {
  CHECK(cells_of("a\tb\tc\n1\t\t3\n", '\t') == Rows{{"a", "b", "c"}, {"1", "", "3"}});
}

TEST_CASE("CSV records: empty cells, blank lines and spaces", "[csv]") {
  CHECK(cells_of("a,b,c\n1,,\"\"\n\n2, x ,\" y \"\n") ==
        Rows{{"a", "b", "c"}, {"1", "", ""}, {"2", "x", " y "}});
  CHECK(cells_of("").empty());
}

TEST_CASE("CSV records: the line numbers count blank lines", "[csv]") {
  const auto records = records_of("a\n\n\nb\n");
  REQUIRE(records.size() == 2);
  CHECK(records[1].line == 4);
}

TEST_CASE("CSV records: malformed quoting is an error naming line and column", "[csv]") {
  CHECK(error_of("a,b\n1,x\"y\n") ==
        "t.csv:2: column 2: malformed quoting: a quote inside an unquoted cell, or text after a "
        "closing quote (a cell with quotes is quoted whole, its quotes doubled)");
  CHECK(error_of("a,b\n\"x\"y,1\n").rfind("t.csv:2: column 1: malformed quoting", 0) == 0);
  CHECK(error_of("a,b\n1,\"open\n") ==
        "t.csv:2: column 2: unclosed quote: the cell's quoted text runs to the end of the file");
}

TEST_CASE("CSV records: columns are named by their header once it is known", "[csv]") {
  std::istringstream in("Name,Note\n1,x\"y\n");
  CsvRecords records(in, "t.csv", 0, 1 << 20);
  CsvRecord header;
  REQUIRE(records.next(header));
  records.name_columns(header.cells);
  CsvRecord record;
  try {
    records.next(record);
    FAIL("no error");
  } catch (const InputError& error) {
    CHECK(std::string(error.what()).rfind("t.csv:2: column 'Note': malformed quoting", 0) == 0);
  }
}

TEST_CASE("CSV records: a record over the size limit is an error", "[csv]") {
  CHECK(error_of("a\n\"" + std::string(100, 'x') + "\"\n") ==
        "t.csv:2: column 1: record longer than 64 bytes (the largest prospect accepted); an "
        "unclosed quote?");
}

TEST_CASE("CSV records: records split across read chunks", "[csv]") {
  std::string text = "a,b\n";
  for (int i = 0; i < 20000; ++i) text += std::to_string(i) + ",\"x\ny\"\n";
  const auto records = records_of(text);
  REQUIRE(records.size() == 20001);
  CHECK(records.back().cells == std::vector<std::string>{"19999", "x\ny"});
  CHECK(records.back().line == 2 + 2 * 19999);
}

// The external acid test: every file of csv-spectrum gives exactly its JSON records.
TEST_CASE("CSV records: csv-spectrum", "[csv][external]") {
  const std::filesystem::path suite =
      std::filesystem::path(OUTREACH_SOURCE_DIR) / "../shared/testdata/csv-spectrum";
  if (!std::filesystem::is_directory(suite / "csvs")) {
    WARN("skipped: " << suite.string() << " is absent");
    return;
  }
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(suite / "csvs")) {
    const std::string name = entry.path().stem().string();
    INFO(name);
    std::ifstream csv(entry.path(), std::ios::binary);
    std::ifstream json_file(suite / "json" / (name + ".json"));
    REQUIRE(json_file);
    const nlohmann::json expected = nlohmann::json::parse(json_file);
    CsvRecords records(csv, name, ',', 1 << 20);
    CsvRecord header;
    REQUIRE(records.next(header));
    nlohmann::json got = nlohmann::json::array();
    CsvRecord record;
    while (records.next(record)) {
      nlohmann::json object = nlohmann::json::object();
      REQUIRE(record.cells.size() == header.cells.size());
      for (std::size_t i = 0; i < record.cells.size(); ++i)
        object[header.cells[i]] = record.cells[i];
      got.push_back(object);
    }
    CHECK(got == expected);
    ++files;
  }
  CHECK(files >= 10);
}
