#include "prospects/csv_reader.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "outreach/error.hpp"
#include "outreach/limits.hpp"
#include "outreach/text.hpp"
#include "prospects/builder.hpp"
#include "prospects/csv_records.hpp"
#include "prospects/csv_values.hpp"
#include "prospects/field_names.hpp"
#include "support/json_text.hpp"

namespace outreach::detail {
namespace {

enum class Kind { text, degree, flag, number, ignored };

struct Column {
  std::string field;  // empty: a column without a header, ignored
  Kind kind = Kind::text;
};

Kind kind_of(std::string_view field) {
  if (field == "degree") return Kind::degree;
  for (const std::string_view flag :
       {"open_profile", "accepts_inmail", "rarely_accepts", "do_not_contact"})
    if (field == flag) return Kind::flag;
  for (const std::string_view number : {"pending_invitations", "mutual_connections", "priority"})
    if (field == number) return Kind::number;
  return Kind::text;
}

std::string header_label(std::string_view header) { return printable(header.substr(0, 80)); }

// The header row → one column per cell; two headers naming one field are an error.
std::vector<Column> read_header(const CsvRecord& header, const std::string& origin,
                                const CsvRules& rules,
                                std::vector<std::pair<std::string, std::string>>& labels) {
  std::vector<Column> columns;
  for (const std::string& cell : header.cells) {
    if (first_invalid_utf8(cell) || cell.find('\0') != std::string::npos)
      throw InputError(fmt::format("{}:{}: column {}: the header is not UTF-8 text", origin,
                                   header.line, columns.size() + 1));
    Column column;
    column.field = rules.field_for(cell);
    if (column.field.empty()) {
      column.kind = Kind::ignored;
      columns.push_back(std::move(column));
      continue;
    }
    for (const auto& [field, other] : labels)
      if (field == column.field)
        throw InputError(fmt::format(
            "{}:{}: column '{}': names the field {} like column '{}' before it; rename or remove "
            "one",
            origin, header.line, header_label(cell), column.field, header_label(other)));
    column.kind = kind_of(column.field);
    labels.emplace_back(column.field, cell);
    columns.push_back(std::move(column));
  }
  const auto named = [&](std::string_view field) {
    return std::any_of(columns.begin(), columns.end(),
                       [&](const Column& column) { return column.field == field; });
  };
  if (!named("id") && !named("profile_url"))
    throw InputError(fmt::format(
        "{}:{}: no id column: the header needs an 'id' or a profile URL column ('Profile URL', "
        "'URL', …), which gives each prospect its id",
        origin, header.line));
  return columns;
}

}  // namespace

void read_csv_prospects(std::istream& in, const std::string& origin, char delimiter,
                        const CsvRules& rules, std::size_t max_problems,
                        const std::function<void(Prospect&&)>& sink, const FieldSelection& kept,
                        std::vector<std::string>* names_seen) {
  CsvRecords records(in, origin, delimiter, max_prospect_bytes);
  CsvRecord record;
  if (!records.next(record))
    throw InputError(fmt::format(
        "{}: no prospects: the input is empty (a CSV file starts with its header line)", origin));
  std::vector<std::pair<std::string, std::string>> labels;
  const std::vector<Column> columns = read_header(record, origin, rules, labels);
  records.name_columns(record.cells);

  ProblemLog problems(origin, max_problems > 0 ? max_problems : 1);
  ProspectBuilder builder(problems, true, true, &kept);
  builder.record_field_names(names_seen);
  builder.name_columns(&labels);
  std::size_t count = 0;
  std::string number_buffer;
  while (!problems.full() && records.next(record)) {
    builder.begin(record.line);
    for (std::size_t i = 0; i < record.cells.size(); ++i) {
      const std::string& cell = record.cells[i];
      if (cell.empty()) continue;  // an empty cell is an absent field: its default
      if (i >= columns.size()) {
        builder.problem({}, fmt::format("{} cells where the header has {}", record.cells.size(),
                                        columns.size()));
        break;
      }
      const Column& column = columns[i];
      if (column.kind == Kind::ignored) continue;
      if (cell.find('\0') != std::string::npos) {
        builder.problem(column.field, "NUL byte in the cell");
        continue;
      }
      if (first_invalid_utf8(cell)) {
        builder.problem(column.field, "invalid UTF-8");
        continue;
      }
      std::optional<JsonValue> value;
      switch (column.kind) {
        case Kind::degree:
        case Kind::flag: {
          const bool degree = column.kind == Kind::degree;
          value = degree ? degree_cell(cell) : flag_cell(cell);
          if (!value)
            builder.problem(column.field, fmt::format("expected {}, got {}",
                                                      degree ? degree_cell_rule : flag_cell_rule,
                                                      quote_for_message(cell)));
          break;
        }
        case Kind::number:
          value = number_cell(cell, records.delimiter() == ';', number_buffer);
          break;
        case Kind::text:
        case Kind::ignored:
          if (trim_cell(cell).empty()) break;  // spaces in quotes: still nothing
          value.emplace();
          value->kind = JsonValue::Kind::string;
          value->text = column.field == "id" ? trim_cell(cell) : std::string_view(cell);
          break;
      }
      if (!value) continue;
      builder.key(column.field);
      builder.value(*value);
    }
    Prospect prospect;
    if (!builder.finish(prospect) || !problems.empty()) continue;
    if (++count > max_prospects)
      throw InputError(fmt::format("{}:{}: more than {} prospects; split the list", origin,
                                   record.line, max_prospects));
    sink(std::move(prospect));
  }
  if (!problems.empty()) throw InputError(problems.text());
}

}  // namespace outreach::detail
