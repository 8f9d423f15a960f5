#include "pipeline/output_records.h"

#include <cmath>

#include "pipeline/json_writer.h"

namespace newsmine {
namespace {

void span_fields(JsonWriter& json, std::string_view text, std::uint32_t start, std::uint32_t end) {
  json.key("start");
  json.integer(start);
  json.key("end");
  json.integer(end);
  json.key("text");
  json.string(span_text(text, start, end));
}

}  // namespace

double round6(double value) { return std::round(value * 1e6) / 1e6; }

void append_document_line(const DocumentAnalysis& analysis, std::string& out) {
  const Document& doc = analysis.document;
  const std::string_view text = doc.text;
  JsonWriter json(out);
  json.begin_object();
  json.key("id");
  json.string(doc.id);
  json.key("source");
  json.string(doc.source);
  json.key("date");
  json.string_or_null(doc.date);
  json.key("bytes");
  json.integer(static_cast<std::int64_t>(text.size()));
  json.key("tokens");
  json.integer(static_cast<std::int64_t>(analysis.tokens.tokens.size()));
  json.key("sentences");
  json.integer(static_cast<std::int64_t>(analysis.tokens.sentences.size()));

  json.key("dates");
  json.begin_array();
  for (const DateMention& date : analysis.dates) {
    json.begin_object();
    span_fields(json, text, date.start, date.end);
    json.key("value");
    json.string_or_null(date.value);
    json.key("kind");
    json.string(to_string(date.kind));
    json.end_object();
  }
  json.end_array();

  json.key("numbers");
  json.begin_array();
  for (const NumberMention& number : analysis.numbers) {
    json.begin_object();
    span_fields(json, text, number.start, number.end);
    json.key("value");
    json.number(number.value);
    json.key("unit");
    json.string_or_null(number.unit);
    json.key("kind");
    json.string(to_string(number.kind));
    json.end_object();
  }
  json.end_array();

  json.key("entities");
  json.begin_array();
  for (const EntityMention& entity : analysis.entities) {
    json.begin_object();
    span_fields(json, text, entity.start, entity.end);
    json.key("label");
    json.string(to_string(entity.label));
    json.key("canonical");
    json.string(entity.canonical);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  out.push_back('\n');
}

void append_rejection_line(const Rejection& rejection, std::string& out) {
  JsonWriter json(out);
  json.begin_object();
  json.key("source");
  json.string(rejection.source);
  json.key("reason");
  json.string(rejection.reason);
  json.end_object();
  out.push_back('\n');
}

void append_similar_line(std::string_view a, std::string_view b, double cosine, std::string& out) {
  JsonWriter json(out);
  json.begin_object();
  json.key("a");
  json.string(a);
  json.key("b");
  json.string(b);
  json.key("cosine");
  json.number(round6(cosine));
  json.end_object();
  out.push_back('\n');
}

void append_passage_line(const Passage& passage, std::string_view a_id, std::string_view b_id,
                         std::string_view a_text, std::string_view b_text, std::string& out) {
  JsonWriter json(out);
  json.begin_object();
  json.key("a");
  json.string(a_id);
  json.key("a_start");
  json.integer(passage.a_start);
  json.key("a_end");
  json.integer(passage.a_end);
  json.key("b");
  json.string(b_id);
  json.key("b_start");
  json.integer(passage.b_start);
  json.key("b_end");
  json.integer(passage.b_end);
  json.key("score");
  json.number(round6(passage.score));
  json.key("kind");
  json.string(passage.exact ? "exact" : "near");
  json.key("a_text");
  json.string(a_text);
  json.key("b_text");
  json.string(b_text);
  json.end_object();
  out.push_back('\n');
}

void append_cluster_line(std::size_t number, const Cluster& cluster, const std::vector<std::string>& ids,
                         std::string_view representative_text, std::string& out) {
  JsonWriter json(out);
  json.begin_object();
  json.key("cluster");
  json.integer(static_cast<std::int64_t>(number));
  json.key("size");
  json.integer(static_cast<std::int64_t>(cluster.members.size()));
  json.key("text");
  json.string(representative_text);
  json.key("members");
  json.begin_array();
  for (const ClusterMember& member : cluster.members) {
    json.begin_object();
    json.key("id");
    json.string(ids[member.doc]);
    json.key("start");
    json.integer(member.start);
    json.key("end");
    json.integer(member.end);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  out.push_back('\n');
}

}  // namespace newsmine
