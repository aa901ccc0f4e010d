#include <sstream>

#include <catch2/catch.hpp>

#include "command_line_sample.hpp"
#include "outreach/output.hpp"

using namespace outreach;

namespace {

std::string page() {
  std::ostringstream out;
  write_man_page(testing::command_line_sample(), Rules::builtin(), out);
  return out.str();
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("the manual page: title, a whatis line, synopsis", "[output]") {
  const std::string man = page();
  CHECK(has(man,
            ".TH OUTREACH 1 \"\" \"outreach " + std::string(version) + "\" \"User Commands\"\n"));
  // The description without "outreach: " and its period; the dash as a glyph.
  CHECK(has(man, ".SH NAME\noutreach \\- plan campaigns \\[u2014] offline\n"));
  CHECK(has(man, ".SH SYNOPSIS\n.B outreach\n[\\fIOPTIONS\\fR]\n\\fICOMMAND\\fR\n"));
}

TEST_CASE("the manual page: every command with its arguments, options and values", "[output]") {
  const std::string man = page();
  CHECK(has(man,
            ".SS \"outreach check\"\n.B outreach check\n[\\fIOPTIONS\\fR]\n"
            "\\fI\\%FILE\\fR...\n.PP\nLint message drafts.\n"));
  CHECK(has(man,
            ".TP\n\\fB\\%\\-\\-format\\fR \\fI\\%FORMAT\\fR\nOutput format: it's text.\n"
            ".br\n\\fI\\%FORMAT\\fR: one of \\fB\\%text\\fR, \\fB\\%json\\fR, "
            "\\fB\\%sarif\\fR.\n"));
  CHECK(has(man, ".SS \"outreach ledger add\"\n"));
  CHECK(has(man, "Its commands: \\fB\\%add\\fR, \\fB\\%show\\fR.\n"));
  CHECK(has(man, ".TP\n\\fI\\%PROSPECT\\fR\nProspect id.\n"));
  // The global options once, in OPTIONS; a command's own --help is left out.
  CHECK(has(man, ".SH OPTIONS\n"));
  CHECK(has(man, ".TP\n\\fB\\%\\-\\-rules\\fR \\fI\\%FILE\\fR\nReplace the rules [data].\n"));
  CHECK_FALSE(has(man, ".SS \"outreach\"\n"));
}

TEST_CASE("the manual page: the rules data's rules, codes and plans", "[output]") {
  const std::string man = page();
  CHECK(has(man, ".SH LINT RULES\n"));
  CHECK(has(man, ".TP\n\\fB\\%long\\-inmail\\fR (warning)\nInMails shorter than 400"));
  CHECK(has(man, ".TP\n\\fB\\%missing\\-field\\fR (error)\n"));
  CHECK(has(man, ".TP\n\\fB\\%no\\-credits\\fR\nAn InMail would have been worth a credit"));
  CHECK(has(man,
            ".TP\n\\fB\\%recruiter\\fR\nRecruiter: 150 credits a month, the balance capped "
            "at 450.\n"));
  CHECK(has(man, ".SH EXIT STATUS\n"));
  CHECK(has(man, ".SH ENVIRONMENT\n"));
}

TEST_CASE("the manual page escapes what roff would read as requests or escapes", "[output]") {
  CommandSpec command{"outreach", "x", {}, {}, {}};
  command.subcommands.push_back({"odd", ".starts with a dot, has a \\ and a \x01", {}, {}, {}});
  std::ostringstream out;
  write_man_page(command, Rules::builtin(), out);
  CHECK(has(out.str(), ".PP\n\\&.starts with a dot, has a \\e and a .\n"));
}
