#pragma once
// What `plan` and `agenda` share (and `report` will): the prospect list and the options that
// shape how it is read and planned, the plan's settings from the account, and the run of the
// planner over the streamed list.

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "account_options.hpp"
#include "context.hpp"
#include "outreach/io.hpp"
#include "outreach/plan.hpp"
#include "outreach/thread_pool.hpp"

namespace outreach::cli {

/// The options of a plan's input besides the file itself.
struct PlanInputOptions {
  std::optional<std::string> until;
  std::optional<std::string> input_format;  ///< default: the file's extension
  std::optional<std::string> connections;   ///< LinkedIn's Connections.csv
  std::vector<std::string> exclude;         ///< suppression lists
};

/// Adds the plan input options (--until, --input-format, --connections, --exclude).
void add_plan_input_options(CLI::App& command, PlanInputOptions& options, Context& ctx);

/// Where a plan starts: `--start DATE` (or the agenda's `--date`) at that date's midnight in
/// the account's zone, else now.
struct PlanStart {
  std::optional<std::string> date;  ///< the option's text
  std::string option;               ///< its name, for errors ("--start")
};

/// The plan's settings: the account, its ledger and templates, the start and the horizon.
PlanConfig plan_config(LoadedAccount loaded, const PlanStart& start,
                       const PlanInputOptions& options, Context& ctx);

/// Reads the prospect list a batch at a time into a planner (progress on a terminal) and
/// returns the plan. `input` was opened first, so that a missing file is the first error.
PlanResult plan_prospects(InputFile& input, const PlanInputOptions& options, PlanConfig config,
                          Context& ctx, ThreadPool& pool);

}  // namespace outreach::cli
