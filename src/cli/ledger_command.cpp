// `outreach ledger add|import|void|show`: the append-only record of what was sent and came back
// (SPEC §5, §12).
#include <algorithm>
#include <memory>
#include <ostream>

#include <fmt/format.h>

#include "account_options.hpp"
#include "commands.hpp"
#include "outreach/credits.hpp"
#include "outreach/io.hpp"
#include "outreach/output.hpp"
#include "outreach/plan.hpp"
#include "outreach/suggest.hpp"
#include "outreach/text.hpp"
#include "outreach/thread_state.hpp"

namespace outreach::cli {
namespace {

struct LedgerOptions {
  std::optional<std::string> account;
  std::optional<std::string> ledger;
  // add
  std::string type;
  std::string prospect;
  std::optional<std::string> date;
  bool free = false;
  bool no_note = false;
  std::string template_name;
  std::string reason;
  // import
  std::string input;
  std::optional<std::string> from_plan;
  std::optional<std::string> through;
  // void
  std::string line;
  std::string why;
  // show
  std::string format = "text";
  std::optional<std::string> prospect_filter;
};

void add_location_options(CLI::App* sub, LedgerOptions& options) {
  sub->add_option("--ledger", options.ledger,
                  "Ledger file (NDJSON); default: the account's \"ledger\"")
      ->type_name("FILE");
  sub->add_option("--account", options.account,
                  "Account file: its \"ledger\", and its time zone for dates")
      ->type_name("FILE");
}

LoadedAccount load_with_ledger(const LedgerOptions& options, Context& ctx, const char* command) {
  LoadedAccount loaded = load_account_options(options.account, options.ledger, ctx);
  if (!loaded.ledger_path)
    throw InputError(fmt::format(
        "{}: no ledger file: pass --ledger FILE, or --account FILE with a \"ledger\" key",
        command));
  return loaded;
}

// Appends under the ledger's lock; with an account that has a plan_start, only when the credit
// simulation stays consistent with the new events (SPEC §12). An import leaves out the events
// already in the ledger, and says how many on stderr.
LedgerAppendResult append_checked(const LoadedAccount& loaded,
                                  const std::vector<LedgerEvent>& events, const std::string& origin,
                                  bool import, Context& ctx) {
  check_ledger_path(loaded, true);
  LedgerAppendOptions append;
  append.wait = ledger_lock_wait(ctx);
  append.zone = loaded.account.zone;
  append.skip_present = import;
  if (loaded.account.plan_start) {
    append.check = [&](const std::vector<LedgerEvent>& existing,
                       const std::vector<LedgerEvent>& appending) {
      check_events_against_account(loaded.account, ctx.rules(), existing, *loaded.ledger_path,
                                   appending, origin);
    };
  }
  const LedgerAppendResult result = append_ledger_events(*loaded.ledger_path, events, append);
  if (result.skipped > 0)
    ctx.err << fmt::format("outreach: {} event{} already in the ledger, skipped\n", result.skipped,
                           result.skipped == 1 ? "" : "s");
  return result;
}

void run_add(const LedgerOptions& options, Context& ctx) {
  const LoadedAccount loaded = load_with_ledger(options, ctx, "ledger add");
  LedgerEvent event;
  event.type = event_type_named(options.type, "ledger add: TYPE");
  if (!is_valid_prospect_id(options.prospect))
    throw InputError(fmt::format("ledger add: PROSPECT: expected {}, got {}",
                                 describe_prospect_id_rule(), quoted_printable(options.prospect)));
  event.prospect = options.prospect;
  if (options.free && event.type != EventType::inmail_sent)
    throw InputError(
        fmt::format("ledger add: --free: only an inmail_sent event can be free, not {}",
                    event_type_name(event.type)));
  event.free = options.free;
  if (options.no_note && event.type != EventType::invite_sent)
    throw InputError(
        fmt::format("ledger add: --no-note: only an invite_sent event goes without a note, not {}",
                    event_type_name(event.type)));
  event.note = !options.no_note;
  if (!options.template_name.empty() || !options.reason.empty()) {
    if (!is_send(event.type))
      throw InputError(fmt::format(
          "ledger add: {}: only a send (invite_sent, message_sent, inmail_sent) has one, not {}",
          options.template_name.empty() ? "--reason" : "--template", event_type_name(event.type)));
  }
  if (!options.template_name.empty() && !is_valid_template_name(options.template_name))
    throw InputError(fmt::format("ledger add: --template: expected {}, got {}",
                                 describe_template_name_rule(),
                                 quoted_printable(options.template_name)));
  event.template_name = options.template_name;
  event.reason = options.reason;  // one of the rules' codes: --reason's choices checked it
  if (options.date) {
    const auto day = parse_date_or_timestamp(*options.date, loaded.account.zone);
    if (!day)
      throw InputError(fmt::format(
          "ledger add: --date: expected a date YYYY-MM-DD or a timestamp with an offset such as "
          "2026-03-05T14:30:00-05:00, got {}",
          quoted_printable(*options.date)));
    event.date = checked_option_date(*day, "ledger add: --date");
    refuse_events_after({event}, today_in(loaded.account, ctx), "ledger add: --date");
  } else {
    event.date = today_in(loaded.account, ctx);
  }
  append_checked(loaded, {event}, "ledger add", false, ctx);
}

// `--from-plan`: the plan's sends through --through (default today) become events.
void run_import_from_plan(const LedgerOptions& options, const LoadedAccount& loaded, Context& ctx) {
  const Date today = today_in(loaded.account, ctx);
  const Date through = options.through ? parse_date_option(*options.through, "--through") : today;
  if (through > today)
    throw InputError(fmt::format(
        "--through: {} is after today, {}: the ledger records what was sent, so import a day's "
        "sends once it is over",
        format_date(through), format_date(today)));
  InputFile input(*options.from_plan);
  const PlanSends sends =
      read_plan_sends(input.stream(), input.name(), loaded.account.zone, through);
  const LedgerAppendResult result = append_checked(loaded, sends.events, input.name(), true, ctx);
  // What was read and left out, so that a --through that misses a day shows.
  std::vector<std::string> left_out;
  if (sends.later > 0)
    left_out.push_back(fmt::format("{} later send{} left for another day", sends.later,
                                   sends.later == 1 ? "" : "s"));
  if (sends.not_sent > 0)
    left_out.push_back(fmt::format("{} row{} that send{} nothing", sends.not_sent,
                                   sends.not_sent == 1 ? "" : "s", sends.not_sent == 1 ? "s" : ""));
  ctx.err << fmt::format("outreach: {}: {} event{} appended, the sends through {}{}{}{}\n",
                         printable(input.name()), result.appended, result.appended == 1 ? "" : "s",
                         format_date(through), left_out.empty() ? "" : " (",
                         fmt::join(left_out, "; "), left_out.empty() ? "" : ")");
}

void run_import(const LedgerOptions& options, Context& ctx) {
  const LoadedAccount loaded = load_with_ledger(options, ctx, "ledger import");
  if (options.from_plan) return run_import_from_plan(options, loaded, ctx);
  if (options.through)
    throw InputError("--through: only with --from-plan (events of a ledger carry their dates)");
  if (options.input.empty())
    throw InputError(
        "ledger import: expected FILE (NDJSON events, or - for stdin) or --from-plan PLAN");
  // Every event is checked before the first one is appended: all or nothing. An import may be
  // as large as a ledger: it is streamed, its lines and its count limited (limits.hpp).
  InputFile input(options.input);
  const std::vector<LedgerEvent> events = parse_ledger_stream(
      input.stream(), input.name(), loaded.account.zone, LastLine::may_lack_newline);
  refuse_events_after(events, today_in(loaded.account, ctx), input.name());
  append_checked(loaded, events, input.name(), true, ctx);
}

// LINE as `ledger show` numbers the ledger's lines: a positive decimal number, nothing else.
std::size_t parse_line_number(const std::string& text) {
  std::size_t line = 0;
  const bool digits =
      !text.empty() && text.size() <= 18 &&
      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits)
    for (const char c : text) line = line * 10 + static_cast<std::size_t>(c - '0');
  if (line == 0)
    throw InputError(fmt::format(
        "ledger void: LINE: expected the line number of an event, as `outreach ledger show` "
        "lists them (1, 2, …), got {}",
        quoted_printable(text)));
  return line;
}

void run_void(const LedgerOptions& options, Context& ctx) {
  const LoadedAccount loaded = load_with_ledger(options, ctx, "ledger void");
  LedgerVoid correction;
  correction.target = parse_line_number(options.line);
  if (first_invalid_utf8(options.why))
    throw InputError(fmt::format("ledger void: --why: expected UTF-8 text, got {}",
                                 quoted_printable(options.why)));
  correction.why = options.why;
  correction.date = today_in(loaded.account, ctx);
  check_ledger_path(loaded, false);
  const LedgerVoidResult result = append_ledger_void(*loaded.ledger_path, correction,
                                                     loaded.account.zone, ledger_lock_wait(ctx));
  // Which event went, so that a wrong LINE shows at once.
  const LedgerEvent& event = result.voided;
  ctx.err << fmt::format("outreach: {}:{}: voided line {}: {} {} {}\n",
                         printable(*loaded.ledger_path), result.line, correction.target,
                         format_date(event.date), event_type_name(event.type),
                         printable(event.prospect));
}

// The reason codes a plan gives (SPEC §4), for --reason.
std::vector<std::string> reason_codes() {
  std::vector<std::string> codes;
  for (const PlanReason reason : plan_reasons()) codes.emplace_back(plan_reason_name(reason));
  return codes;
}

ReportFormat report_format(const std::string& name) {
  return name == "ndjson" ? ReportFormat::ndjson
         : name == "json" ? ReportFormat::json
                          : ReportFormat::text;
}

void run_show(const LedgerOptions& options, Context& ctx) {
  const LoadedAccount loaded = load_with_ledger(options, ctx, "ledger show");
  const std::vector<LedgerEvent> events = read_account_ledger(loaded, ctx);
  const ReportFormat format = report_format(options.format);
  if (!options.prospect_filter)
    return write_ledger_events(events, *loaded.ledger_path, format, ctx.out);

  const std::string& prospect = *options.prospect_filter;
  if (!is_valid_prospect_id(prospect))
    throw InputError(fmt::format("ledger show: --prospect: expected {}, got {}",
                                 describe_prospect_id_rule(), quoted_printable(prospect)));
  const ThreadState thread = thread_state(events, prospect, today_in(loaded.account, ctx),
                                          loaded.account.sequence, ctx.rules().refund_window_days);
  if (thread.events.empty()) {
    // Most likely a typing mistake: name the nearest id the ledger holds.
    std::vector<std::string> ids;
    for (const LedgerEvent& event : events) ids.push_back(event.prospect);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    ctx.err << fmt::format("outreach: {}: no events for {}{}\n", printable(*loaded.ledger_path),
                           quoted_printable(prospect), did_you_mean(prospect, ids));
  }
  write_prospect_thread(thread, *loaded.ledger_path, format, ctx.out);
}

}  // namespace

void setup_ledger(CLI::App& app, Context& ctx) {
  auto* ledger =
      app.add_subcommand("ledger", "Record what was sent and what came back (append-only NDJSON)");
  ledger->require_subcommand(1);

  auto add_options = std::make_shared<LedgerOptions>();
  auto* add = ledger->add_subcommand("add", "Append one event; prints nothing on success");
  ctx.choices.offers(
      add->add_option("TYPE", add_options->type,
                      fmt::format("Event type: {}", fmt::join(event_type_names(), ", ")))
          ->required(),
      event_type_names());
  add->add_option("PROSPECT", add_options->prospect, "Prospect id, e.g. p-017")->required();
  add->add_option("--date", add_options->date,
                  "Date YYYY-MM-DD, or a timestamp with an offset; default: today in the account's "
                  "time zone")
      ->type_name("DATE");
  add->add_flag("--free", add_options->free,
                "inmail_sent only: sent to an Open Profile, cost no credit");
  add->add_flag("--no-note", add_options->no_note,
                "invite_sent only: the invitation went without a note (free accounts have a few "
                "notes a month)");
  add->add_option("--template", add_options->template_name,
                  "A send's template variant (the plan's `variant`), for `outreach stats --by "
                  "variant`")
      ->type_name("NAME");
  ctx.choices.one_of(add->add_option("--reason", add_options->reason,
                                     "A send's reason code (the plan's `reason`), for `outreach "
                                     "stats --by reason`")
                         ->type_name("CODE"),
                     "reason code", reason_codes(), /*in_help=*/false);
  add_location_options(add, *add_options);
  add->callback([add_options, &ctx] { run_add(*add_options, ctx); });

  auto import_options = std::make_shared<LedgerOptions>();
  auto* import_events = ledger->add_subcommand(
      "import",
      "Append many NDJSON events, or a plan's sends: all are checked first, then all appended "
      "but those already in the ledger");
  auto* file =
      import_events
          ->add_option("FILE", import_options->input, "NDJSON file of events, or - for stdin")
          ->type_name("FILE");
  import_events
      ->add_option("--from-plan", import_options->from_plan,
                   "The rows of `outreach plan --format ndjson` (or agenda's), or - for stdin: "
                   "their sends become events")
      ->type_name("PLAN")
      ->excludes(file);
  import_events
      ->add_option("--through", import_options->through,
                   "--from-plan: the last day whose sends were sent, YYYY-MM-DD in the account's "
                   "zone (default: today)")
      ->type_name("DATE");
  add_location_options(import_events, *import_options);
  import_events->callback([import_options, &ctx] { run_import(*import_options, ctx); });

  auto void_options = std::make_shared<LedgerOptions>();
  auto* void_event = ledger->add_subcommand(
      "void",
      "Correct a mistaken event: append a void of its line (the file is never rewritten); "
      "every command then leaves that event out");
  void_event
      ->add_option("LINE", void_options->line,
                   "The event's line in the ledger, as `outreach ledger show` lists it")
      ->required();
  void_event->add_option("--why", void_options->why, "Why it is void, kept in the ledger")
      ->type_name("TEXT");
  add_location_options(void_event, *void_options);
  void_event->callback([void_options, &ctx] { run_void(*void_options, ctx); });

  auto show_options = std::make_shared<LedgerOptions>();
  auto* show = ledger->add_subcommand(
      "show", "Print the ledger's events in file order, or one prospect's thread and its state");
  show->add_option("--prospect", show_options->prospect_filter,
                   "Only this prospect's events, and the state of its conversation today (what "
                   "a plan started now does with it)")
      ->type_name("ID");
  ctx.choices.one_of(
      show->add_option("--format", show_options->format, "Output format (default text)")
          ->type_name("FORMAT"),
      "format", {"text", "json", "ndjson"});
  add_location_options(show, *show_options);
  show->callback([show_options, &ctx] { run_show(*show_options, ctx); });
}

}  // namespace outreach::cli
