#include "output/json_writer.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using outreach::detail::JsonWriter;

namespace {

// One document with every kind of value, nesting and empty containers.
std::string sample(int indent) {
  std::string out;
  JsonWriter json(out, indent);
  json.begin_object();
  json.key("files").begin_array();
  json.begin_object().key("file").string("a.txt").key("n").number(-3).end_object();
  json.begin_object().key("empty").begin_array().end_array().key("none").begin_object();
  json.end_object().end_object();
  json.end_array();
  json.key("ok").boolean(true).key("off").boolean(false).key("nothing").null();
  json.end_object();
  return out;
}

const char* const document =
    R"({"files": [{"file": "a.txt", "n": -3}, {"empty": [], "none": {}}], "ok": true, )"
    R"("off": false, "nothing": null})";

}  // namespace

TEST_CASE("compact JSON is laid out as nlohmann's dump() lays it out", "[output]") {
  CHECK(sample(-1) == nlohmann::ordered_json::parse(document).dump());
}

TEST_CASE("indented JSON is laid out as nlohmann's dump(2) lays it out", "[output]") {
  CHECK(sample(2) == nlohmann::ordered_json::parse(document).dump(2));
}

TEST_CASE("strings go through the one JSON string writer", "[output]") {
  std::string out;
  JsonWriter(out).begin_array().string("a\"b\\c\x1b\n\xC2\x9B\xFF").end_array();
  CHECK(out == "[\"a\\\"b\\\\c\\u001b\\n\\u009b\xEF\xBF\xBD\"]");
  CHECK(nlohmann::json::parse(out)[0] == "a\"b\\c\x1b\n\xC2\x9B\xEF\xBF\xBD");
}
