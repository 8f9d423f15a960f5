// TimeML reader over expat: start/end element and character data handlers
// fill a TimemlDocument; a handler that finds a problem records it and stops
// the parser. See timeml_reader.h.
#include "bench/timeml_reader.h"

#include <expat.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>
#include <string_view>
#include <utility>

namespace newsmine::bench {
namespace {

// What the handlers know while expat walks one file.
struct ParseState {
  XML_Parser parser = nullptr;
  const std::string* name = nullptr;  // for messages
  TimemlDocument* doc = nullptr;
  Status failure;  // set by a handler, which then stops the parser

  bool in_docid = false;
  bool seen_docid = false;
  std::string docid;

  bool in_dct = false;
  bool seen_dct_timex = false;
  std::string dct_value;
  unsigned long dct_line = 0;

  bool in_text = false;
  bool seen_text = false;
  std::vector<std::size_t> open_timexes;  // indexes into doc->timexes of TIMEX3s not yet closed
};

std::string where(const ParseState& state) {
  return *state.name + ":" + std::to_string(XML_GetCurrentLineNumber(state.parser));
}

void fail(ParseState& state, const std::string& message) {
  if (state.failure.ok()) state.failure = Status::error(where(state) + ": " + message);
  XML_StopParser(state.parser, XML_FALSE);
}

// The value of attribute `name` in expat's null-terminated name/value list,
// or nullptr.
const XML_Char* attribute(const XML_Char** attributes, const char* name) {
  for (const XML_Char** a = attributes; a[0] != nullptr; a += 2) {
    if (std::strcmp(a[0], name) == 0) return a[1];
  }
  return nullptr;
}

// Offsets are stored as 32-bit values, like every span in newsmine.
bool fits_offset(std::size_t size) { return size <= std::numeric_limits<std::uint32_t>::max(); }

void start_timex_in_text(ParseState& state, const XML_Char** attributes) {
  const XML_Char* tid = attribute(attributes, "tid");
  const XML_Char* type = attribute(attributes, "type");
  const XML_Char* value = attribute(attributes, "value");
  if (type == nullptr) {
    fail(state, std::string("TIMEX3 ") + (tid != nullptr ? tid : "(no tid)") + " has no type");
    return;
  }
  if (!fits_offset(state.doc->text.size())) {
    fail(state, "text inside <TEXT> is over 4 GiB");
    return;
  }
  GoldTimex timex;
  timex.tid = tid != nullptr ? tid : "";
  timex.type = type;
  timex.value = value != nullptr ? value : "";
  timex.start = static_cast<std::uint32_t>(state.doc->text.size());
  state.open_timexes.push_back(state.doc->timexes.size());
  state.doc->timexes.push_back(std::move(timex));
}

void XMLCALL on_start(void* user, const XML_Char* name, const XML_Char** attributes) {
  ParseState& state = *static_cast<ParseState*>(user);
  std::string_view element(name);
  if (state.in_text) {
    if (element == "TIMEX3") start_timex_in_text(state, attributes);
    else if (element == "TEXT") fail(state, "<TEXT> inside <TEXT>");
    return;
  }
  if (element == "TEXT") {
    if (state.seen_text) {
      fail(state, "second <TEXT>");
      return;
    }
    state.in_text = true;
    state.seen_text = true;
  } else if (element == "DOCID") {
    state.in_docid = !state.seen_docid;
    state.seen_docid = true;
  } else if (element == "DCT") {
    state.in_dct = true;
  } else if (element == "TIMEX3" && state.in_dct && !state.seen_dct_timex) {
    const XML_Char* value = attribute(attributes, "value");
    state.seen_dct_timex = true;
    state.dct_value = value != nullptr ? value : "";
    state.dct_line = XML_GetCurrentLineNumber(state.parser);
  }
}

void XMLCALL on_end(void* user, const XML_Char* name) {
  ParseState& state = *static_cast<ParseState*>(user);
  std::string_view element(name);
  if (state.in_text) {
    if (element == "TIMEX3" && !state.open_timexes.empty()) {
      if (!fits_offset(state.doc->text.size())) {
        fail(state, "text inside <TEXT> is over 4 GiB");
        return;
      }
      state.doc->timexes[state.open_timexes.back()].end = static_cast<std::uint32_t>(state.doc->text.size());
      state.open_timexes.pop_back();
    } else if (element == "TEXT") {
      state.in_text = false;
    }
    return;
  }
  if (element == "DOCID") state.in_docid = false;
  else if (element == "DCT") state.in_dct = false;
}

void XMLCALL on_characters(void* user, const XML_Char* data, int length) {
  ParseState& state = *static_cast<ParseState*>(user);
  std::string_view chunk(data, static_cast<std::size_t>(length));
  if (state.in_text) {
    state.doc->text.append(chunk);
    for (std::size_t index : state.open_timexes) state.doc->timexes[index].text.append(chunk);
  } else if (state.in_docid) {
    state.docid.append(chunk);
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// "1998-02-13T14:35:00" and "1998-02-13" both start with a calendar date.
bool starts_with_date(std::string_view value) {
  if (value.size() < 10) return false;
  for (std::size_t i = 0; i < 10; ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? value[i] != '-' : !std::isdigit(static_cast<unsigned char>(value[i]))) return false;
  }
  return true;
}

std::string file_stem(const std::string& path) {
  std::string_view name(path);
  if (std::size_t slash = name.rfind('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
  if (name.size() > 4 && name.substr(name.size() - 4) == ".tml") name.remove_suffix(4);
  return std::string(name);
}

// Everything after parsing: the DCT and the id.
Status finish(const ParseState& state, const std::string& name, TimemlDocument& out) {
  if (!state.seen_dct_timex) return Status::error(name + ": no TIMEX3 inside <DCT>");
  if (!starts_with_date(state.dct_value)) {
    return Status::error(name + ":" + std::to_string(state.dct_line) + ": DCT value \"" + state.dct_value +
                         "\" does not start with YYYY-MM-DD");
  }
  if (!state.seen_text) return Status::error(name + ": no <TEXT>");
  out.dct = state.dct_value.substr(0, 10);
  std::string_view id = trim(state.docid);
  out.id = id.empty() ? file_stem(name) : std::string(id);
  return Status();
}

}  // namespace

Status parse_timeml(std::string_view xml, const std::string& name, TimemlDocument& out) {
  out = TimemlDocument();
  out.path = name;
  if (xml.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return Status::error(name + ": file is over 2 GiB");
  }
  XML_Parser parser = XML_ParserCreate("UTF-8");
  if (parser == nullptr) return Status::error(name + ": cannot create an XML parser (out of memory)");
  ParseState state;
  state.parser = parser;
  state.name = &name;
  state.doc = &out;
  XML_SetUserData(parser, &state);
  XML_SetElementHandler(parser, on_start, on_end);
  XML_SetCharacterDataHandler(parser, on_characters);

  XML_Status status = XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), XML_TRUE);
  Status result;
  if (!state.failure.ok()) {
    result = state.failure;
  } else if (status != XML_STATUS_OK) {
    result = Status::error(name + ":" + std::to_string(XML_GetCurrentLineNumber(parser)) + ": malformed XML: " +
                           XML_ErrorString(XML_GetErrorCode(parser)));
  }
  XML_ParserFree(parser);
  if (!result.ok()) return result;
  return finish(state, name, out);
}

Status read_timeml_file(const std::string& path, TimemlDocument& out) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Status::error(path + ": cannot open: " + std::strerror(errno));
  std::ostringstream bytes;
  bytes << file.rdbuf();
  if (file.bad()) return Status::error(path + ": read failed: " + std::strerror(errno));
  return parse_timeml(bytes.str(), path, out);
}

}  // namespace newsmine::bench
