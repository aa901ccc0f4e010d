#include "prospects/csv_reader.hpp"

#include <sstream>

#include <catch2/catch.hpp>

#include "entry_points.hpp"
#include "outreach/error.hpp"

using namespace outreach;

namespace {

std::vector<Prospect> read_csv(const std::string& text, ProspectFormat format = ProspectFormat::csv,
                               const std::string& origin = "leads.csv") {
  std::istringstream in(text);
  std::vector<Prospect> out;
  testing::read_prospects(
      in, origin, 50, [&](Prospect&& p) { out.push_back(std::move(p)); }, {}, format);
  return out;
}

std::string error_of(const std::string& text, ProspectFormat format = ProspectFormat::csv) {
  try {
    read_csv(text, format);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("CSV prospects: headers match the fields, typed values are read", "[csv]") {
  const auto prospects = read_csv(
      "ID,First Name,Connection Degree,Open-Profile,accepts inmail,Pending Invitations,"
      "Rarely Accepts,Deadline,Goal,Mutual Connections,Time Zone,Priority,Group,Do Not Contact\n"
      "p-1,Jane,2nd,Yes,n,5000,y,2026-12-10,recruiting,7,Asia/Kolkata,2.5,ops,no\n"
      "p-2,Li,Out of Network,false,TRUE,0,0,,,,,,,1\n");
  REQUIRE(prospects.size() == 2);
  const Prospect& p = prospects[0];
  CHECK(p.id == "p-1");
  CHECK(p.position == 2);
  CHECK(p.degree == 2);
  CHECK(p.open_profile);
  CHECK_FALSE(p.accepts_inmail);
  CHECK(p.pending_invitations == 5000);
  CHECK(p.rarely_accepts);
  REQUIRE(p.deadline);
  CHECK(*p.deadline == *parse_iso_date("2026-12-10"));
  CHECK(p.goal == Goal::recruiting);
  CHECK(p.mutual_connections == 7);
  REQUIRE(p.zone != nullptr);
  CHECK(p.zone->name() == "Asia/Kolkata");
  CHECK(p.priority == 2.5);
  CHECK(p.group == "ops");
  CHECK_FALSE(p.do_not_contact);
  CHECK(p.field("first_name") == "Jane");
  const Prospect& q = prospects[1];
  CHECK_FALSE(q.degree);
  CHECK(q.accepts_inmail);
  CHECK(q.do_not_contact);
  CHECK(q.position == 3);
}

TEST_CASE("CSV prospects: an empty cell is an absent field", "[csv]") {
  const auto prospects = read_csv("id,degree,accepts_inmail,priority,company\na,,,,\n");
  REQUIRE(prospects.size() == 1);
  CHECK_FALSE(prospects[0].degree);
  CHECK(prospects[0].accepts_inmail);
  CHECK(prospects[0].priority == 0);
  CHECK_FALSE(prospects[0].field("company"));
}

TEST_CASE("CSV prospects: ';' files, a BOM, CRLF and TSV", "[csv]") {
  const auto semicolons = read_csv("\xEF\xBB\xBFid;Company;Priority\r\na;\"Acme; Inc\";1.5\r\n");
  REQUIRE(semicolons.size() == 1);
  CHECK(semicolons[0].field("company") == "Acme; Inc");
  CHECK(semicolons[0].priority == 1.5);
  const auto tsv = read_csv("id\tnote\tdegree\na\tx, y\t1st\n", ProspectFormat::tsv, "l.tsv");
  REQUIRE(tsv.size() == 1);
  CHECK(tsv[0].field("note") == "x, y");
  CHECK(tsv[0].degree == 1);
}

TEST_CASE("CSV prospects: the rules' aliases name fields", "[csv]") {
  const auto prospects = read_csv("id,Connection,TZ\na,3rd+,Europe/Paris\n");
  REQUIRE(prospects.size() == 1);
  CHECK(prospects[0].degree == 3);
  CHECK(prospects[0].zone->name() == "Europe/Paris");
}

TEST_CASE("CSV prospects: every error names file, line and column", "[csv]") {
  CHECK(error_of("id,Degree\na,1\nb,fourth\n") ==
        "leads.csv:3: column 'Degree': expected 1, 2, 3, 1st, 2nd, 3rd, 3rd+, Out of Network or "
        "empty, got \"fourth\"");
  CHECK(error_of("id,Open Profile\na,maybe\n") ==
        "leads.csv:2: column 'Open Profile': expected true, false, yes, no, y, n, 1, 0 or empty, "
        "got \"maybe\"");
  CHECK(error_of("id,Mutual Connections\na,many\n") ==
        "leads.csv:2: column 'Mutual Connections': expected an integer from 0 to 1000000000, got "
        "\"many\"");
  CHECK(error_of("id,Mutual Connections\na,-3\n") ==
        "leads.csv:2: column 'Mutual Connections': expected an integer from 0 to 1000000000, got "
        "-3");
  CHECK(error_of("id,Priority\na,high\n") ==
        "leads.csv:2: column 'Priority': expected a number, got \"high\"");
  CHECK(error_of("id,Deadline\na,10/12/2026\n") ==
        "leads.csv:2: column 'Deadline': expected a date as YYYY-MM-DD, got \"10/12/2026\"");
  CHECK(error_of("id,Goal\na,sale\n") ==
        "leads.csv:2: column 'Goal': unknown goal \"sale\" (did you mean 'sales'?)");
  CHECK(error_of("id,Time Zone\na,Mars/Base\n").rfind("leads.csv:2: column 'Time Zone': ", 0) == 0);
  CHECK(error_of("id,name\na,x\na,y\n") ==
        "leads.csv:3: column 'id': duplicate id \"a\", first on line 2");
  CHECK(error_of("id,name\n,x\n") ==
        "leads.csv:2: no id: the row's id and profile URL cells are empty");
  CHECK(error_of("id,name\na,x,y\n") == "leads.csv:2: 3 cells where the header has 2");
  CHECK(error_of("id,name\na,\"x\xff\"\n") == "leads.csv:2: column 'name': invalid UTF-8");
  CHECK(error_of(std::string("id,name\na,\"x\0y\"\n", 16)) ==
        "leads.csv:2: column 'name': NUL byte in the cell");
}

TEST_CASE("CSV prospects: errors of the header", "[csv]") {
  CHECK(error_of("") ==
        "leads.csv: no prospects: the input is empty (a CSV file starts with its header line)");
  CHECK(error_of("First Name,first_name\n") ==
        "leads.csv:1: column 'first_name': names the field first_name like column 'First Name' "
        "before it; rename or remove one");
  CHECK(error_of("id,Connection Degree,degree\n") ==
        "leads.csv:1: column 'degree': names the field degree like column 'Connection Degree' "
        "before it; rename or remove one");
  CHECK(error_of("name,company\nx,y\n") ==
        "leads.csv:1: no id column: the header needs an 'id' or a profile URL column ('Profile "
        "URL', 'URL', …), which gives each prospect its id");
}

TEST_CASE("CSV prospects: trailing empty cells and a header alone", "[csv]") {
  CHECK(read_csv("id,name\na,x,,\n").size() == 1);
  CHECK(read_csv("id,name\n").empty());
}

TEST_CASE("CSV prospects: prospect formats by name and extension", "[csv]") {
  CHECK(parse_prospect_format("tsv") == ProspectFormat::tsv);
  CHECK_FALSE(parse_prospect_format("xlsx"));
  CHECK(prospect_format_of("leads.CSV") == ProspectFormat::csv);
  CHECK(prospect_format_of("a/b.tsv") == ProspectFormat::tsv);
  CHECK(prospect_format_of("p.json") == ProspectFormat::json);
  CHECK(prospect_format_of("-") == ProspectFormat::json);
  for (const std::string& name : prospect_format_names())
    CHECK(prospect_format_name(*parse_prospect_format(name)) == name);
}

TEST_CASE("CSV prospects: profile URLs give ids, normalised", "[csv][profile-url]") {
  const auto prospects = read_csv(
      "id,LinkedIn URL,name\n"
      ",https://www.linkedin.com/in/Jane-Doe/?trk=x,Jane\n"
      "p-2,https://uk.linkedin.com/in/li-wei,Li\n");
  REQUIRE(prospects.size() == 2);
  CHECK(prospects[0].id == "linkedin.com/in/jane-doe");
  CHECK(prospects[0].profile_url == "linkedin.com/in/jane-doe");
  CHECK(prospects[0].field("profile_url") == "linkedin.com/in/jane-doe");
  CHECK(prospects[1].id == "p-2");
  CHECK(prospects[1].profile_url == "linkedin.com/in/li-wei");
}

TEST_CASE("CSV prospects: profile URL errors name row and column", "[csv][profile-url]") {
  CHECK(error_of("name,Profile URL\nJane,https://twitter.com/jane\n") ==
        "leads.csv:2: column 'Profile URL': expected a LinkedIn profile URL such as "
        "https://www.linkedin.com/in/jane-doe or a Sales Navigator lead URL, got "
        "\"https://twitter.com/jane\"");
  CHECK(error_of("name,URL\nJane,https://www.linkedin.com/in/jane\nJ.,linkedin.com/in/JANE/\n") ==
        "leads.csv:3: column 'URL': duplicate id \"linkedin.com/in/jane\", first on line 2");
}
