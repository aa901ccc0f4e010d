#pragma once
/// Lists that change how prospects are planned (SPEC §9): LinkedIn's Connections.csv export
/// (--connections) and suppression lists (--exclude), read into sorted keys — profile URLs in
/// their normal form, and ids — that the planner matches prospects against.

#include <iosfwd>
#include <string>
#include <vector>

#include "outreach/rules.hpp"

namespace outreach {

/// The normalised profile URLs of LinkedIn's Connections.csv ("First Name,Last Name,URL,Email
/// Address,Company,Position,Connected On", after the note lines LinkedIn puts first), sorted and
/// unique. Every row is validated: its URL a LinkedIn profile URL (or empty), its "Connected On"
/// a date such as 15 Mar 2024. Throws InputError "Connections.csv:7: column 'URL': …".
std::vector<std::string> read_connections(std::istream& in, const std::string& origin);

/// A suppression list: one id or profile URL a line (blank lines and lines starting with '#'
/// skipped), or a CSV file whose header names an id or a profile URL column (as the prospects'
/// headers do, with `csv`'s aliases). Profile URLs in their normal form; sorted and unique.
std::vector<std::string> read_exclusions(std::istream& in, const std::string& origin,
                                         const CsvRules& csv);

}  // namespace outreach
