// JsonWriter: appends compact JSON to a string, one value at a time.
//
// Output is written by hand rather than through a DOM because it is the hot
// path of every run and its shape is fixed; input JSON is parsed with
// simdjson (see corpus/). Strings must be valid UTF-8 (the reader guarantees
// it); control characters, quotes and backslashes are escaped. Numbers use the
// shortest form that round-trips, and integral values print without exponent
// (2600000000, not 2.6e+09), so output is identical on every run.
//
//   std::string line;
//   JsonWriter json(line);
//   json.begin_object();
//   json.key("id"); json.string("000_4721");
//   json.key("cosine"); json.number(0.8125);
//   json.end_object();   // line == {"id":"000_4721","cosine":0.8125}
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace newsmine {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view name);  // the next value belongs to this key

  void string(std::string_view value);
  void string_or_null(std::string_view value);  // empty means null
  void number(double value);
  void integer(std::int64_t value);
  void boolean(bool value);
  void null();

  // A key and its value in one call.
  void string_field(std::string_view name, std::string_view value) { key(name); string(value); }
  void integer_field(std::string_view name, std::int64_t value) { key(name); integer(value); }
  void number_field(std::string_view name, double value) { key(name); number(value); }

 private:
  void open(char bracket);
  void close(char bracket);
  void separate();  // a comma before every value but the first in its container

  std::string& out_;
  bool first_ = true;        // no value written yet in the current container
  bool after_key_ = false;   // a key was just written; its value needs no comma
};

// Appends `value` to `out` as a JSON string literal, quotes included.
void append_json_string(std::string_view value, std::string& out);

}  // namespace newsmine
