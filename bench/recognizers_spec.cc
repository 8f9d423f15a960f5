// Recognizers-Text spec files read with simdjson's DOM API.
#include "bench/recognizers_spec.h"

#include <cstdio>
#include <string_view>

#include <simdjson.h>

#include "bench/recognizers_offsets.h"

namespace newsmine::bench {

namespace {

namespace dom = simdjson::dom;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Where an error happened: "FILE: case N" (and the result, when known).
struct Where {
  const std::string& path;
  std::size_t case_number = 0;
  std::size_t result_number = 0;  // 1-based; 0: not inside a result

  Status error(std::string_view what) const {
    std::string message = path;
    if (case_number > 0) message += ": case " + std::to_string(case_number);
    if (result_number > 0) message += ", result " + std::to_string(result_number);
    message += ": ";
    message += what;
    return Status::error(std::move(message));
  }
};

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// True when the comma-separated platform list names `platform`.
bool lists_platform(std::string_view list, std::string_view platform) {
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    if (equal_ignoring_ascii_case(trim(list.substr(0, comma)), platform)) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "2016-11-07T00:00:00" -> "2016-11-07"; nullopt when it does not start with a date.
std::optional<std::string> date_part(std::string_view timestamp) {
  if (timestamp.size() < 10) return std::nullopt;
  for (std::size_t i = 0; i < 10; ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? timestamp[i] != '-' : !is_digit(timestamp[i])) return std::nullopt;
  }
  if (timestamp.size() > 10 && timestamp[10] != 'T' && timestamp[10] != ' ') return std::nullopt;
  return std::string(timestamp.substr(0, 10));
}

// A string field: absent or null leaves `out` untouched and sets `present` false.
Status optional_string(dom::object object, std::string_view key, const Where& where, std::string& out,
                       bool* present = nullptr) {
  if (present) *present = false;
  dom::element value;
  if (object.at_key(key).get(value) || value.is_null()) return Status();
  std::string_view text;
  if (value.get_string().get(text)) return where.error("field \"" + std::string(key) + "\" is not a string");
  out.assign(text);
  if (present) *present = true;
  return Status();
}

// A string or number field ("value": "1234", or a bare JSON number), kept as written.
Status optional_value(dom::object object, std::string_view key, const Where& where, std::optional<std::string>& out) {
  out.reset();
  dom::element value;
  if (object.at_key(key).get(value) || value.is_null()) return Status();
  std::string_view text;
  if (!value.get_string().get(text)) {
    out = std::string(text);
    return Status();
  }
  double number = 0;
  if (!value.get_double().get(number)) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", number);
    out = std::string(buffer);
    return Status();
  }
  return where.error("field \"" + std::string(key) + "\" is neither a string nor a number");
}

Status required_count(dom::object object, std::string_view key, const Where& where, std::uint32_t& out) {
  dom::element value;
  if (object.at_key(key).get(value)) return where.error("missing field \"" + std::string(key) + "\"");
  std::int64_t number = 0;
  if (value.get_int64().get(number) || number < 0 || number > INT32_MAX) {
    return where.error("field \"" + std::string(key) + "\" is not a non-negative integer");
  }
  out = static_cast<std::uint32_t>(number);
  return Status();
}

// The "date" of a FutureResolution / PastResolution object, when present.
Status resolution_date(dom::object value, std::string_view key, const Where& where, std::string& out) {
  dom::element resolution;
  if (value.at_key(key).get(resolution) || resolution.is_null()) return Status();
  dom::object object;
  if (resolution.get_object().get(object)) return where.error("field \"" + std::string(key) + "\" is not an object");
  return optional_string(object, "date", where, out);
}

Status read_result(dom::element element, const Utf16Offsets& offsets, const Where& where, SpecResult& out) {
  dom::object object;
  if (element.get_object().get(object)) return where.error("result is not an object");
  if (Status s = optional_string(object, "Text", where, out.text); !s.ok()) return s;
  if (Status s = optional_string(object, "TypeName", where, out.type); !s.ok()) return s;
  if (out.type.empty()) {
    if (Status s = optional_string(object, "Type", where, out.type); !s.ok()) return s;
  }

  // Start plus either an inclusive End (Number models) or a Length (DateTime).
  std::uint32_t start_unit = 0;
  std::uint32_t end_unit = 0;
  if (Status s = required_count(object, "Start", where, start_unit); !s.ok()) return s;
  dom::element ignored;
  if (!object.at_key("End").get(ignored)) {
    std::uint32_t last = 0;
    if (Status s = required_count(object, "End", where, last); !s.ok()) return s;
    end_unit = last + 1;
  } else if (!object.at_key("Length").get(ignored)) {
    std::uint32_t length = 0;
    if (Status s = required_count(object, "Length", where, length); !s.ok()) return s;
    end_unit = start_unit + length;
  } else {
    return where.error("result has neither \"End\" nor \"Length\"");
  }
  const std::optional<std::uint32_t> start = offsets.byte_offset(start_unit);
  const std::optional<std::uint32_t> end = offsets.byte_offset(end_unit);
  if (!start || !end || *end < *start) {
    return where.error("span [" + std::to_string(start_unit) + ", " + std::to_string(end_unit) +
                       ") (UTF-16 code units) lies outside the input of " + std::to_string(offsets.units()) +
                       " code units or splits a character");
  }
  out.start = *start;
  out.end = *end;

  dom::element nested;
  if (!object.at_key("Resolution").get(nested) && !nested.is_null()) {
    dom::object resolution;
    if (nested.get_object().get(resolution)) return where.error("\"Resolution\" is not an object");
    if (Status s = optional_value(resolution, "value", where, out.value); !s.ok()) return s;
    if (Status s = optional_string(resolution, "unit", where, out.unit); !s.ok()) return s;
    if (Status s = optional_string(resolution, "isoCurrency", where, out.iso_currency); !s.ok()) return s;
  }
  if (!object.at_key("Value").get(nested) && !nested.is_null()) {
    dom::object value;
    if (nested.get_object().get(value)) return where.error("\"Value\" is not an object");
    std::string timex;
    bool has_timex = false;
    if (Status s = optional_string(value, "Timex", where, timex, &has_timex); !s.ok()) return s;
    if (has_timex) out.timex = std::move(timex);
    if (Status s = resolution_date(value, "PastResolution", where, out.past_date); !s.ok()) return s;
    if (Status s = resolution_date(value, "FutureResolution", where, out.future_date); !s.ok()) return s;
  }
  return Status();
}

Status read_case(dom::element element, Where where, SpecCase& out) {
  dom::object object;
  if (element.get_object().get(object)) return where.error("case is not an object");
  bool has_input = false;
  if (Status s = optional_string(object, "Input", where, out.input, &has_input); !s.ok()) return s;
  if (!has_input) return where.error("missing string field \"Input\"");
  if (Status s = optional_string(object, "NotSupported", where, out.not_supported); !s.ok()) return s;
  out.not_supported_dotnet = lists_platform(out.not_supported, "dotnet");

  dom::element context;
  if (!object.at_key("Context").get(context) && !context.is_null()) {
    dom::object context_object;
    if (context.get_object().get(context_object)) return where.error("\"Context\" is not an object");
    std::string timestamp;
    bool has_timestamp = false;
    if (Status s = optional_string(context_object, "ReferenceDateTime", where, timestamp, &has_timestamp); !s.ok()) {
      return s;
    }
    if (has_timestamp) {
      std::optional<std::string> date = date_part(timestamp);
      if (!date) return where.error("ReferenceDateTime \"" + timestamp + "\" does not start with YYYY-MM-DD");
      out.reference_date = std::move(*date);
    }
  }

  dom::element results_element;
  dom::array results;
  if (object.at_key("Results").get(results_element) || results_element.get_array().get(results)) {
    return where.error("missing array field \"Results\"");
  }
  const Utf16Offsets offsets(out.input);
  for (dom::element result_element : results) {
    ++where.result_number;
    SpecResult result;
    if (Status s = read_result(result_element, offsets, where, result); !s.ok()) return s;
    out.results.push_back(std::move(result));
  }
  return Status();
}

}  // namespace

Status read_spec_file(const std::string& path, SpecFile& out) {
  out = SpecFile();
  out.path = path;
  simdjson::padded_string json;
  if (const simdjson::error_code error = simdjson::padded_string::load(path).get(json)) {
    return Status::error(path + ": cannot read: " + simdjson::error_message(error));
  }
  std::string_view bytes(json.data(), json.size());
  if (bytes.substr(0, kByteOrderMark.size()) == kByteOrderMark) bytes.remove_prefix(kByteOrderMark.size());

  // The padded_string keeps SIMDJSON_PADDING bytes after its end, so the
  // suffix after the byte order mark can be parsed in place.
  dom::parser parser;
  dom::element root;
  if (const simdjson::error_code error = parser.parse(bytes.data(), bytes.size(), false).get(root)) {
    return Status::error(path + ": bad JSON: " + simdjson::error_message(error));
  }
  dom::array cases;
  if (root.get_array().get(cases)) return Status::error(path + ": not a JSON array of test cases");

  Where where{path};
  for (dom::element case_element : cases) {
    ++where.case_number;
    SpecCase spec_case;
    spec_case.number = where.case_number;
    if (Status s = read_case(case_element, where, spec_case); !s.ok()) return s;
    for (const SpecResult& result : spec_case.results) {
      const std::string_view at(spec_case.input.data() + result.start, result.end - result.start);
      if (!equal_ignoring_ascii_case(at, result.text)) ++out.text_mismatches;
    }
    out.results += spec_case.results.size();
    out.cases.push_back(std::move(spec_case));
  }
  return Status();
}

}  // namespace newsmine::bench
