// report.html: one self-contained page over a run, for people to read.
//
// The page holds an overview of the run, the reuse graph, the reused
// passages side by side with their word-level differences marked (<del> on
// the first copy, <ins> on the second), the passage families with their
// articles, the most similar pairs, the most mentioned entities and a
// timeline of mentioned dates. CSS, SVG and a small script are inline and a
// Content-Security-Policy forbids every fetch, so the file opens offline and
// can be mailed around. All corpus text is HTML-escaped.
//
// The page is a pure function of ReportData: with ReportOptions::timings off
// it is byte-identical for any thread count; with timings on (the default)
// only the seconds and MB/s differ between runs, as in summary.json.
//
//   ReportData data = collector.finish(summary);
//   if (Status s = file.write(report_html(data)); !s.ok()) return s;
#pragma once

#include <string>

#include "pipeline/report_data.h"

namespace newsmine {

std::string report_html(const ReportData& data);

}  // namespace newsmine
