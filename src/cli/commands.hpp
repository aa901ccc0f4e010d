#pragma once
// The subcommands, each in a file of its own: one setup function adds the command, its options
// and the callback that runs it (CLI11's subcom_in_files shape). app.cpp calls them in order.

#include <CLI/CLI.hpp>

#include "context.hpp"

namespace outreach::cli {

void setup_check(CLI::App& app, Context& ctx);        // check_command.cpp
void setup_plan(CLI::App& app, Context& ctx);         // plan_command.cpp
void setup_agenda(CLI::App& app, Context& ctx);       // agenda_command.cpp
void setup_credits(CLI::App& app, Context& ctx);      // credits_command.cpp
void setup_report(CLI::App& app, Context& ctx);       // report_command.cpp
void setup_ledger(CLI::App& app, Context& ctx);       // ledger_command.cpp
void setup_stats(CLI::App& app, Context& ctx);        // stats_command.cpp
void setup_rules(CLI::App& app, Context& ctx);        // info_command.cpp
void setup_plans(CLI::App& app, Context& ctx);        // info_command.cpp
void setup_explain(CLI::App& app, Context& ctx);      // info_command.cpp
void setup_completions(CLI::App& app, Context& ctx);  // completions_command.cpp
void setup_manpage(CLI::App& app, Context& ctx);      // completions_command.cpp

/// Builds the app, parses argv, runs the chosen command and returns the exit status.
int run_main(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
             bool stdout_is_terminal, bool stderr_is_terminal);

}  // namespace outreach::cli
