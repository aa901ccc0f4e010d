// `outreach --version`: the version, the rules data in force, the libraries it was built with.
#include <ostream>

#include <fmt/format.h>

#include "outreach/output.hpp"

namespace outreach {

void write_version(const VersionReport& report, std::ostream& out) {
  std::string text = fmt::format("outreach {}\n", report.version);
  if (report.rules != nullptr)
    text += fmt::format("rules: version {}, {}: {}\n", report.rules->version,
                        printable(report.rules_origin), printable(report.rules->source));
  std::string libraries;
  for (const LibraryVersion& library : report.libraries)
    libraries += fmt::format("{}{} {}", libraries.empty() ? "" : ", ", library.name,
                             printable(library.version));
  if (!libraries.empty()) text += fmt::format("built with: {}\n", libraries);
  out << text;
}

}  // namespace outreach
