// HTML escaping for the report: every piece of corpus text (article ids,
// passage texts, entity names) passes through here before it reaches the page,
// so an article containing "<script>" shows as text and never runs.
//
//   std::string page;
//   append_html_escaped("AT&T <b>", page);   // page == "AT&amp;T &lt;b&gt;"
#pragma once

#include <string>
#include <string_view>

namespace newsmine {

// Appends `text` with & < > " ' replaced by entities; safe in element content
// and in double- or single-quoted attribute values. Control characters other
// than tab and newline become spaces (they are invalid in HTML).
void append_html_escaped(std::string_view text, std::string& out);

std::string html_escaped(std::string_view text);

// At most `max_bytes` of `text`, cut at a UTF-8 character boundary, with "…"
// appended when something was cut.
std::string truncate_utf8(std::string_view text, std::size_t max_bytes);

}  // namespace newsmine
