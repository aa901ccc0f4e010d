#pragma once
// A small command line for the tests of the completion and manual writers: a global option, a
// command with a file argument and an enumerated option, and a command with subcommands.

#include "outreach/command_line.hpp"

namespace outreach::testing {

inline ArgumentSpec argument(std::vector<std::string> names, std::string value_name,
                             std::string description, ValueKind kind,
                             std::vector<std::string> values = {}, bool repeatable = false,
                             bool required = false) {
  return {std::move(names),
          std::move(value_name),
          std::move(description),
          kind,
          std::move(values),
          repeatable,
          required};
}

inline CommandSpec command_line_sample() {
  const ArgumentSpec help =
      argument({"-h", "--help"}, "", "Print this help message and exit", ValueKind::none);
  const ArgumentSpec rules =
      argument({"--rules"}, "FILE", "Replace the rules [data]", ValueKind::file);
  const ArgumentSpec format = argument({"--format"}, "FORMAT", "Output format: it's text",
                                       ValueKind::choice, {"text", "json", "sarif"});
  const ArgumentSpec disable = argument({"--disable"}, "ID", "Turn rules off", ValueKind::choice,
                                        {"long-inmail", "has space"}, true);
  const ArgumentSpec files = argument({}, "FILE", "Draft files", ValueKind::file, {}, true, true);
  const ArgumentSpec type =
      argument({}, "TYPE", "Event type", ValueKind::choice, {"reply", "invite_sent"}, false, true);
  const ArgumentSpec prospect =
      argument({}, "PROSPECT", "Prospect id", ValueKind::text, {}, false, true);

  CommandSpec add{"add", "Append one event", {help}, {type, prospect}, {}};
  CommandSpec show{"show", "Print the events", {help, format}, {}, {}};
  CommandSpec ledger{"ledger", "Record what was sent", {help}, {}, {add, show}};
  CommandSpec check{"check", "Lint message drafts", {help, format, disable}, {files}, {}};
  return {"outreach",
          "outreach: plan campaigns \xE2\x80\x94 offline.",
          {help, rules},
          {},
          {check, ledger}};
}

}  // namespace outreach::testing
