# Turns rules.json into a C++ source file holding it as one string constant.
file(READ ${INPUT} RULES_TEXT)
file(WRITE ${OUTPUT}
  "// Generated from src/core/rules.json by cmake/embed_rules.cmake; do not edit.\n"
  "#include \"outreach/rules.hpp\"\n"
  "namespace outreach {\n"
  "std::string_view builtin_rules_json() {\n"
  "  static constexpr char text[] = R\"outreach_rules(${RULES_TEXT})outreach_rules\";\n"
  "  return {text, sizeof text - 1};\n"
  "}\n"
  "}  // namespace outreach\n")
