// The account file (SPEC §4): every key optional, every value checked.
#include "outreach/account.hpp"

#include <catch2/catch.hpp>

#include "outreach/error.hpp"

using namespace outreach;

namespace {

Account parse(const std::string& text, const std::string& base_dir = "accounts") {
  return parse_account(text, "account.json", base_dir, Rules::builtin());
}

std::string error_of(const std::string& text) {
  try {
    parse(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("the SPEC's example account is read in full", "[account]") {
  const Account a = parse(R"({"plan": "sales-navigator-core", "plan_start": "2026-01-15",
    "timezone": "America/New_York", "credits": {"balance": 37, "as_of": "2026-11-01"},
    "ledger": "ledger.ndjson",
    "templates": {"connect": "t/connect.txt", "message": "t/message.txt", "inmail": "/abs/inmail.txt"},
    "weekly_invite_limit": 80,
    "business_hours": {"days": ["mon", "fri"], "start": "08:30", "end": "12:00"}})");
  CHECK(a.origin == "account.json");
  CHECK(a.plan == "sales-navigator-core");
  CHECK(format_date(*a.plan_start) == "2026-01-15");
  CHECK(a.zone->name() == "America/New_York");
  REQUIRE(a.opening);
  CHECK(a.opening->balance == 37);
  CHECK(format_date(a.opening->as_of) == "2026-11-01");
  CHECK(a.ledger_path == "accounts/ledger.ndjson");
  REQUIRE(a.templates.connect.size() == 1);
  CHECK(a.templates.connect[0].name.empty());  // one path: no variants
  CHECK(a.templates.connect[0].path == "accounts/t/connect.txt");
  CHECK(a.templates.message[0].path == "accounts/t/message.txt");
  CHECK(a.templates.inmail[0].path == "/abs/inmail.txt");
  CHECK(a.weekly_invite_limit == 80);
  CHECK(a.business_hours.days == std::vector<int>{1, 5});
  CHECK(a.business_hours.start_minute == 8 * 60 + 30);
  CHECK(a.business_hours.end_minute == 12 * 60);
}

TEST_CASE("every key is optional; defaults come from the rules", "[account]") {
  const Account a = parse("{}");
  CHECK(a.plan == "free");
  CHECK_FALSE(a.plan_start);
  CHECK(a.zone != nullptr);
  CHECK_FALSE(a.opening);
  CHECK_FALSE(a.ledger_path);
  CHECK(a.templates.inmail.empty());
  CHECK(a.weekly_invite_limit == Rules::builtin().plan.weekly_invite_limit);
  CHECK(a.business_hours.days == Rules::builtin().plan.business_hours.days);
  // null counts as absent
  CHECK(parse(R"({"plan": null, "ledger": null})").plan == "free");
  const Account none = default_account(Rules::builtin());
  CHECK(none.origin == "(no account)");
  CHECK(none.zone != nullptr);
}

TEST_CASE("relative paths are resolved against the account file's folder", "[account]") {
  CHECK(parse(R"({"ledger": "ledger.ndjson"})", "").ledger_path == "ledger.ndjson");
  CHECK(parse(R"({"ledger": "./data/../ledger.ndjson"})", "a/b").ledger_path ==
        "a/b/ledger.ndjson");
  CHECK(parse(R"({"ledger": "../ledger.ndjson"})", "/srv/acct").ledger_path ==
        "/srv/ledger.ndjson");
}

TEST_CASE("unknown plans and keys get a suggestion", "[account]") {
  CHECK(error_of(R"({"plan": "sales-navigator"})") ==
        "account.json: plan: unknown plan 'sales-navigator' (did you mean "
        "'sales-navigator-advanced'?)");
  CHECK(error_of(R"({"plan": "premium-carer"})") ==
        "account.json: plan: unknown plan 'premium-carer' (did you mean 'premium-career'?)");
  CHECK(error_of(R"({"plan": "gold"})") == "account.json: plan: unknown plan 'gold'");
  CHECK(error_of(R"({"plan": "a\u001bb"})") ==
        "account.json: plan: expected a plan id, got \"a\\u001bb\"");
  CHECK(error_of(R"({"plan_stat": "2026-01-15"})") ==
        "account.json: plan_stat: unknown key (did you mean 'plan_start'?)");
  CHECK(error_of(R"({"credits": {"balance": 1, "as_of": "2026-01-01", "cap": 3}})") ==
        "account.json: credits.cap: unknown key");
  CHECK(error_of(R"({"templates": {"inmails": "x"}})") ==
        "account.json: templates.inmails: unknown key (did you mean 'inmail'?)");
}

TEST_CASE("dates in the account are strict", "[account]") {
  CHECK(error_of(R"({"plan_start": "2026-02-30"})") ==
        "account.json: plan_start: expected a date YYYY-MM-DD, got \"2026-02-30\"");
  CHECK(error_of(R"({"plan_start": "2026-1-15"})") ==
        "account.json: plan_start: expected a date YYYY-MM-DD, got \"2026-1-15\"");
  CHECK(error_of(R"({"plan_start": "2026-01-15T00:00:00Z"})") ==
        "account.json: plan_start: expected a date YYYY-MM-DD, got \"2026-01-15T00:00:00Z\"");
  CHECK(error_of(R"({"plan_start": 20260115})") ==
        "account.json: plan_start: expected a string, got 20260115");
  CHECK(error_of(R"({"credits": {"balance": 3, "as_of": "yesterday"}})") ==
        "account.json: credits.as_of: expected a date YYYY-MM-DD, got \"yesterday\"");
  CHECK(parse(R"({"plan_start": "2028-02-29"})").plan_start.has_value());
}

TEST_CASE("the opening balance needs both keys and a sane number", "[account]") {
  CHECK(error_of(R"({"credits": {"balance": 3}})") == "account.json: credits.as_of: missing key");
  CHECK(error_of(R"({"credits": {"as_of": "2026-01-01"}})") ==
        "account.json: credits.balance: missing key");
  CHECK(error_of(R"({"credits": {"balance": -1, "as_of": "2026-01-01"}})") ==
        "account.json: credits.balance: expected an integer from 0 to 1000000000, got -1");
  CHECK(error_of(R"({"credits": {"balance": "x", "as_of": "2026-01-01"}})") ==
        "account.json: credits.balance: expected an integer, got \"x\"");
  CHECK(error_of(R"({"credits": {"balance": 2.5, "as_of": "2026-01-01"}})") ==
        "account.json: credits.balance: expected an integer, got 2.5");
  CHECK(error_of(R"({"credits": 37})") == "account.json: credits: expected an object, got 37");
  CHECK(parse(R"({"credits": {"balance": 0, "as_of": "2026-01-01"}})").opening->balance == 0);
}

TEST_CASE("time zones are IANA names, with suggestions", "[account]") {
  CHECK(parse(R"({"timezone": "Europe/Paris"})").zone->name() == "Europe/Paris");
  CHECK(error_of(R"({"timezone": "America/New_Yrok"})") ==
        "account.json: timezone: unknown time zone 'America/New_Yrok' (did you mean "
        "'America/New_York'?)");
  CHECK(error_of(R"({"timezone": "EST+5"})")
            .rfind("account.json: timezone: unknown time zone 'EST+5'", 0) == 0);
  CHECK(error_of(R"({"timezone": ""})").rfind("account.json: timezone: unknown time zone ''", 0) ==
        0);
  CHECK(error_of(R"({"timezone": 5})") == "account.json: timezone: expected a string, got 5");
}

TEST_CASE("other values are checked too", "[account]") {
  CHECK(error_of(R"({"ledger": ""})") == "account.json: ledger: expected a file path, got \"\"");
  CHECK(error_of(R"({"ledger": ["a"]})") ==
        "account.json: ledger: expected a string, got an array");
  CHECK(error_of(R"({"weekly_invite_limit": -5})") ==
        "account.json: weekly_invite_limit: expected an integer from 0 to 1000000, got -5");
  CHECK(
      error_of(R"({"business_hours": {"days": ["tuesday"], "start": "09:00", "end": "17:00"}})") ==
      "account.json: business_hours.days[0]: unknown weekday 'tuesday' (did you mean 'tue'?)");
  CHECK(error_of(R"({"business_hours": {"days": ["tue"], "start": "17:00", "end": "09:00"}})") ==
        "account.json: business_hours.end: the end is not after the start");
  CHECK(error_of(R"({"business_hours": {"days": ["tue"], "start": "9am", "end": "17:00"}})") ==
        "account.json: business_hours.start: expected a time HH:MM from 00:00 to 23:59, got "
        "\"9am\"");
}

TEST_CASE("business hours are two digits each, within the day", "[account]") {
  const auto hours = [](const std::string& start, const std::string& end) {
    return error_of(R"({"business_hours": {"days": ["tue"], "start": ")" + start +
                    R"(", "end": ")" + end + R"("}})");
  };
  for (const std::string bad : {"-1:00", " 9:00", "9:00", "24:00", "24:30", "12:60", "1a:00"})
    CHECK(hours(bad, "17:00") ==
          "account.json: business_hours.start: expected a time HH:MM from "
          "00:00 to 23:59, got \"" +
              bad + "\"");
  CHECK(hours("09:00", "24:30") ==
        "account.json: business_hours.end: expected a time HH:MM from 00:00 to 24:00, got "
        "\"24:30\"");
  CHECK(hours("09:00", "24:00") == "(no error)");
  CHECK(hours("00:00", "23:59") == "(no error)");
}

TEST_CASE("a key given twice is refused, not the last one kept", "[account]") {
  CHECK(error_of(R"({"plan": "free", "plan": "recruiter"})") ==
        "account.json: plan: duplicate key");
  CHECK(error_of(R"({"credits": {"balance": 1, "as_of": "2026-01-01", "balance": 2}})") ==
        "account.json: credits.balance: duplicate key");
  CHECK(error_of(R"({"business_hours": {"days": ["tue", "wed"], "start": "09:00",
                     "end": "17:00", "start": "10:00"}})") ==
        "account.json: business_hours.start: duplicate key");
}

TEST_CASE("\"localtime\" and other files that are not places are not time zones", "[account]") {
  for (const std::string name :
       {"localtime", "posixrules", "Factory", "/etc/localtime", "../zoneinfo/UTC"})
    CHECK(error_of(R"({"timezone": ")" + name + R"("})")
              .rfind("account.json: timezone: unknown time zone '" + name + "'", 0) == 0);
}

TEST_CASE("the document must be one JSON object", "[account]") {
  CHECK(error_of("[]") == "account.json: expected an object, got an array");
  CHECK(error_of("").rfind("account.json:1:1: malformed JSON", 0) == 0);
  CHECK(error_of("{\"plan\": \"free\",}").rfind("account.json:1:17: malformed JSON", 0) == 0);
  CHECK(error_of(std::string("{\"plan\": \"fr\0ee\"}", 17)) ==
        "account.json:1:13: NUL byte in JSON input");
}

TEST_CASE("a channel's templates may be variants: a list named by stem, or name → path",
          "[account][variants]") {
  const Account listed =
      parse(R"({"templates": {"connect": ["t/short.txt", "t/a-question.txt"]}})");
  REQUIRE(listed.templates.connect.size() == 2);
  // Sorted by name: the order the assignment indexes.
  CHECK(listed.templates.connect[0].name == "a-question");
  CHECK(listed.templates.connect[0].path == "accounts/t/a-question.txt");
  CHECK(listed.templates.connect[1].name == "short");
  const Account named =
      parse(R"({"templates": {"message": {"short": "t/m1.txt", "question": "t/m2.txt"}}})");
  REQUIRE(named.templates.message.size() == 2);
  CHECK(named.templates.message[0].name == "question");
  CHECK(named.templates.message[0].path == "accounts/t/m2.txt");
  CHECK(named.templates.message[1].name == "short");
  CHECK(named.templates.message[1].path == "accounts/t/m1.txt");
  const Account single = parse(R"({"templates": {"inmail": ["t/only.txt"]}})");
  REQUIRE(single.templates.inmail.size() == 1);
  CHECK(single.templates.inmail[0].name == "only");
}

TEST_CASE("bad template variants are refused with the key", "[account][variants]") {
  CHECK(error_of(R"({"templates": {"connect": []}})") ==
        "account.json: templates.connect: expected at least one template");
  CHECK(error_of(R"({"templates": {"connect": {}}})") ==
        "account.json: templates.connect: expected at least one template");
  CHECK(error_of(R"({"templates": {"connect": ["a/x.txt", "b/x.txt"]}})") ==
        "account.json: templates.connect[1]: two variants named 'x' (name them with an object)");
  CHECK(error_of(R"({"templates": {"connect": {"a": 3}}})") ==
        "account.json: templates.connect.a: expected a string, got 3");
  CHECK(error_of(R"({"templates": {"connect": 3}})") ==
        "account.json: templates.connect: expected a path, a list of paths or an object name → "
        "path, got 3");
}

TEST_CASE("the variant assignment is FNV-1a 64 of id, newline, key, modulo the count",
          "[account][variants]") {
  // Hand-computed: FNV-1a 64 of "p-001\nconnect" = 0x6b21d9f7aa2a0d11, of "p-002\nconnect" =
  // 0x3d7454552224e510, of "p-003\nconnect" = 0xdcd88c4cfb4e6f53, of "p-001\nmessage" =
  // 0x9bb7509b74f4fc3c.
  CHECK(variant_index("p-001", "connect", 2) == 1);
  CHECK(variant_index("p-002", "connect", 2) == 0);
  CHECK(variant_index("p-003", "connect", 2) == 1);
  CHECK(variant_index("p-001", "connect", 3) == 0);
  CHECK(variant_index("p-002", "connect", 3) == 1);
  CHECK(variant_index("p-003", "connect", 3) == 2);
  CHECK(variant_index("p-001", "message", 2) == 0);
  CHECK(variant_index("p-001", "connect", 1) == 0);
  // Stable: the same answer every time it is asked.
  for (int i = 0; i < 3; ++i) CHECK(variant_index("p-003", "connect", 2) == 1);
}
