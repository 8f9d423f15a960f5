#include "pipeline/report_html.h"

#include <algorithm>
#include <cstdio>

#include "pipeline/html_escape.h"
#include "pipeline/report_assets.h"
#include "pipeline/report_charts.h"
#include "pipeline/word_diff.h"

namespace newsmine {
namespace {

constexpr std::size_t kLongPassageBytes = 1200;  // copies longer than this are shown around their differences
constexpr std::size_t kContextTokens = 30;       // tokens kept on each side of a difference

// 1234567 -> "1,234,567".
std::string grouped(std::uint64_t value) {
  std::string digits = std::to_string(value), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

// "Showing the 50 longest of 120." when a list was capped, else "All 12 shown."
std::string cap_note(std::size_t shown, std::uint64_t total, const char* which) {
  if (shown >= total) return "All " + grouped(total) + " shown.";
  return "Showing the " + grouped(shown) + " " + which + " of " + grouped(total) + " (the report caps this list).";
}

void card(std::string& out, const std::string& value, const char* what, const std::string& extra = "") {
  out += "<div class=\"card\"><b>";
  out += value;
  out += "</b><span>";
  out += what;
  out += "</span>";
  out += extra;
  out += "</div>\n";
}

void append_overview(const ReportData& data, std::string& out) {
  const RunSummary& summary = data.summary;
  const ReaderStats& reader = summary.stream.reader;
  const double share = reader.text_bytes ? static_cast<double>(summary.reused_bytes) / static_cast<double>(reader.text_bytes) : 0;
  out += "<section id=\"overview\"><h2>Overview</h2>\n<div class=\"cards\">\n";
  card(out, grouped(reader.documents), "articles");
  card(out, grouped(reader.rejected) + " / " + grouped(reader.skipped), "rejected / skipped");
  card(out, fixed(static_cast<double>(reader.text_bytes) / 1e6, 2) + " MB", "of article text");
  if (data.options.timings) {
    const double rate = summary.wall_seconds > 0 ? static_cast<double>(reader.text_bytes) / 1e6 / summary.wall_seconds : 0;
    card(out, fixed(summary.wall_seconds, 2) + " s", "wall time", "<span> \u00b7 " + fixed(rate, rate < 10 ? 2 : 1) + " MB/s</span>");
  }
  card(out, grouped(summary.tokens), "tokens");
  card(out, grouped(summary.dates), "date mentions");
  card(out, grouped(summary.numbers), "numbers");
  card(out, grouped(summary.entities), "entity mentions");
  card(out, grouped(summary.similar_pairs), "similar pairs");
  card(out, grouped(summary.passages), "reused passages");
  card(out, grouped(summary.clusters), "passage families");
  card(out, fixed(share * 100, 1) + "%", "of the text is reused",
       "<div class=\"share\"><i style=\"width:" + fixed(std::min(share, 1.0) * 100, 1) + "%\"></i></div>");
  out += "</div>\n";
  if (data.options.timings) {
    out += "<details><summary>Time per stage</summary><table><tr><th>stage</th><th class=\"num\">seconds</th>"
           "<th class=\"num\">MB/s</th></tr>\n";
    for (const StageTime& stage : summary.stages) {
      out += "<tr><td>";
      append_html_escaped(stage.name, out);
      out += "</td><td class=\"num\">" + fixed(stage.seconds, 3) + "</td><td class=\"num\">" +
             fixed(stage.seconds > 0 ? static_cast<double>(stage.bytes) / 1e6 / stage.seconds : 0, 1) + "</td></tr>\n";
    }
    out += "</table><p class=\"note\">Parallel stages (tokenize, extract) are summed over threads.</p></details>\n";
  }
  out += "</section>\n";
}

void append_graph(const ReportData& data, std::string& out) {
  out += "<section id=\"graph\"><h2>Reuse graph</h2>\n<p class=\"note\">";
  if (data.graph.nodes.empty()) {
    out += "No article shares a passage with another or reaches the similarity threshold.</p></section>\n";
    return;
  }
  out += "The articles with the most reused text (at most " + std::to_string(data.options.max_graph_articles) +
         "), then the most similar ones, in input order around the circle. Hover a line or a node for numbers.</p>\n"
         "<div class=\"graph\"><div>";
  append_reuse_graph(data.graph, out);
  out += "</div><div class=\"legend\">"
         "<p><span class=\"swatch\" style=\"border-color:var(--exact)\"></span>exact reuse (identical words)</p>"
         "<p><span class=\"swatch\" style=\"border-color:var(--near)\"></span>near reuse (edited copy)</p>"
         "<p><span class=\"swatch\" style=\"border-color:#a8b1bb;border-top-width:2px\"></span>similar vocabulary only "
         "(TF-IDF cosine; darker is closer)</p>"
         "<p class=\"note\">Thicker lines carry more reused bytes; larger nodes take part in more passages.</p>"
         "</div></div></section>\n";
}

void append_passages(const ReportData& data, std::string& out) {
  out += "<section id=\"passages\"><h2>Reused passages</h2>\n<p class=\"note\">" +
         cap_note(data.passages.size(), data.summary.passages, "longest") +
         " Edited (near) copies come first, then exact ones, the longest first in each. Words only in the first copy are marked <del>like this</del>, words only in the second <ins>like this</ins>; "
         "line breaks and spacing are not compared.</p>\n";
  if (data.passages.empty()) out += "<p class=\"empty\">No reused passages.</p>\n";
  for (std::size_t i = 0; i < data.passages.size(); ++i) {
    const ReportPassage& p = data.passages[i];
    const WordDiff diff = word_diff(p.a_text, p.b_text);
    out += "<div class=\"passage\" id=\"passage-" + std::to_string(i + 1) + "\" data-ids=\"";
    append_html_escaped(p.a_id + " " + p.b_id, out);
    out += "\"><h3>" + std::to_string(i + 1) + ". score " + fixed(p.score, 3);
    out += p.exact ? "<span class=\"kind exact\">exact</span>" : "<span class=\"kind near\">near</span>";
    std::vector<std::string> notes;
    if (diff.complete && (diff.changed_a || diff.changed_b))
      notes.push_back(std::to_string(diff.changed_a) + " / " + std::to_string(diff.changed_b) + " words differ");
    if (!diff.complete) notes.push_back("too long to compare word by word");
    // Long copies show their differences in context; the unchanged rest is left out.
    const bool long_copies = std::max(p.a_text.size(), p.b_text.size()) > kLongPassageBytes;
    if (long_copies) notes.push_back(diff.changed_a || diff.changed_b ? "unchanged stretches left out (\u2026)" : "the start only");
    if (p.cut) notes.push_back("cut to " + grouped(data.options.max_passage_bytes) + " bytes per copy");
    for (std::size_t n = 0; n < notes.size(); ++n) out += (n ? " \u00b7 " : " <span class=\"note\">") + notes[n];
    if (!notes.empty()) out += "</span>";
    out += "</h3>\n<div class=\"sides\">";
    const struct { const std::string& id; std::uint32_t start, end; const std::string& text; const std::vector<DiffToken>& tokens; const char* tag; } sides[] = {
        {p.a_id, p.a_start, p.a_end, p.a_text, diff.a, "del"}, {p.b_id, p.b_start, p.b_end, p.b_text, diff.b, "ins"}};
    for (const auto& side : sides) {
      out += "<div class=\"side\" data-doc=\"";
      append_html_escaped(side.id, out);
      out += "\"><span class=\"id\">";
      append_html_escaped(side.id, out);
      out += " [" + std::to_string(side.start) + ", " + std::to_string(side.end) + ")</span><p>";
      append_diff_html(side.text, side.tokens, side.tag, out, long_copies ? kContextTokens : 0);
      out += "</p></div>";
    }
    out += "</div></div>\n";
  }
  out += "</section>\n";
}

void append_families(const ReportData& data, std::string& out) {
  out += "<section id=\"families\"><h2>Boilerplate and passage families</h2>\n<p class=\"note\">Text recurring in "
         "several articles (one family per connected group of reused passages), the most widespread first. " +
         cap_note(data.families.size(), data.summary.clusters, "largest") + "</p>\n";
  if (data.families.empty()) {
    out += "<p class=\"empty\">No passage families.</p></section>\n";
    return;
  }
  out += "<table class=\"family\"><tr><th class=\"num\">family</th><th class=\"num\">articles</th><th>text (earliest copy)"
         "</th><th>articles carrying it</th></tr>\n";
  for (const ReportFamily& family : data.families) {
    std::string ids;
    for (const std::string& id : family.members) ids += id + " ";
    out += "<tr data-ids=\"";
    append_html_escaped(ids, out);
    out += "\"><td class=\"num\">" + std::to_string(family.number) + "</td><td class=\"num\">" +
           grouped(family.articles) + "</td><td>";
    append_html_escaped(family.text, out);
    out += "</td><td>";
    for (const std::string& id : family.members) {
      out += "<span class=\"chip\">";
      append_html_escaped(id, out);
      out += "</span>";
    }
    if (family.articles > family.members.size())
      out += "<span class=\"note\">and " + grouped(family.articles - family.members.size()) + " more</span>";
    out += "</td></tr>\n";
  }
  out += "</table></section>\n";
}

void append_pairs(const ReportData& data, std::string& out) {
  out += "<section id=\"pairs\"><h2>Most similar articles</h2>\n<p class=\"note\">TF-IDF cosine of whole articles. " +
         cap_note(data.pairs.size(), data.summary.similar_pairs, "most similar") + "</p>\n";
  if (data.pairs.empty()) {
    out += "<p class=\"empty\">No pair reaches the similarity threshold.</p></section>\n";
    return;
  }
  out += "<table><tr><th>article</th><th>article</th><th class=\"num\">cosine</th></tr>\n";
  for (const ReportPair& pair : data.pairs) {
    out += "<tr data-ids=\"";
    append_html_escaped(pair.a + " " + pair.b, out);
    out += "\"><td class=\"id\">";
    append_html_escaped(pair.a, out);
    out += "</td><td class=\"id\">";
    append_html_escaped(pair.b, out);
    out += "</td><td class=\"num\"><span class=\"meter\" style=\"width:" + fixed(pair.cosine * 120, 0) + "px\"></span>" +
           fixed(pair.cosine, 3) + "</td></tr>\n";
  }
  out += "</table></section>\n";
}

void append_entities(const ReportData& data, std::string& out) {
  out += "<section id=\"entities\"><h2>Most mentioned entities</h2>\n<p class=\"note\">By canonical form (the fullest "
         "name seen) and label. " + cap_note(data.entities.size(), data.distinct_entities, "most mentioned");
  if (data.entities_pruned)
    out += " Rare entities were dropped during the run to bound memory, so counts near the bottom may be low.";
  out += "</p>\n";
  if (data.entities.empty()) {
    out += "<p class=\"empty\">No entities found.</p></section>\n";
    return;
  }
  const double most = static_cast<double>(data.entities.front().mentions);
  out += "<table><tr><th>entity</th><th>label</th><th class=\"num\">mentions</th><th class=\"num\">articles</th></tr>\n";
  for (const ReportEntity& entity : data.entities) {
    out += "<tr><td>";
    append_html_escaped(entity.canonical, out);
    out += "</td><td><span class=\"label ";
    append_html_escaped(entity.label, out);
    out += "\">";
    append_html_escaped(entity.label, out);
    out += "</span></td><td class=\"num\"><span class=\"meter\" style=\"width:" +
           fixed(static_cast<double>(entity.mentions) / most * 120, 0) + "px\"></span>" + grouped(entity.mentions) +
           "</td><td class=\"num\">" + grouped(entity.articles) + "</td></tr>\n";
  }
  out += "</table></section>\n";
}

void append_timeline(const ReportData& data, std::string& out) {
  const ReportTimeline& timeline = data.timeline;
  out += "<section id=\"timeline\"><h2>Timeline of mentioned dates</h2>\n<p class=\"note\">Dates the articles mention, "
         "by the month or year of their resolved value (a range counts at its start). ";
  if (timeline.without_year)
    out += grouped(timeline.without_year) + " mentions without a year (\u201crecently\u201d, decades like 199X) are not drawn.";
  out += "</p>\n";
  if (timeline.mentions_by_year.empty() && timeline.articles_by_month.empty()) out += "<p class=\"empty\">No dates.</p>\n";
  else append_timeline_charts(timeline, out);
  out += "</section>\n";
}

}  // namespace

std::string report_html(const ReportData& data) {
  std::string out;
  out.reserve(1 << 16);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "script-src 'unsafe-inline'; img-src data:\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>newsmine report</title>\n<style>";
  out += kReportStyle;
  out += "</style>\n</head>\n<body>\n<header><h1>newsmine report</h1><p>" +
         grouped(data.summary.stream.reader.documents) + " articles \u00b7 " +
         grouped(data.summary.passages) + " reused passages \u00b7 " + grouped(data.summary.similar_pairs) +
         " similar pairs</p></header>\n"
         "<nav><a href=\"#overview\">Overview</a><a href=\"#graph\">Graph</a><a href=\"#passages\">Passages</a>"
         "<a href=\"#families\">Families</a><a href=\"#pairs\">Similar</a><a href=\"#entities\">Entities</a>"
         "<a href=\"#timeline\">Timeline</a><span class=\"filter\"><input id=\"filter\" type=\"search\" "
         "placeholder=\"filter by article id\" aria-label=\"filter passages, families and pairs by article id\">"
         "</span></nav>\n<main>\n";
  append_overview(data, out);
  append_graph(data, out);
  append_passages(data, out);
  append_families(data, out);
  append_pairs(data, out);
  append_entities(data, out);
  append_timeline(data, out);
  out += "</main>\n<footer>Written by newsmine " NEWSMINE_VERSION ". Lists are capped (passages " +
         std::to_string(data.options.max_passages) + ", families " + std::to_string(data.options.max_families) +
         ", pairs " + std::to_string(data.options.max_pairs) + ", entities " + std::to_string(data.options.max_entities) +
         "); the full results are in the JSONL files of the run.";
  if (data.options.timings) out += " Times differ from run to run; everything else is the same for any thread count.";
  out += "</footer>\n<script>";
  out += kReportScript;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace newsmine
