// The report's pictures, drawn as inline SVG: the reuse graph and the
// timeline bar charts. Pure functions of ReportData; output is deterministic.
//
//   std::string html;
//   append_reuse_graph(data.graph, html);
//   append_timeline_charts(data.timeline, html);
#pragma once

#include <string>

#include "pipeline/report_data.h"

namespace newsmine {

// Articles on a circle in input order; a curve per linked pair: thick and warm
// for reused passages (red when one is exact), thin and grey for TF-IDF
// similarity alone. Hovering a node or link shows its numbers.
void append_reuse_graph(const ReportGraph& graph, std::string& out);

// Date mentions per month (at most 48 months: the busiest window), with the
// articles' own dates beside them, and mentions per year when they span
// more than the month window (at most 60 years, the busiest window).
void append_timeline_charts(const ReportTimeline& timeline, std::string& out);

}  // namespace newsmine
