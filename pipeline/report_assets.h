// The report page's inline style sheet and script, kept apart from the code
// that writes the page so each can be read on its own. Both are inlined into
// report.html: the page needs no network and no other file.
#pragma once

namespace newsmine {

extern const char kReportStyle[];   // CSS
extern const char kReportScript[];  // the filter box over passages and pairs; marks <body data-ready="yes"> when done

}  // namespace newsmine
