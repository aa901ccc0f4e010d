// `outreach check --format sarif`: the findings as a SARIF 2.1.0 log (OASIS), the format
// code-scanning tools read. One run; the tool's driver lists every lint rule with its default
// level and help text, and each result points at its file, line and column (code points).
#include <ostream>

#include <fmt/format.h>

#include "output/json_writer.hpp"
#include "outreach/output.hpp"

namespace outreach {
namespace {

constexpr std::string_view schema_uri = "https://json.schemastore.org/sarif-2.1.0.json";

// A file name as a URI reference (RFC 3986): every byte outside the unreserved characters
// and '/' percent-encoded, so that a ':' or a space cannot be read as a scheme or a break. An
// absolute path becomes a file: URI; a relative one stays relative to where check ran.
std::string uri_of(std::string_view name) {
  std::string uri = name.starts_with('/') ? "file://" : "";
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~' || c == '/';
    if (unreserved)
      uri += c;
    else
      uri += fmt::format("%{:02X}", byte);
  }
  return uri;
}

// The rationale's first sentence, for the rule's short description.
std::string_view first_sentence(std::string_view text) {
  const auto end = text.find(". ");
  return end == std::string_view::npos ? text : text.substr(0, end + 1);
}

void write_location(detail::JsonWriter& json, const std::string& name, const Diagnostic* at) {
  json.begin_object().key("physicalLocation").begin_object();
  json.key("artifactLocation").begin_object().key("uri").string(uri_of(name)).end_object();
  if (at != nullptr) {
    json.key("region").begin_object();
    json.key("startLine").number(static_cast<std::int64_t>(at->line));
    json.key("startColumn").number(static_cast<std::int64_t>(at->column));
    json.end_object();
  }
  json.end_object().end_object();
}

void write_rules(detail::JsonWriter& json, const Rules& rules) {
  json.key("rules").begin_array();
  for (const LintRuleInfo& rule : rules.lint.rules) {
    json.begin_object();
    json.key("id").string(rule.id);
    json.key("shortDescription").begin_object();
    json.key("text").string(first_sentence(rule.rationale)).end_object();
    json.key("fullDescription").begin_object().key("text").string(rule.rationale).end_object();
    json.key("help").begin_object().key("text").string(rule.rationale).end_object();
    json.key("defaultConfiguration").begin_object().key("level").string(rule.severity);
    json.end_object().end_object();
  }
  json.end_array();
}

void write_results(detail::JsonWriter& json, const std::vector<CheckedDraft>& drafts,
                   const Rules& rules) {
  json.key("results").begin_array();
  for (const CheckedDraft& draft : drafts) {
    for (const Diagnostic& d : draft.result.diagnostics) {
      json.begin_object();
      json.key("ruleId").string(d.rule);
      for (std::size_t i = 0; i < rules.lint.rules.size(); ++i)
        if (rules.lint.rules[i].id == d.rule)
          json.key("ruleIndex").number(static_cast<std::int64_t>(i));
      json.key("level").string(d.severity);
      json.key("message").begin_object().key("text").string(d.message).end_object();
      json.key("locations").begin_array();
      write_location(json, draft.name, &d);
      json.end_array().end_object();
    }
  }
  json.end_array();
}

void write_invocation(detail::JsonWriter& json, const std::vector<CheckFailure>& failures) {
  json.key("invocations").begin_array().begin_object();
  json.key("executionSuccessful").boolean(failures.empty());
  if (!failures.empty()) {
    json.key("toolExecutionNotifications").begin_array();
    for (const CheckFailure& failure : failures) {
      json.begin_object();
      json.key("level").string("error");
      json.key("message").begin_object().key("text").string(failure.message).end_object();
      json.key("locations").begin_array();
      write_location(json, failure.name, nullptr);
      json.end_array().end_object();
    }
    json.end_array();
  }
  json.end_object().end_array();
}

}  // namespace

void write_check_sarif(const std::vector<CheckedDraft>& drafts,
                       const std::vector<CheckFailure>& failures, const Rules& rules,
                       std::ostream& out) {
  std::string text;
  detail::JsonWriter json(text, 2);
  json.begin_object();
  json.key("$schema").string(schema_uri);
  json.key("version").string("2.1.0");
  json.key("runs").begin_array().begin_object();
  json.key("tool").begin_object().key("driver").begin_object();
  json.key("name").string("outreach");
  json.key("version").string(version);
  json.key("semanticVersion").string(version);
  write_rules(json, rules);
  json.end_object().end_object();
  write_invocation(json, failures);
  json.key("columnKind").string("unicodeCodePoints");
  write_results(json, drafts, rules);
  json.end_object().end_array();
  json.end_object();
  out << text << '\n';
}

}  // namespace outreach
