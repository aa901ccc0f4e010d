#pragma once
// The CSV and TSV prospects reader (SPEC §9): a header row names the columns (SPEC §4's field
// names, case-insensitively with spaces and hyphens as '_', or the rules' csv.aliases); each
// row's cells are typed (degree words, yes/no booleans, numbers) and validated by the same
// builder as JSON prospects, one row at a time.

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "outreach/prospect.hpp"
#include "outreach/rules.hpp"

namespace outreach::detail {

/// Streams prospects out of CSV (`delimiter` 0: ',' or ';' as the header line says) or TSV
/// (`delimiter` '\t'). Each valid prospect goes to `sink` in input order; once a problem is
/// found no further prospect does. After the whole input (or `max_problems` problems) an
/// InputError holding one line per problem — "leads.csv:17: column 'Degree': …" — is thrown.
void read_csv_prospects(std::istream& in, const std::string& origin, char delimiter,
                        const CsvRules& rules, std::size_t max_problems,
                        const std::function<void(Prospect&&)>& sink, const FieldSelection& kept,
                        std::vector<std::string>* field_names = nullptr);

}  // namespace outreach::detail
