// JSONL record parsing with simdjson's DOM API.
#include "corpus/jsonl_file.h"

#include <algorithm>

#include <simdjson.h>

#include "corpus/date_header.h"
#include "corpus/text_checks.h"
#include "corpus/utf8.h"

namespace newsmine::corpus_internal {

namespace {

static_assert(LineReader::kPadding >= simdjson::SIMDJSON_PADDING, "lines must be parseable in place");

bool is_blank(std::string_view line) {
  for (const char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

std::string field_quote(std::string_view text) {
  constexpr std::size_t kShown = 64;
  std::size_t shown = std::min(text.size(), kShown);
  // Cut at a character boundary so the reason stays valid UTF-8.
  while (shown < text.size() && shown > 0 && (static_cast<unsigned char>(text[shown]) & 0xC0) == 0x80) --shown;
  std::string out = "\"";
  out.append(text.substr(0, shown));
  if (shown < text.size()) out += "...";
  out += '"';
  return out;
}

}  // namespace

JsonlFile::JsonlFile(std::string name, std::unique_ptr<ByteSource> source, ReaderOptions options, JsonlWindow window)
    : name_(std::move(name)),
      options_(std::move(options)),
      source_(std::move(source)),
      lines_(*source_, static_cast<std::size_t>(options_.max_document_bytes)),
      parser_(std::make_unique<simdjson::dom::parser>()),
      window_(window),
      start_(window.first),
      at_(window.first) {}

JsonlFile::~JsonlFile() = default;

std::uint64_t JsonlFile::raw_bytes() const {
  if (!windowed()) return source_->raw_bytes();
  return started_ ? std::min(at_, window_.size) - std::min(start_, window_.size) : 0;
}

bool JsonlFile::take_line(LineReader::Line* line) {
  if (!started_) {
    started_ = true;
    if (window_.first > 0) {
      // The line holding byte first - 1 belongs to an earlier share.
      LineReader::Line partial;
      if (!lines_.next(&partial)) return false;
      at_ = start_ = window_.first - 1 + partial.length + 1;
      lines_.renumber(window_.lines_before);
    }
  }
  if (at_ >= window_.end || !lines_.next(line)) return false;
  at_ += line->length + 1;
  ++lines_taken_;
  return true;
}

std::optional<Record> JsonlFile::next() {
  if (finished_) return std::nullopt;
  LineReader::Line line;
  while (take_line(&line)) {
    if (line.too_long) {
      return Rejection{name_ + ":" + std::to_string(line.number),
                       "line of " + std::to_string(line.length) + " bytes, over max_document_bytes (" +
                           std::to_string(options_.max_document_bytes) + ")"};
    }
    if (is_blank(line.text)) continue;
    return parse_line(line.text, name_ + ":" + std::to_string(line.number));
  }
  finished_ = true;
  if (!lines_.status().ok()) {
    return Rejection{name_, lines_.status().message() + " (after line " + std::to_string(line.number) + ")"};
  }
  return std::nullopt;
}

bool JsonlFile::skip() {
  if (finished_) return false;
  LineReader::Line line;
  while (take_line(&line)) {
    if (line.too_long || !is_blank(line.text)) return true;
  }
  finished_ = true;
  return !lines_.status().ok();  // next() would have rejected the file here
}

Record JsonlFile::parse_line(std::string_view line, std::string source) {
  simdjson::dom::element root;
  // The LineReader leaves SIMDJSON_PADDING readable bytes after the line.
  simdjson::error_code parsed = parser_->parse(line.data(), line.size(), false).get(root);
  std::uint64_t invalid_bytes = 0;
  if (parsed == simdjson::UTF8_ERROR) {
    // A blank is whitespace between JSON tokens and a space inside a string,
    // so the line keeps its structure and the text its offsets.
    repaired_.assign(line);
    invalid_bytes = blank_invalid_utf8(repaired_);
    const std::size_t length = repaired_.size();
    repaired_.append(simdjson::SIMDJSON_PADDING, ' ');
    parsed = parser_->parse(repaired_.data(), length, false).get(root);
  }
  if (parsed) return Rejection{std::move(source), std::string("malformed JSON: ") + simdjson::error_message(parsed)};
  simdjson::dom::object object;
  if (root.get_object().get(object)) return Rejection{std::move(source), "not a JSON object"};

  Document doc;
  simdjson::dom::element value;
  std::string_view text;
  if (object.at_key(options_.text_field).get(value) || value.is_null()) {
    return Rejection{std::move(source), "missing text field " + field_quote(options_.text_field)};
  }
  if (value.get_string().get(text)) {
    return Rejection{std::move(source), "text field " + field_quote(options_.text_field) + " is not a string"};
  }

  if (!object.at_key(options_.id_field).get(value) && !value.is_null()) {
    std::string_view id;
    std::int64_t number = 0;
    std::uint64_t unsigned_number = 0;
    if (!value.get_string().get(id)) {
      doc.id = std::string(id);
    } else if (!value.get_int64().get(number)) {
      doc.id = std::to_string(number);
    } else if (!value.get_uint64().get(unsigned_number)) {
      doc.id = std::to_string(unsigned_number);
    } else {
      return Rejection{std::move(source), "id field " + field_quote(options_.id_field) + " is not a string or an integer"};
    }
  }
  if (doc.id.empty()) doc.id = source;

  if (!object.at_key(options_.date_field).get(value) && !value.is_null()) {
    std::string_view date;
    if (value.get_string().get(date)) {
      return Rejection{std::move(source), "date field " + field_quote(options_.date_field) + " is not a string"};
    }
    if (!date.empty()) {
      std::optional<std::string> day = date_from_field(date);
      if (!day) {
        return Rejection{std::move(source), "invalid date " + field_quote(date) + " in field " +
                                                field_quote(options_.date_field) +
                                                " (expected YYYY-MM-DD or an ISO 8601 timestamp)"};
      }
      doc.date = std::move(*day);
    }
  }

  doc.text = std::string(text);
  doc.invalid_utf8_bytes = invalid_bytes;
  std::uint64_t invalid_in_text = 0;  // none: the parser has checked the line
  if (auto problem = prepare_text(doc.text, options_.max_document_bytes, invalid_in_text)) {
    return Rejection{std::move(source), std::move(*problem)};
  }
  doc.source = std::move(source);
  return doc;
}

}  // namespace newsmine::corpus_internal
