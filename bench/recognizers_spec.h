// Reads one Microsoft Recognizers-Text spec file (a JSON array of test
// cases) into plain structs, with simdjson's DOM parser.
//
// A case is {"Input", "Context"?: {"ReferenceDateTime"}, "Results": [...],
// "NotSupported"?, ...}. Two result shapes are understood, told apart by
// their fields:
//   Number and NumberWithUnit models: {"Text", "TypeName", "Resolution":
//     {"value", "unit"?, "isoCurrency"?, ...}, "Start", "End"} with End
//     inclusive;
//   DateTime extractors and parsers: {"Text", "Type", "Value"?: {"Timex",
//     "FutureResolution": {"date"}, "PastResolution": {"date"}}, "Start",
//     "Length"}.
// Start, End and Length count UTF-16 code units (see recognizers_offsets.h);
// they are converted here into half-open UTF-8 byte offsets into the input,
// so nothing downstream sees character offsets. A leading UTF-8 byte order
// mark is skipped. Unknown fields are ignored.
//
// The spec's Text is sometimes lower-cased ("usd 200" for "USD 200"), so the
// offsets are what a result is matched by; each result's Text is only
// checked against the input bytes at its offsets, ASCII case-insensitively,
// and disagreements are counted in SpecFile::text_mismatches.
//
// Malformed JSON, a missing required field, a field of the wrong type or an
// offset outside the input is a Status naming the file and the 1-based case
// number. Reading is single-threaded; the result is plain data.
//
//   SpecFile spec;
//   if (Status s = read_spec_file("Specs/Number/English/NumberModel.json", spec); !s.ok()) fail(s.message());
//   for (const SpecCase& c : spec.cases) score(c);
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corpus/status.h"

namespace newsmine::bench {

struct SpecResult {
  std::uint32_t start = 0;            // UTF-8 byte offset into SpecCase::input
  std::uint32_t end = 0;              // half-open
  std::string text;                   // the spec's Text (its case may differ from the input)
  std::string type;                   // TypeName or Type: "number", "currency", "date", ...
  std::optional<std::string> value;   // Resolution.value as written ("1E-12", "100%"); nullopt when null or absent
  std::string unit;                   // Resolution.unit ("Dollar"); empty when absent
  std::string iso_currency;           // Resolution.isoCurrency ("USD"); empty when absent
  std::optional<std::string> timex;   // Value.Timex ("XXXX-10-02"); nullopt when absent
  std::string past_date;              // Value.PastResolution.date; empty when absent
  std::string future_date;            // Value.FutureResolution.date; empty when absent
};

struct SpecCase {
  std::size_t number = 0;             // 1-based position in the file
  std::string input;                  // the text, UTF-8
  std::string reference_date;         // Context.ReferenceDateTime cut to YYYY-MM-DD; empty when absent
  std::string not_supported;          // the NotSupported field as written ("dotnet, javascript")
  bool not_supported_dotnet = false;  // NotSupported names "dotnet", the reference implementation
  std::vector<SpecResult> results;    // in file order
};

struct SpecFile {
  std::string path;
  std::vector<SpecCase> cases;
  std::size_t results = 0;            // results over all cases
  std::size_t text_mismatches = 0;    // results whose Text differs from the input at their offsets
};

// Reads and converts the spec file at `path` into `out`.
Status read_spec_file(const std::string& path, SpecFile& out);

}  // namespace newsmine::bench
