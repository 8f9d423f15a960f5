#include "pipeline/output_records.h"

#include <cmath>

#include "pipeline/json_writer.h"

namespace newsmine {
namespace {

void span_fields(JsonWriter& json, std::string_view text, std::uint32_t start, std::uint32_t end) {
  json.integer_field("start", start);
  json.integer_field("end", end);
  json.string_field("text", span_text(text, start, end));
}

}  // namespace

double round6(double value) { return std::round(value * 1e6) / 1e6; }

void append_document_head(const DocumentAnalysis& analysis, std::string& out) {
  const Document& doc = analysis.document;
  const std::string_view text = doc.text;
  JsonWriter json(out);
  json.begin_object();
  json.string_field("id", doc.id);
  json.string_field("source", doc.source);
  json.key("date");
  json.string_or_null(doc.date);
  json.integer_field("bytes", static_cast<std::int64_t>(text.size()));
  json.integer_field("tokens", static_cast<std::int64_t>(analysis.tokens.tokens.size()));
  json.integer_field("sentences", static_cast<std::int64_t>(analysis.tokens.sentences.size()));
  if (doc.invalid_utf8_bytes > 0) json.integer_field("invalid_utf8_bytes", static_cast<std::int64_t>(doc.invalid_utf8_bytes));

  json.key("dates");
  json.begin_array();
  for (const DateMention& date : analysis.dates) {
    json.begin_object();
    span_fields(json, text, date.start, date.end);
    json.key("value");
    json.string_or_null(date.value);
    json.string_field("kind", to_string(date.kind));
    json.end_object();
  }
  json.end_array();

  json.key("numbers");
  json.begin_array();
  for (const NumberMention& number : analysis.numbers) {
    json.begin_object();
    span_fields(json, text, number.start, number.end);
    json.number_field("value", number.value);
    json.key("unit");
    json.string_or_null(number.unit);
    json.string_field("kind", to_string(number.kind));
    json.end_object();
  }
  json.end_array();
  json.key("entities");
}

void append_document_entities(std::string_view text, const std::vector<EntityMention>& entities, std::string& out) {
  JsonWriter json(out);
  json.begin_array();
  for (const EntityMention& entity : entities) {
    json.begin_object();
    span_fields(json, text, entity.start, entity.end);
    json.string_field("label", to_string(entity.label));
    json.string_field("canonical", entity.canonical);
    json.end_object();
  }
  json.end_array();
  out.append("}\n");
}

void append_document_line(const DocumentAnalysis& analysis, std::string& out) {
  append_document_head(analysis, out);
  append_document_entities(analysis.document.text, analysis.entities, out);
}

std::string rejection_notice(const Rejection& rejection) {
  return "rejected " + rejection.source + ": " + rejection.reason;
}

std::string invalid_utf8_notice(const Document& document) {
  if (document.invalid_utf8_bytes == 0) return {};
  return document.source + ": " + std::to_string(document.invalid_utf8_bytes) + " bytes of invalid UTF-8 read as spaces";
}

void append_rejection_line(const Rejection& rejection, std::string& out) {
  JsonWriter json(out);
  json.begin_object();
  json.string_field("source", rejection.source);
  json.string_field("reason", rejection.reason);
  json.end_object();
  out.push_back('\n');
}

void append_similar_line(std::string_view a, std::string_view b, double cosine, std::string& out) {
  JsonWriter json(out);
  json.begin_object();
  json.string_field("a", a);
  json.string_field("b", b);
  json.number_field("cosine", round6(cosine));
  json.end_object();
  out.push_back('\n');
}

void append_passage_line(const Passage& passage, std::string_view a_id, std::string_view b_id,
                         std::string_view a_text, std::string_view b_text, std::string& out) {
  JsonWriter json(out);
  json.begin_object();
  json.string_field("a", a_id);
  json.integer_field("a_start", passage.a_start);
  json.integer_field("a_end", passage.a_end);
  json.string_field("b", b_id);
  json.integer_field("b_start", passage.b_start);
  json.integer_field("b_end", passage.b_end);
  json.number_field("score", round6(passage.score));
  json.string_field("kind", passage.exact ? "exact" : "near");
  json.string_field("a_text", a_text);
  json.string_field("b_text", b_text);
  json.end_object();
  out.push_back('\n');
}

void append_cluster_line(std::size_t number, const Cluster& cluster, const std::vector<std::string>& ids,
                         std::string_view representative_text, std::string& out) {
  JsonWriter json(out);
  json.begin_object();
  json.integer_field("cluster", static_cast<std::int64_t>(number));
  json.integer_field("size", static_cast<std::int64_t>(cluster.members.size()));
  json.string_field("text", representative_text);
  json.key("members");
  json.begin_array();
  for (const ClusterMember& member : cluster.members) {
    json.begin_object();
    json.string_field("id", ids[member.doc]);
    json.integer_field("start", member.start);
    json.integer_field("end", member.end);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  out.push_back('\n');
}

void append_reuse_line(std::string_view id, std::uint64_t bytes, std::uint64_t reused_bytes, std::string& out) {
  JsonWriter json(out);
  json.begin_object();
  json.string_field("id", id);
  json.integer_field("bytes", static_cast<std::int64_t>(bytes));
  json.integer_field("reused_bytes", static_cast<std::int64_t>(reused_bytes));
  json.number_field("reused_share",
                    round6(bytes ? static_cast<double>(reused_bytes) / static_cast<double>(bytes) : 0.0));
  json.end_object();
  out.push_back('\n');
}

void append_cleaned_line(std::string_view id, std::string_view date, std::string_view text,
                         std::uint64_t removed_bytes, std::string& out) {
  JsonWriter json(out);
  json.begin_object();
  json.string_field("id", id);
  json.key("date");
  json.string_or_null(date);
  json.string_field("text", text);
  json.integer_field("removed_bytes", static_cast<std::int64_t>(removed_bytes));
  json.end_object();
  out.push_back('\n');
}

}  // namespace newsmine
