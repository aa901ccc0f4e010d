#include "outreach/lint.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <tuple>

#include "entry_points.hpp"
#include "outreach/error.hpp"

using outreach::CountUnit;
using outreach::Diagnostic;
using outreach::InputError;
using outreach::LintEngine;
using outreach::LintOptions;
using outreach::LintResult;
using outreach::Rules;

namespace {

// A short body that trips no rule: it asks a question and opens with something specific.
constexpr std::string_view fine_body = "Loved your SaaStr talk on call coaching. Worth a chat?";

LintResult lint(std::string_view text, LintOptions options = {}) {
  static const LintEngine engine(Rules::builtin());
  return engine.lint_file(text, "d.txt", options);
}

LintOptions on(std::string channel, CountUnit unit = CountUnit::utf16) {
  LintOptions options;
  options.channel = std::move(channel);
  options.unit = unit;
  return options;
}

std::vector<std::string> rules_of(const LintResult& result) {
  std::vector<std::string> ids;
  for (const Diagnostic& d : result.diagnostics) ids.push_back(d.rule);
  return ids;
}

bool fires(const LintResult& result, const std::string& id) {
  const auto ids = rules_of(result);
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// A copy: the result is often a temporary.
Diagnostic finding(const LintResult& result, const std::string& id) {
  for (const Diagnostic& d : result.diagnostics)
    if (d.rule == id) return d;
  FAIL("no " << id << " finding");
  throw std::logic_error("unreachable");
}

std::string error_of(std::string_view text, LintOptions options = {}) {
  try {
    lint(text, options);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

std::string inmail(std::string_view subject, std::string_view body) {
  return "Subject: " + std::string(subject) + "\n\n" + std::string(body) + "\n";
}

std::string repeated(std::string_view piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

}  // namespace

TEST_CASE("a good InMail has no findings", "[lint]") {
  const LintResult r = lint(inmail("Your SaaStr talk on call coaching", fine_body));
  CHECK(r.channel == "inmail");
  CHECK(r.diagnostics.empty());
  CHECK_FALSE(r.has_errors());
  CHECK(r.counts.subject == 33);
  CHECK(r.counts.body == fine_body.size());
  CHECK(r.counts.limit_subject == 200);
  CHECK(r.counts.limit_body == 1900);
}

TEST_CASE("the channel: --channel, else Channel:, else inmail with a subject, else message",
          "[lint]") {
  CHECK(lint(fine_body).channel == "message");
  CHECK(lint(inmail("Hello Anna", fine_body)).channel == "inmail");
  CHECK(lint("Subject:\n\nbody?").channel == "inmail");
  CHECK(lint("Channel: connect\n\nbody?").channel == "connect");
  CHECK(lint("Channel: InMail\nSubject: x\n\nbody?").channel == "inmail");
  CHECK(lint("Channel: connect\n\nbody?", on("message")).channel == "message");
  CHECK(lint(inmail("x", "y?"), on("message")).channel == "message");
  const LintResult note = lint("Channel: connect\n\nbody?");
  CHECK(note.counts.limit_body == 300);
  CHECK(note.counts.limit_subject == 0);
  CHECK(lint(fine_body).counts.limit_body == 8000);
}

TEST_CASE("the default channel (an account's template key) comes after --channel and Channel:",
          "[lint]") {
  LintOptions listed;
  listed.default_channel = "connect";
  CHECK(lint(fine_body, listed).channel == "connect");
  CHECK(lint(fine_body, listed).counts.limit_body == 300);
  // A subject does not make a template listed as a connection note an InMail.
  CHECK(lint(inmail("x", "y?"), listed).channel == "connect");
  CHECK(lint("Channel: message\n\nbody?", listed).channel == "message");
  LintOptions forced = on("inmail");
  forced.default_channel = "connect";
  CHECK(lint(inmail("x", "y?"), forced).channel == "inmail");
}

TEST_CASE("an unknown channel is bad input naming the file and line", "[lint]") {
  CHECK(error_of("Subject: x\nChannel: inmial\n\nbody") ==
        "d.txt:2: unknown channel 'inmial' (did you mean 'inmail'?)");
  CHECK(error_of("Channel: sms\n\nbody") ==
        "d.txt:1: unknown channel 'sms' (expected message, inmail or connect)");
  CHECK(error_of("Channel: message-ad\n\nbody") ==
        "d.txt:1: unknown channel 'message-ad' (did you mean 'message'?)");
  CHECK(error_of("Channel:\n\nbody") ==
        "d.txt:1: unknown channel '' (expected message, inmail or connect)");
  CHECK(error_of("Channel: \x1b[31m\n\nbody") ==
        "d.txt:1: unknown channel '\\x1B[31m' (expected message, inmail or connect)");
  // The header is validated even when --channel overrides it.
  CHECK(error_of("Channel: inmial\n\nbody", on("inmail")) ==
        "d.txt:1: unknown channel 'inmial' (did you mean 'inmail'?)");
  CHECK(error_of("body", on("conect")) ==
        "--channel: unknown channel 'conect' (did you mean 'connect'?)");
}

TEST_CASE("body-too-long at and around every channel's limit", "[lint]") {
  SECTION("InMail: 1,900 fits, 1,901 does not") {
    CHECK_FALSE(fires(lint(inmail("Hello", std::string(1900, 'a'))), "body-too-long"));
    const LintResult r = lint(inmail("Hello", std::string(1901, 'a')));
    const Diagnostic d = finding(r, "body-too-long");
    CHECK(d.severity == "error");
    CHECK(d.line == 3);
    CHECK(d.column == 1901);
    CHECK(d.message == "body is 1,901 characters; the InMail limit is 1,900");
    CHECK(r.has_errors());
  }
  SECTION("an emoji straddling the limit is the first character over it") {
    const std::string body = std::string(1899, 'a') + "\U0001F44D";
    const Diagnostic d = finding(lint(inmail("Hello", body)), "body-too-long");
    CHECK(d.column == 1900);
    CHECK(d.message == "body is 1,901 characters; the InMail limit is 1,900");
    CHECK_FALSE(
        fires(lint(inmail("Hello", body), on("inmail", CountUnit::code_points)), "body-too-long"));
  }
  SECTION("the limit counts from the body's first line, across lines") {
    const std::string body = std::string(1000, 'a') + "\n" + std::string(1000, 'b');
    const Diagnostic d = finding(lint(inmail("Hello", body)), "body-too-long");
    CHECK(d.line == 4);
    CHECK(d.column == 900);  // 1,000 + the line break + 899 = 1,900 fit
  }
  SECTION("message: 8,000") {
    CHECK_FALSE(fires(lint(std::string(8000, 'a')), "body-too-long"));
    const Diagnostic d = finding(lint(std::string(8001, 'a')), "body-too-long");
    CHECK(d.line == 1);
    CHECK(d.column == 8001);
    CHECK(d.message == "body is 8,001 characters; the message limit is 8,000");
  }
  SECTION("connection note: 300") {
    CHECK_FALSE(fires(lint(std::string(300, 'a'), on("connect")), "body-too-long"));
    CHECK(finding(lint(std::string(301, 'a'), on("connect")), "body-too-long").message ==
          "body is 301 characters; the connection note limit is 300");
  }
  SECTION("in code points and graphemes") {
    const std::string accents = repeated("e\u0301", 200);  // 400 code points, 200 graphemes
    CHECK(fires(lint(accents, on("connect", CountUnit::code_points)), "body-too-long"));
    CHECK(finding(lint(accents, on("connect", CountUnit::code_points)), "body-too-long").message ==
          "body is 400 code points; the connection note limit is 300");
    CHECK_FALSE(fires(lint(accents, on("connect", CountUnit::graphemes)), "body-too-long"));
    const std::string flags = repeated("\U0001F1EB\U0001F1F7", 301);
    const Diagnostic d = finding(lint(flags, on("connect", CountUnit::graphemes)), "body-too-long");
    CHECK(d.column == 601);  // 300 flags of two code points each fit
    CHECK(d.message == "body is 301 graphemes; the connection note limit is 300");
  }
}

TEST_CASE("subject-missing", "[lint]") {
  const Diagnostic d = finding(lint(fine_body, on("inmail")), "subject-missing");
  CHECK(d.line == 1);
  CHECK(d.column == 1);
  CHECK(d.severity == "error");
  CHECK(d.message ==
        "InMail needs a subject: start the file with a 'Subject:' line and a blank line");
  const Diagnostic empty = finding(lint("Subject:  \n\nWorth a chat?"), "subject-missing");
  CHECK(empty.column == 11);  // where the value would start
  CHECK(empty.message == "the InMail subject is empty");
  CHECK_FALSE(fires(lint(inmail("Hello", fine_body)), "subject-missing"));
  CHECK_FALSE(fires(lint(fine_body), "subject-missing"));
}

TEST_CASE("subject-too-long at and around 200", "[lint]") {
  CHECK_FALSE(fires(lint(inmail(std::string(200, 's'), fine_body)), "subject-too-long"));
  const Diagnostic d = finding(lint(inmail(std::string(201, 's'), fine_body)), "subject-too-long");
  CHECK(d.line == 1);
  CHECK(d.column == 210);  // "Subject: " is 9 columns, then 200 fit
  CHECK(d.message == "subject is 201 characters; the InMail subject limit is 200");
  const std::string straddling = std::string(199, 's') + "\U0001F44D";
  CHECK(finding(lint(inmail(straddling, fine_body)), "subject-too-long").column == 209);
  CHECK_FALSE(fires(lint(inmail(straddling, fine_body), on("inmail", CountUnit::graphemes)),
                    "subject-too-long"));
}

TEST_CASE("subject-not-supported", "[lint]") {
  const Diagnostic d =
      finding(lint(inmail("Hello", fine_body), on("message")), "subject-not-supported");
  CHECK(d.line == 1);
  CHECK(d.column == 1);
  CHECK(d.message == "a message has no subject line; this subject would be lost");
  CHECK(finding(lint("Channel: connect\nSubject: Hi\n\nbody?"), "subject-not-supported").message ==
        "a connection note has no subject line; this subject would be lost");
  CHECK(finding(lint("Channel: connect\nSubject: Hi\n\nbody?"), "subject-not-supported").line == 2);
  CHECK_FALSE(fires(lint(inmail("Hello", fine_body)), "subject-not-supported"));
  // The subject of a message is neither too long nor judged for style: it would be lost anyway.
  const LintResult r = lint(inmail("URGENT " + std::string(300, 's'), fine_body), on("message"));
  CHECK(rules_of(r) == std::vector<std::string>{"subject-not-supported"});
  CHECK(r.counts.subject == 307);
  CHECK(r.counts.limit_subject == 0);
}

TEST_CASE("empty-body", "[lint]") {
  const Diagnostic d = finding(lint(""), "empty-body");
  CHECK(d.line == 1);
  CHECK(d.column == 1);
  CHECK(d.message == "body is empty");
  CHECK(rules_of(lint("")) == std::vector<std::string>{"empty-body"});
  const Diagnostic headers_only = finding(lint("Subject: Hello\n\n\n"), "empty-body");
  CHECK(headers_only.line == 2);
  const Diagnostic blank = finding(lint("Subject: Hello\n\n  \n\t \u200B\u00A0"), "empty-body");
  CHECK(blank.line == 3);
  CHECK(blank.message == "body is white space only");
  CHECK(rules_of(lint("Subject: Your talk\n\n   ")) == std::vector<std::string>{"empty-body"});
  CHECK_FALSE(fires(lint("?"), "empty-body"));
  CHECK(fires(lint("", on("connect")), "empty-body"));
}

TEST_CASE("unfilled-placeholder finds each style", "[lint]") {
  const LintResult r = lint(
      "Subject: Idea for [Company]\n\nHi {{first_name}}, {first name} at <Name> and [Similar "
      "Company]?");
  std::vector<std::pair<std::size_t, std::string>> found;
  for (const Diagnostic& d : r.diagnostics)
    if (d.rule == "unfilled-placeholder") found.emplace_back(d.column, d.message);
  CHECK(found == std::vector<std::pair<std::size_t, std::string>>{
                     {19, "unfilled placeholder '[Company]'"},
                     {4, "unfilled placeholder '{{first_name}}'"},
                     {20, "unfilled placeholder '{first name}'"},
                     {36, "unfilled placeholder '<Name>'"},
                     {47, "unfilled placeholder '[Similar Company]'"}});
  CHECK(finding(r, "unfilled-placeholder").severity == "error");
}

TEST_CASE("unfilled-placeholder leaves ordinary brackets alone", "[lint]") {
  for (const char* body :
       {"Mail me at <anna@example.com>?", "See <https://example.com/x>?",
        "As shown in [1], it works?", "I <3 your work?", "{ } and [ ]?", "a < b and c > d?",
        "Notes [this is far too long to be a placeholder "
        "name, surely]?",
        "Hi {{first_name?\nx}}"}) {
    INFO(body);
    CHECK_FALSE(fires(lint(body), "unfilled-placeholder"));
  }
}

TEST_CASE("invalid-utf8 and NUL bytes are findings, not errors of the run", "[lint]") {
  const LintResult r = lint("Subject: Hello\n\nCaf\xE9 ok?\nand \xFF\xFE more?");
  const Diagnostic d = finding(r, "invalid-utf8");
  CHECK(d.line == 3);
  CHECK(d.column == 4);
  CHECK(d.message == "byte 0xE9 is not valid UTF-8 (first of 3 bad places)");
  CHECK(r.counts.body == 21);  // each bad byte counts as one replacement character
  const Diagnostic nul = finding(lint(std::string("Hi\0 there?", 10)), "invalid-utf8");
  CHECK(nul.column == 3);
  CHECK(nul.message == "NUL byte in the text");
  CHECK(finding(lint("\xC3"), "invalid-utf8").message == "byte 0xC3 is not valid UTF-8");
  CHECK_FALSE(fires(lint(inmail("H\u00e9llo", "Caf\u00e9 \U0001F44D?")), "invalid-utf8"));
}

TEST_CASE("long-inmail from 400 characters", "[lint]") {
  const std::string body = std::string(398, 'a') + "?";
  CHECK_FALSE(fires(lint(inmail("Hello", body)), "long-inmail"));
  const Diagnostic d = finding(lint(inmail("Hello", body + "b")), "long-inmail");
  CHECK(d.severity == "warning");
  CHECK(d.line == 3);
  CHECK(d.column == 400);
  CHECK(d.message == "InMail body is 400 characters; InMails under 400 get about 22% more replies");
  CHECK_FALSE(fires(lint(body + "b"), "long-inmail"));  // a message may be long
  CHECK_FALSE(
      fires(lint(inmail("Hello", repeated("\U0001F44D", 200)), on("inmail", CountUnit::graphemes)),
            "long-inmail"));
  CHECK(fires(lint(inmail("Hello", repeated("\U0001F44D", 200))), "long-inmail"));
}

TEST_CASE("generic-subject: the whole subject is a stock phrase", "[lint]") {
  for (const char* subject :
       {"Quick question", "Quick question?", "quick  QUESTION!", "Hi there", "Opportunity",
        "Let\u2019s connect", "\U0001F44B Hi there \U0001F44B"}) {
    INFO(subject);
    CHECK(fires(lint(inmail(subject, fine_body)), "generic-subject"));
  }
  CHECK(finding(lint(inmail("Quick question", fine_body)), "generic-subject").message ==
        "subject 'Quick question' is generic: say what the message is about");
  CHECK(finding(lint(inmail("Quick question", fine_body)), "generic-subject").column == 10);
  for (const char* subject :
       {"Quick question about your GTM approach", "Sarah Chen suggested I reach out"}) {
    INFO(subject);
    CHECK_FALSE(fires(lint(inmail(subject, fine_body)), "generic-subject"));
  }
}

TEST_CASE("clickbait-subject: phrases, shouting capitals, exclamation runs", "[lint]") {
  const auto message_of = [](const char* subject) {
    return finding(lint(inmail(subject, fine_body)), "clickbait-subject").message;
  };
  CHECK(message_of("You won't believe this") ==
        "subject says 'You won't believe', which reads as clickbait");
  CHECK(message_of("Urgent: your pricing") == "subject says 'Urgent', which reads as clickbait");
  CHECK(message_of("Your plan for THIS quarter") == "subject shouts 'THIS' in capitals");
  CHECK(message_of("Big news for DON'T-miss fans") == "subject shouts 'DON'T' in capitals");
  CHECK(message_of("Big news!!!") == "subject has 3 '!' in a row");
  CHECK(message_of("ÉNORME nouvelle") == "subject shouts 'ÉNORME' in capitals");
  CHECK(finding(lint(inmail("Big news!!!", fine_body)), "clickbait-subject").column == 18);
  for (const char* subject :
       {"Your GTM plan at SaaStr", "Big news!!", "Insurgent tactics in B2B sales",
        "Idea to cut prospecting time by 50%"}) {
    INFO(subject);
    CHECK_FALSE(fires(lint(inmail(subject, fine_body)), "clickbait-subject"));
  }
}

TEST_CASE("formal-subject", "[lint]") {
  const Diagnostic d =
      finding(lint(inmail("Request for a meeting regarding potential synergies", fine_body)),
              "formal-subject");
  CHECK(d.column == 10);
  CHECK(d.message == "subject reads like a form letter: 'Request for a meeting'");
  CHECK(finding(lint(inmail("Our SYNERGIES", fine_body)), "formal-subject").column == 14);
  CHECK_FALSE(fires(lint(inmail("Meeting at SaaStr next week", fine_body)), "formal-subject"));
}

TEST_CASE("no-call-to-action", "[lint]") {
  const Diagnostic d =
      finding(lint("Subject: Hello\n\n\n  Thanks for the talk."), "no-call-to-action");
  CHECK(d.line == 4);
  CHECK(d.column == 3);
  CHECK(d.message == "body asks nothing: end with a soft question to say yes to");
  for (const char* body : {"Worth a chat?", "Let me know what you think.",
                           "Would you be open to a call.", "Happy to share the deck."}) {
    INFO(body);
    CHECK_FALSE(fires(lint(body), "no-call-to-action"));
  }
  CHECK(fires(lint("We are unhappy to report."), "no-call-to-action"));  // whole words only
}

TEST_CASE("generic-opener, after a greeting", "[lint]") {
  const auto opener = [](std::string_view body) { return lint(inmail("Hello", body)); };
  const Diagnostic d = finding(opener("I hope this finds you well. Chat?"), "generic-opener");
  CHECK(d.line == 3);
  CHECK(d.column == 1);
  CHECK(d.message == "body opens with a stock line: 'I hope this finds you well'");
  CHECK(finding(opener("Hi Anna,\n\nMy name is Sam. Chat?"), "generic-opener").line == 5);
  CHECK(finding(opener("Dear Anna, I am writing to ask. Chat?"), "generic-opener").column == 12);
  CHECK(finding(opener("Hello there! I'm reaching out. Chat?"), "generic-opener").message ==
        "body opens with a stock line: 'I'm reaching out'");
  CHECK(fires(opener("Hi Anna\nI hope you are well. Chat?"), "generic-opener"));
  for (const char* body :
       {"Hiring is hard. My name is Sam. Chat?", "Loved your talk. I hope you are well?",
        "Hi Anna, loved your talk. My name is Sam?"}) {
    INFO(body);
    CHECK_FALSE(fires(opener(body), "generic-opener"));
  }
}

TEST_CASE("template mode (--template) allows fields and checks their syntax", "[lint]") {
  LintOptions options;
  options.template_mode = true;
  const std::string good =
      inmail("Idea for {{company|your team}}", "Hi {{FIRST_NAME}}, worth a chat?");
  CHECK(lint(good, options).diagnostics.empty());
  CHECK(fires(lint(good), "unfilled-placeholder"));

  const LintResult bad = lint(inmail("Idea", "Hi {{first_name, worth a chat? [Company]"), options);
  const Diagnostic d = finding(bad, "template-syntax");
  CHECK(d.severity == "error");
  CHECK(d.line == 3);
  CHECK(d.column == 4);
  CHECK(d.message == "unclosed '{{' (no '}}' on the same line)");
  CHECK(finding(bad, "unfilled-placeholder").message == "unfilled placeholder '[Company]'");

  const Diagnostic in_subject =
      finding(lint(inmail("Idea {{}}", "Chat?"), options), "template-syntax");
  CHECK(in_subject.line == 1);
  CHECK(in_subject.column == 15);
  CHECK(in_subject.message == "empty field name in '{{}}'");
  CHECK_FALSE(fires(lint(inmail("Idea {{}}", "Chat?")), "template-syntax"));
  // A broken "{{company}" is one finding, not also the placeholder "{company}".
  CHECK(rules_of(lint(inmail("Idea for {{company}", "Chat?"), options)) ==
        std::vector<std::string>{"template-syntax"});
  CHECK(rules_of(lint(inmail("Idea for {{company}", "Chat?"))) ==
        std::vector<std::string>{"unfilled-placeholder"});
}

TEST_CASE("disabled rules (--disable) are rules off", "[lint]") {
  LintOptions options;
  options.disabled = {"generic-subject", "no-call-to-action", "body-too-long"};
  const LintResult r = lint(inmail("Quick question", std::string(2000, 'a')), options);
  CHECK(rules_of(r) == std::vector<std::string>{"long-inmail"});
  CHECK(r.counts.body == 2000);
}

TEST_CASE("findings are sorted by line, column, then rule order", "[lint]") {
  const LintResult r = lint("Subject: Quick question!!!\n\nI hope you are well. [Company]");
  CHECK(rules_of(r) == std::vector<std::string>{"generic-subject", "clickbait-subject",
                                                "no-call-to-action", "generic-opener",
                                                "unfilled-placeholder"});
  for (std::size_t i = 1; i < r.diagnostics.size(); ++i) {
    const auto& a = r.diagnostics[i - 1];
    const auto& b = r.diagnostics[i];
    CHECK((a.line < b.line || (a.line == b.line && a.column <= b.column)));
  }
}

TEST_CASE("severities, thresholds and phrases come from the rules data", "[lint]") {
  nlohmann::json doc = nlohmann::json::parse(Rules::builtin().source_text);
  doc["lint_rules"]["long-inmail"]["severity"] = "error";
  doc["lint"]["long_inmail_chars"] = 10;
  doc["lint"]["generic_subjects"] = {"ça va"};
  doc["channels"]["inmail"]["body_limit"] = 2000;
  const Rules rules = Rules::parse(doc.dump(), "custom.json");
  const LintEngine engine(rules);
  const LintResult r =
      engine.lint_file(inmail("\u00C7a va ?", std::string(1950, 'a') + "?"), "d.txt", {});
  CHECK(rules_of(r) == std::vector<std::string>{"generic-subject", "long-inmail"});
  CHECK(finding(r, "long-inmail").severity == "error");
  CHECK(finding(r, "long-inmail").column == 10);
  CHECK(r.has_errors());
  CHECK(r.counts.limit_body == 2000);
}

TEST_CASE("counts ignore the BOM, CRLF doubling and trailing newlines", "[lint]") {
  const LintResult r = lint("\xEF\xBB\xBFSubject: Your talk\r\n\r\nLine one?\r\nLine two\r\n\r\n");
  CHECK(r.counts.subject == 9);
  CHECK(r.counts.body == 18);
  CHECK(r.diagnostics.empty());
}

TEST_CASE("the free function and parts-built drafts lint the same", "[lint]") {
  const std::string text = inmail("Quick question", "Hi [Name]");
  const LintResult a = outreach::testing::lint_draft(text, "d.txt", Rules::builtin(), {});
  const LintEngine engine(Rules::builtin());
  const LintResult b = engine.lint(
      outreach::draft_from_parts(std::string_view("Quick question"), "Hi [Name]"), "d.txt", {});
  CHECK(rules_of(a) == rules_of(b));
  REQUIRE(a.diagnostics.size() == b.diagnostics.size());
  for (std::size_t i = 0; i < a.diagnostics.size(); ++i) {
    CHECK(a.diagnostics[i].line == b.diagnostics[i].line);
    CHECK(a.diagnostics[i].column == b.diagnostics[i].column);
  }
}

TEST_CASE("positions stay right when findings come out of text order", "[lint]") {
  // The encoding check runs first (line 4), then the subject (line 1), then the body.
  const LintResult r = lint("Subject: For [Company]\n\n[A1] \U0001F44D [B2]\nbad \xFF [C3]?");
  std::vector<std::tuple<std::string, std::size_t, std::size_t>> got;
  for (const Diagnostic& d : r.diagnostics) got.emplace_back(d.rule, d.line, d.column);
  CHECK(got == std::vector<std::tuple<std::string, std::size_t, std::size_t>>{
                   {"unfilled-placeholder", 1, 14},
                   {"unfilled-placeholder", 3, 1},
                   {"unfilled-placeholder", 3, 8},
                   {"invalid-utf8", 4, 5},
                   {"unfilled-placeholder", 4, 7}});
}

TEST_CASE("runs of braces are neither placeholders nor slow", "[lint]") {
  const std::string braces = std::string(7000, '{') + "?";  // a message: the limit is 8,000
  CHECK(lint(braces).diagnostics.empty());
  LintOptions options;
  options.template_mode = true;
  const LintResult r = lint(braces, options);
  CHECK(rules_of(r) == std::vector<std::string>{"template-syntax"});
  CHECK(finding(r, "template-syntax").column == 1);
  // A template body made of fields only asks nothing; the finding points at its start.
  const LintResult fields = lint("Subject: Your talk\n\n{{intro}} {{pitch}}", options);
  CHECK(finding(fields, "no-call-to-action").line == 3);
  CHECK(finding(fields, "no-call-to-action").column == 1);
}
