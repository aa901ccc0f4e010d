#include "output/command_tree.hpp"

#include <algorithm>

namespace outreach::detail {
namespace {

void collect(const CommandSpec& command, const std::string& path,
             const std::vector<const ArgumentSpec*>& inherited, std::vector<CommandNode>& nodes) {
  CommandNode node{path, &command, {}};
  for (const ArgumentSpec& option : command.options) node.options.push_back(&option);
  for (const ArgumentSpec* option : inherited) {
    // A subcommand's own option of the same name (its --help) hides its parent's.
    const bool hidden =
        std::any_of(command.options.begin(), command.options.end(),
                    [option](const ArgumentSpec& own) { return own.names == option->names; });
    if (!hidden) node.options.push_back(option);
  }
  const std::vector<const ArgumentSpec*> passed_on = node.options;
  nodes.push_back(std::move(node));
  for (const CommandSpec& sub : command.subcommands)
    collect(sub, path + " " + sub.name, passed_on, nodes);
}

bool is_shell_word(std::string_view value) {
  return !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("._+:@%/-").find(c) != std::string_view::npos;
  });
}

}  // namespace

std::vector<CommandNode> command_nodes(const CommandSpec& root) {
  std::vector<CommandNode> nodes;
  collect(root, root.name, {}, nodes);
  return nodes;
}

std::vector<std::string> shell_words(const std::vector<std::string>& values) {
  std::vector<std::string> words;
  std::copy_if(values.begin(), values.end(), std::back_inserter(words), is_shell_word);
  return words;
}

std::string single_quoted(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

std::string joined(const std::vector<std::string>& words, std::string_view separator) {
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty()) out += separator;
    out += word;
  }
  return out;
}

std::vector<std::string> subcommand_names(const CommandSpec& command) {
  std::vector<std::string> names;
  for (const CommandSpec& sub : command.subcommands) names.push_back(sub.name);
  return names;
}

}  // namespace outreach::detail
