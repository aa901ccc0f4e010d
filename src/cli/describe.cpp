#include "describe.hpp"

namespace outreach::cli {
namespace {

ArgumentSpec describe_argument(const CLI::Option& option, const Choices& choices) {
  ArgumentSpec argument;
  for (const std::string& name : option.get_snames()) argument.names.push_back("-" + name);
  for (const std::string& name : option.get_lnames()) argument.names.push_back("--" + name);
  argument.description = option.get_description();
  argument.required = option.get_required();
  argument.repeatable = option.get_expected_max() > 1 || option.get_items_expected_max() > 1;
  const bool flag = option.get_expected_max() == 0;  // add_flag: takes no value
  // The type name without what validators add to it for --help ("FORMAT:{text,json}").
  const std::string full_type = option.get_type_name();
  const std::string type = full_type.substr(0, full_type.find(':'));
  // A positional argument shows its own name (FILE, PROSPECTS); an option its type name.
  argument.value_name = option.nonpositional() ? (flag ? "" : type) : option.get_name(true);
  if (const auto* values = choices.of(&option)) {
    argument.kind = ValueKind::choice;
    argument.values = *values;
  } else if (flag && option.nonpositional()) {
    argument.kind = ValueKind::none;
  } else if (type == "FILE") {
    argument.kind = ValueKind::file;
  } else if (type == "DIR") {
    argument.kind = ValueKind::directory;
  } else {
    argument.kind = ValueKind::text;
  }
  return argument;
}

}  // namespace

CommandSpec describe_command_line(const CLI::App& app, const Choices& choices) {
  CommandSpec command;
  command.name = app.get_name();
  command.description = app.get_description();
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_group().empty()) continue;  // hidden
    ArgumentSpec argument = describe_argument(*option, choices);
    if (option->nonpositional())
      command.options.push_back(std::move(argument));
    else
      command.positionals.push_back(std::move(argument));
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_group().empty()) continue;  // hidden
    command.subcommands.push_back(describe_command_line(*sub, choices));
  }
  return command;
}

}  // namespace outreach::cli
