#include "pipeline/report_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "pipeline/html_escape.h"
#include "pipeline/svg_writer.h"

namespace newsmine {
namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string plural(std::uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

struct ChartBar {
  std::string label;       // under the bar ("May")
  std::string group;       // under the label where it changes ("2021")
  std::uint64_t value = 0;   // main bar
  std::uint64_t marker = 0;  // narrower second bar
  std::string title;
};

// A round step for about five gridlines up to `top`.
std::uint64_t grid_step(std::uint64_t top) {
  std::uint64_t step = 1;
  while (top / step > 5) {
    if (top / (step * 2) <= 5) return step * 2;
    if (top / (step * 5) <= 5) return step * 5;
    step *= 10;
  }
  return step;
}

void append_bar_chart(const std::vector<ChartBar>& bars, std::string_view label, std::string& out) {
  const double width = 960, height = 250, left = 44, right = 12, top = 14, bottom = 52;
  const double plot_width = width - left - right, plot_height = height - top - bottom;
  std::uint64_t highest = 1;
  for (const ChartBar& bar : bars) highest = std::max({highest, bar.value, bar.marker});
  const std::uint64_t step = grid_step(highest);
  const std::uint64_t ceiling = (highest + step - 1) / step * step;
  auto y = [&](std::uint64_t value) { return top + plot_height * (1 - static_cast<double>(value) / static_cast<double>(ceiling)); };

  SvgWriter svg(out, width, height, label);
  for (std::uint64_t tick = 0; tick <= ceiling; tick += step) {
    svg.line(left, y(tick), width - right, y(tick), tick == 0 ? "axis" : "grid");
    svg.text(left - 6, y(tick) + 4, std::to_string(tick), "tick", "end");
  }
  const double slot = plot_width / static_cast<double>(std::max<std::size_t>(bars.size(), 1));
  const std::size_t label_every = bars.size() <= 24 ? 1 : bars.size() <= 48 ? 3 : 5;
  std::string previous_group;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const ChartBar& bar = bars[i];
    const double x = left + slot * static_cast<double>(i);
    if (bar.value) svg.rect(x + slot * 0.12, y(bar.value), slot * 0.76, y(0) - y(bar.value), "bar", bar.title);
    if (bar.marker) svg.rect(x + slot * 0.36, y(bar.marker), slot * 0.28, y(0) - y(bar.marker), "marker", bar.title);
    if (!bar.value && !bar.marker) svg.rect(x, top, slot, plot_height, "hover", bar.title);
    if (i % label_every == 0) svg.text(x + slot / 2, y(0) + 15, bar.label, "tick", "middle");
    if (bar.group != previous_group) {
      svg.line(x, y(0), x, y(0) + 34, "axis");
      svg.text(x + 3, y(0) + 32, bar.group, "group");
      previous_group = bar.group;
    }
  }
  svg.finish();
}

// The first key of the `span`-long window of keys holding the most counts (the earliest of equals).
int busiest_window(const std::map<int, std::uint64_t>& counts, int first, int last, int span) {
  if (last - first + 1 <= span) return first;
  int best = first;
  std::uint64_t best_total = 0;
  for (int start = first; start + span - 1 <= last; ++start) {
    std::uint64_t total = 0;
    for (auto it = counts.lower_bound(start); it != counts.end() && it->first < start + span; ++it) total += it->second;
    if (total > best_total) best = start, best_total = total;
  }
  return best;
}

std::uint64_t count_at(const std::map<int, std::uint64_t>& counts, int key) {
  const auto it = counts.find(key);
  return it == counts.end() ? 0 : it->second;
}

}  // namespace

void append_reuse_graph(const ReportGraph& graph, std::string& out) {
  const double size = 920, center = size / 2, radius = 226;  // room for 30-character labels
  const std::size_t n = graph.nodes.size();
  auto angle = [&](std::size_t i) { return -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n); };
  auto px = [&](std::size_t i, double r) { return center + r * std::cos(angle(i)); };
  auto py = [&](std::size_t i, double r) { return center + r * std::sin(angle(i)); };

  std::vector<std::uint64_t> passages(n, 0);
  for (const ReportGraph::Link& link : graph.links) passages[link.a] += link.passages, passages[link.b] += link.passages;

  SvgWriter svg(out, size, size, "Reuse graph: articles linked by reused passages and similarity");
  // Similarity first, so reuse is drawn on top.
  for (int pass = 0; pass < 2; ++pass) {
    for (const ReportGraph::Link& link : graph.links) {
      const bool reuse = link.passages > 0;
      if (reuse != (pass == 1)) continue;
      const double bend = 0.35;  // control point between the chord's middle and the centre
      const double mx = (px(link.a, radius) + px(link.b, radius)) / 2, my = (py(link.a, radius) + py(link.b, radius)) / 2;
      const double cx = mx + (center - mx) * bend, cy = my + (center - my) * bend;
      char cosine[32];
      std::snprintf(cosine, sizeof cosine, "%.3f", link.cosine);
      std::string title = graph.nodes[link.a] + " \u2194 " + graph.nodes[link.b] + ": ";
      if (reuse) {
        title += plural(link.passages, "reused passage", "reused passages") + ", " + std::to_string(link.reused_bytes) + " bytes";
        if (link.cosine > 0) title += ", ";
      }
      if (link.cosine > 0) title += std::string("cosine ") + cosine;
      const char* css = reuse ? (link.exact ? "link exact" : "link near")
                              : (link.cosine >= 0.6 ? "link sim hi" : link.cosine >= 0.45 ? "link sim mid" : "link sim lo");
      const double stroke = reuse ? 2 + std::min(6.0, std::log2(1 + static_cast<double>(link.reused_bytes) / 100)) : 1.2;
      svg.curve(px(link.a, radius), py(link.a, radius), cx, cy, px(link.b, radius), py(link.b, radius), css, stroke, title);
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const double r = 5 + std::min(7.0, std::sqrt(static_cast<double>(passages[i])) * 1.5);
    svg.circle(px(i, radius), py(i, radius), r, passages[i] ? "node reused" : "node",
               graph.nodes[i] + ": " + plural(passages[i], "reused passage", "reused passages"));
    // Labels point outward; on the left half they are turned to read left to right.
    const double degrees = angle(i) * 180 / std::numbers::pi;
    const bool left = std::cos(angle(i)) < -1e-9;
    svg.text(px(i, radius + 16), py(i, radius + 16) + 4, truncate_utf8(graph.nodes[i], 30), "label",
             left ? "end" : "start", left ? degrees + 180 : degrees);
  }
  svg.finish();
}

void append_timeline_charts(const ReportTimeline& timeline, std::string& out) {
  int first = 0, last = -1;
  for (const auto* counts : {&timeline.mentions_by_month, &timeline.articles_by_month}) {
    if (counts->empty()) continue;
    if (last < first) first = counts->begin()->first, last = counts->rbegin()->first;
    first = std::min(first, counts->begin()->first);
    last = std::max(last, counts->rbegin()->first);
  }
  if (last >= first) {
    const int span = 48;
    const int start = busiest_window(timeline.mentions_by_month, first, last, span);
    const int end = std::min(last, start + span - 1);
    std::vector<ChartBar> bars;
    for (int key = start; key <= end; ++key) {
      const int year = key / 12, month = key % 12;
      ChartBar bar{kMonths[month], std::to_string(year), count_at(timeline.mentions_by_month, key),
                   count_at(timeline.articles_by_month, key), {}};
      bar.title = std::string(kMonths[month]) + " " + std::to_string(year) + ": " +
                  plural(bar.value, "date mention", "date mentions") + ", " +
                  plural(bar.marker, "article dated", "articles dated");
      bars.push_back(std::move(bar));
    }
    out += "<figure><figcaption>Dates mentioned, per month";
    if (first < start || last > end) out += " (the busiest 48 months)";
    out += " <span class=\"key bar\"></span> date mentions <span class=\"key marker\"></span> articles dated that month"
           "</figcaption>\n";
    append_bar_chart(bars, "Date mentions per month", out);
    out += "</figure>\n";
  }

  if (timeline.mentions_by_year.size() >= 2) {
    const int first_year = timeline.mentions_by_year.begin()->first, last_year = timeline.mentions_by_year.rbegin()->first;
    const int span = 60;
    const int start = busiest_window(timeline.mentions_by_year, first_year, last_year, span);
    const int end = std::min(last_year, start + span - 1);
    std::vector<ChartBar> bars;
    for (int year = start; year <= end; ++year) {
      const std::uint64_t count = count_at(timeline.mentions_by_year, year);
      const std::string decade = std::to_string(year / 10 * 10) + "s";
      char short_year[8];
      std::snprintf(short_year, sizeof short_year, "'%02d", year % 100);
      bars.push_back({short_year, decade, count, 0, std::to_string(year) + ": " + plural(count, "date mention", "date mentions")});
    }
    out += "<figure><figcaption>Dates mentioned, per year";
    if (first_year < start || last_year > end) out += " (the busiest 60 years)";
    out += "</figcaption>\n";
    append_bar_chart(bars, "Date mentions per year", out);
    out += "</figure>\n";
  }
}

}  // namespace newsmine
