# Turns a JSON file of rules data (rules.json, a profile) into a C++ source file holding it as
# one string constant returned by FUNCTION.
file(READ ${INPUT} RULES_TEXT)
get_filename_component(RULES_NAME ${INPUT} NAME)
file(WRITE ${OUTPUT}
  "// Generated from ${RULES_NAME} by cmake/embed_rules.cmake; do not edit.\n"
  "#include \"outreach/rules.hpp\"\n"
  "namespace outreach {\n"
  "std::string_view ${FUNCTION}() {\n"
  "  static constexpr char text[] = R\"outreach_rules(${RULES_TEXT})outreach_rules\";\n"
  "  return {text, sizeof text - 1};\n"
  "}\n"
  "}  // namespace outreach\n")
