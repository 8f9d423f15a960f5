// The HTML report: escaping, word-level differences on real edited text, the
// collector's counts and caps, thread invariance, and the command-line options.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "pipeline/html_escape.h"
#include "pipeline/report_data.h"
#include "pipeline/report_html.h"
#include "pipeline/run.h"
#include "pipeline/word_diff.h"
#include "tests/test_support.h"

using namespace newsmine;
namespace fs = std::filesystem;

namespace {

fs::path sample_dir() { return testing::source_dir() / "corpus" / "sample"; }

std::string sample_bytes(const std::string& file, std::size_t start, std::size_t end) {
  return testing::read_file(sample_dir() / file).substr(start, end - start);
}

std::string diff_html(const std::string& text, const std::vector<DiffToken>& tokens, const char* tag) {
  std::string html;
  append_diff_html(text, tokens, tag, html);
  return html;
}

std::size_t occurrences(const std::string& haystack, const std::string& needle) {
  std::size_t count = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++count;
  return count;
}

Status run_sample(const fs::path& out, int threads, bool timings, const std::string& report_path = "") {
  RunOptions options;
  options.paths = {sample_dir().string()};
  options.out_dir = out.string();
  options.stream.threads = threads;
  options.report_timings = timings;
  options.report_path = report_path;
  RunSummary summary;
  return run(options, summary);
}

int run_binary(const std::string& arguments, const fs::path& stderr_file) {
  const std::string command = std::string(NEWSMINE_BINARY) + " " + arguments + " >/dev/null 2>" + stderr_file.string();
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("HTML escaping covers markup, quotes and control characters") {
  CHECK(html_escaped("<script>alert(\"AT&T\")</script>") == "&lt;script&gt;alert(&quot;AT&amp;T&quot;)&lt;/script&gt;");
  CHECK(html_escaped("O'Brien") == "O&#39;Brien");
  CHECK(html_escaped(std::string("a\x01" "b\tc\nd")) == "a b\tc\nd");
  CHECK(html_escaped("Türkiye — Алят") == "Türkiye — Алят");
  // Cuts never split a UTF-8 character: "ü" is two bytes.
  CHECK(truncate_utf8("Türkiye", 2) == "T\u2026");
  CHECK(truncate_utf8("Türkiye", 3) == "Tü\u2026");
  CHECK(truncate_utf8("Baku", 10) == "Baku");
}

TEST_CASE("Word differences of the sample's edited sentence are marked on both sides") {
  // corpus/sample/README.md: 02 [251, 381) and 08 [247, 371), "more than" -> "over", "authority" -> "operator".
  const std::string a = sample_bytes("02_alat_terminal_opens.txt", 251, 381);
  const std::string b = sample_bytes("08_alat_first_month.txt", 247, 371);
  REQUIRE(a.starts_with("The new terminal can handle more than 12,000"));
  const WordDiff diff = word_diff(a, b);
  CHECK(diff.complete);
  CHECK(diff.changed_a == 3);
  CHECK(diff.changed_b == 2);
  CHECK(diff_html(a, diff.a, "del") ==
        "The new terminal can handle <del>more than</del> 12,000 containers a month and will create about 400 "
        "permanent jobs, the port <del>authority</del> said.");
  CHECK(diff_html(b, diff.b, "ins") ==
        "The new terminal can handle <ins>over</ins> 12,000 containers a month and will create about 400 "
        "permanent jobs, the port <ins>operator</ins> said.");
}

TEST_CASE("A re-wrapped paragraph has no differences and reads as one paragraph") {
  const std::string a = sample_bytes("03_central_bank_rate.txt", 196, 510);
  const std::string b = sample_bytes("11_manat_outlook.txt", 261, 575);
  REQUIRE(b.find('\n') != std::string::npos);
  const WordDiff diff = word_diff(a, b);
  CHECK(diff.changed_a == 0);
  CHECK(diff.changed_b == 0);
  CHECK(diff_html(b, diff.b, "ins") == diff_html(a, diff.a, "del"));
  CHECK(diff_html(b, diff.b, "ins").find('\n') == std::string::npos);
}

TEST_CASE("Word differences: insertions, escaping inside marks, blank lines and the size limit") {
  const WordDiff inserted = word_diff("gas to Europe.", "gas to Georgia and Europe.");
  CHECK(diff_html("gas to Georgia and Europe.", inserted.b, "ins") == "gas to <ins>Georgia and</ins> Europe.");
  CHECK(inserted.changed_a == 0);

  const std::string a = "Profits at <AT&T> rose.", b = "Profits at <AT&T> fell.";
  const WordDiff escaped = word_diff(a, b);
  CHECK(diff_html(a, escaped.a, "del") == "Profits at &lt;AT&amp;T&gt; <del>rose</del>.");

  const std::string paragraphs = "First paragraph.\n\nSecond   one.";
  CHECK(diff_html(paragraphs, diff_tokens(paragraphs), "del") == "First paragraph.\n\nSecond one.");

  const WordDiff too_long = word_diff("a b c x y z", "a q r s t c", 4);
  CHECK_FALSE(too_long.complete);
  CHECK(too_long.changed_a == 0);
}

TEST_CASE("The page escapes corpus text and keeps only its own script") {
  ReportData data;
  data.summary.passages = 1;
  data.passages.push_back({"<b>evil</b>", "plain", 0, 30, 0, 30, 0.9, false,
                           "Hello <script>alert(1)</script> world", "Hello <script>alert(2)</script> world", false});
  data.pairs.push_back({"a\"onmouseover=\"x", "b", 0.5});
  data.summary.similar_pairs = 1;
  const std::string page = report_html(data);
  CHECK(page.find("<script>alert") == std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(<del>1</del>)&lt;/script&gt;") != std::string::npos);
  CHECK(page.find("&lt;script&gt;alert(<ins>2</ins>)&lt;/script&gt;") != std::string::npos);
  CHECK(page.find("&lt;b&gt;evil&lt;/b&gt;") != std::string::npos);
  CHECK(page.find("a&quot;onmouseover=&quot;x") != std::string::npos);
  CHECK(occurrences(page, "<script>") == 1);
  CHECK(page.find("http://www.w3.org/2000/svg") == std::string::npos);  // no graph without articles
  CHECK(page.find("src=\"http") == std::string::npos);
  CHECK(page.find("Content-Security-Policy") != std::string::npos);
}

TEST_CASE("The collector counts dates by month and year and entities per article") {
  ReportCollector collector(ReportOptions{});
  DocumentAnalysis analysis;
  analysis.document.text = "Samir Aliyev said Aliyev and AGT met in Baku.";
  analysis.document.date = "2021-11-12";
  analysis.dates = {{0, 1, "2021-05-20", DateKind::date}, {0, 1, "2021-05", DateKind::month},
                    {0, 1, "2020-Q4", DateKind::quarter}, {0, 1, "2023-04-11/2023-04-12", DateKind::range},
                    {0, 1, "PAST_REF", DateKind::relative}, {0, 1, "199X", DateKind::decade}, {0, 1, "", DateKind::relative}};
  analysis.entities = {{0, 12, EntityLabel::person, "Samir Aliyev"}, {18, 24, EntityLabel::person, "Samir Aliyev"},
                       {29, 32, EntityLabel::org, "AGT"}, {40, 44, EntityLabel::loc, ""}};
  collector.add_document(analysis);
  analysis.entities = {{29, 32, EntityLabel::org, "AGT"}};
  collector.add_document(analysis);
  const ReportData data = collector.finish(RunSummary{});

  const ReportTimeline& timeline = data.timeline;
  CHECK(timeline.mentions_by_month.at(2021 * 12 + 4) == 4);  // May 2021, twice per article
  CHECK(timeline.mentions_by_month.at(2023 * 12 + 3) == 2);  // a range counts at its start
  CHECK(timeline.mentions_by_month.count(2020 * 12 + 9) == 0);  // a quarter has no month
  CHECK(timeline.mentions_by_year.at(2020) == 2);
  CHECK(timeline.without_year == 6);
  CHECK(timeline.articles_by_month.at(2021 * 12 + 10) == 2);

  REQUIRE(data.entities.size() == 3);
  // Both have 2 mentions; AGT is in more articles, so it ranks first.
  CHECK(data.entities[0].canonical == "AGT");
  CHECK(data.entities[0].label == "ORG");
  CHECK(data.entities[0].articles == 2);
  CHECK(data.entities[1].canonical == "Samir Aliyev");
  CHECK(data.entities[1].label == "PERSON");
  CHECK(data.entities[1].mentions == 2);
  CHECK(data.entities[1].articles == 1);
  CHECK(data.entities[2].canonical == "Baku");  // no canonical form: the mention's text
}

TEST_CASE("Entity counters stay bounded, dropping the rarest first") {
  ReportOptions options;
  options.max_distinct_entities = 8;
  ReportCollector collector(options);
  DocumentAnalysis analysis;
  analysis.document.text = "x";
  for (int i = 0; i < 30; ++i) {
    analysis.entities = {{0, 1, EntityLabel::org, "Common Org"}, {0, 1, EntityLabel::person, "Person " + std::to_string(i)}};
    collector.add_document(analysis);
  }
  const ReportData data = collector.finish(RunSummary{});
  CHECK(data.entities_pruned);
  CHECK(data.distinct_entities <= 8);
  REQUIRE_FALSE(data.entities.empty());
  CHECK(data.entities[0].canonical == "Common Org");
  CHECK(data.entities[0].mentions == 30);
}

TEST_CASE("report.html on the sample: passages side by side, caps, identical for 1 and 2 threads") {
  testing::ScratchDir one("report_threads1"), two("report_threads2");
  REQUIRE(run_sample(one.path, 1, false).ok());
  REQUIRE(run_sample(two.path, 2, false).ok());
  const std::string page = testing::read_file(one / "report.html");
  CHECK(page == testing::read_file(two / "report.html"));
  CHECK(page.find("wall time") == std::string::npos);

  CHECK(page.find("<div class=\"side\" data-doc=\"03_central_bank_rate\">") != std::string::npos);
  CHECK(page.find("<div class=\"side\" data-doc=\"11_manat_outlook\">") != std::string::npos);
  CHECK(occurrences(page, "The bank said annual inflation accelerated to 5.2 percent in May from 3.5 percent") == 3);  // 2 sides + family
  CHECK(page.find("can handle <del>more than</del> 12,000") != std::string::npos);
  CHECK(page.find("can handle <ins>over</ins> 12,000") != std::string::npos);
  CHECK(page.find("All 6 shown.") != std::string::npos);  // 6 passages in the sample
  CHECK(page.find("No pair reaches the similarity threshold") == std::string::npos);  // 7 similar pairs
  CHECK(page.find("<td class=\"id\">01_agt_gas_exports</td><td class=\"id\">10_agt_compressor_tender</td>") !=
        std::string::npos);  // the most similar pair of similar.jsonl
  CHECK(page.find("<span class=\"chip\">04_agt_compressor_maintenance</span>") != std::string::npos);
  CHECK(page.find("aria-label=\"Reuse graph") != std::string::npos);
  CHECK(page.find("aria-label=\"Date mentions per month\"") != std::string::npos);

  // With timings (the default) the page says how long the run took.
  testing::ScratchDir timed("report_timed");
  REQUIRE(run_sample(timed.path, 1, true, (timed / "elsewhere.html").string()).ok());
  CHECK_FALSE(fs::exists(timed / "report.html"));
  CHECK(testing::read_file(timed / "elsewhere.html").find("wall time") != std::string::npos);
}

TEST_CASE("The collector caps the passages it shows and the page says so") {
  testing::ScratchDir out("report_caps");
  RunOptions options;
  options.paths = {sample_dir().string()};
  options.out_dir = out.string();
  options.report = false;
  RunSummary summary;
  REQUIRE(run(options, summary).ok());
  CHECK_FALSE(fs::exists(out / "report.html"));

  ReportData data;
  data.options.max_passages = 2;
  data.summary.passages = 6;
  data.passages.resize(2);
  CHECK(report_html(data).find("Showing the 2 longest of 6 (the report caps this list).") != std::string::npos);
}

TEST_CASE("Command line: --report FILE, --no-report, and an unwritable report is one fatal error") {
  testing::ScratchDir out("report_cli");
  const fs::path err = out / "stderr.txt";
  const std::string sample = sample_dir().string();
  CHECK(run_binary("run " + sample + " --out " + (out / "a").string() + " --quiet", err) == 0);
  CHECK(fs::exists(out / "a" / "report.html"));
  CHECK(run_binary("run " + sample + " --out " + (out / "b").string() + " --quiet --no-report", err) == 0);
  CHECK_FALSE(fs::exists(out / "b" / "report.html"));
  CHECK(run_binary("run " + sample + " --out " + (out / "c").string() + " --quiet --report " + (out / "r.html").string(), err) == 0);
  CHECK(fs::exists(out / "r.html"));

  CHECK(run_binary("run " + sample + " --out " + (out / "d").string() + " --quiet --report /nonexistent_dir/r.html", err) == 1);
  const std::string message = testing::read_file(err);
  CHECK(message.starts_with("newsmine: error: cannot create file: "));
  CHECK(message.find("(/nonexistent_dir/r.html)\n") != std::string::npos);
  CHECK(testing::line_count(message) == 1);
  // The report file is created before the corpus is read, so the run stops at once.
  CHECK(testing::read_file(out / "d" / "documents.jsonl").empty());

  CHECK(run_binary("run " + sample + " --out " + (out / "e").string() + " --report x.html --no-report", err) == 2);
}

TEST_CASE("Long copies keep their differences in context and leave the unchanged rest out") {
  std::string a, b;
  for (int i = 0; i < 100; ++i) {
    a += 'w';
    a += std::to_string(i);
    a += ' ';
  }
  b = a;
  a += "gas exports rose.";
  b += "gas exports fell.";
  const WordDiff diff = word_diff(a, b);
  std::string html;
  append_diff_html(a, diff.a, "del", html, 5);
  CHECK(html == "<span class=\"skip\" title=\"97 words not shown\">\u2026</span> w97 w98 w99 gas exports "
                "<del>rose</del>.");
  html.clear();
  append_diff_html(a, diff_tokens(a), "del", html, 5);  // nothing changed: the start only
  CHECK(html.starts_with("w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 <span class=\"skip\" title=\"89 words not shown\">"));
}
