// eval_recognizers: scores the newsmine date and number extractors against
// the English test specs of Microsoft Recognizers-Text, a peer suite.
//
//   eval_recognizers [--verbose] [--errors FILE] [--specs DIR] [--currency-units FILE]
//
// DIR is the copy described in its SOURCE.md: by default
// ${NEWSMINE_SHARED_DIR}/data/recognizers-text-specs-en, fixed at build time,
// where the CMake cache variable NEWSMINE_SHARED_DIR defaults to ../shared
// beside the source tree. --currency-units replaces
// bench/data/currency_units.tsv (see bench/recognizers_currency.h). Five spec files are scored, each on its own:
//   NumberModel    Specs/Number/English/NumberModel.json, our cardinals
//   PercentModel   Specs/Number/English/PercentModel.json, our percentages
//   CurrencyModel  Specs/NumberWithUnit/English/CurrencyModel.json, our money
//   DateExtractor  Specs/DateTime/English/DateExtractor.json, date spans
//   DateParser     Specs/DateTime/English/DateParser.json, date spans, then
//                  spans and values
// A case counts as matched only when the whole list of our mentions equals
// the expected results (see bench/recognizers_score.h for what is compared
// and the tolerance on values). For each model the table gives the cases,
// the cases matched and their share, and, as information, how many failures
// are cases marked NotSupported for "dotnet" (the reference implementation
// fails them too); cases marked NotSupported are scored like the others,
// since that field refers to other ports. The line Number+Percent+Currency
// sums the three number models.
//
// --errors FILE writes one tab-separated line per failed case: model, case
// number, NotSupported list, what differs ("spans" or "values"), input,
// expected results and ours, each as "text"@start-end=value unit joined by
// " | " (byte offsets; the expected text as the spec writes it, sometimes
// lower-cased). --verbose writes the same lines to standard error.
//
// Exit status: 0 when every file was scored, 1 on a fatal error (a missing or
// malformed spec or table file) printed as one line
// "eval_recognizers: error: WHAT", 2 on bad usage.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>

#include "bench/recognizers_currency.h"
#include "bench/recognizers_score.h"
#include "bench/recognizers_spec.h"
#include "models/dates.h"
#include "models/model_data.h"
#include "models/numbers.h"

namespace {

using newsmine::Status;
using newsmine::bench::CaseScore;
using newsmine::bench::SpecModel;

struct EvalOptions {
  std::string specs_dir = NEWSMINE_RECOGNIZERS_SPECS_DIR;               // the spec copy's root
  std::string currency_units = NEWSMINE_RECOGNIZERS_CURRENCY_UNITS;     // bench/data/currency_units.tsv
  std::string errors_path;                                              // failed cases as TSV; empty: none
  bool verbose = false;                                                 // failed cases on stderr too
};

struct ModelFile {
  SpecModel model;
  std::string_view name;
  std::string_view path;  // relative to the specs directory
};

constexpr ModelFile kModelFiles[] = {
    {SpecModel::number, "NumberModel", "Specs/Number/English/NumberModel.json"},
    {SpecModel::percent, "PercentModel", "Specs/Number/English/PercentModel.json"},
    {SpecModel::currency, "CurrencyModel", "Specs/NumberWithUnit/English/CurrencyModel.json"},
    {SpecModel::date_extractor, "DateExtractor", "Specs/DateTime/English/DateExtractor.json"},
    {SpecModel::date_parser, "DateParser", "Specs/DateTime/English/DateParser.json"},
};

struct Tally {
  std::size_t cases = 0;
  std::size_t matched = 0;
  std::size_t span_matched = 0;
  std::size_t dotnet_cases = 0;   // cases marked NotSupported for dotnet
  std::size_t dotnet_failed = 0;       // ... of which we fail
  std::size_t dotnet_span_failed = 0;  // ... of which we get the spans wrong

  void add(const Tally& other) {
    cases += other.cases;
    matched += other.matched;
    span_matched += other.span_matched;
    dotnet_cases += other.dotnet_cases;
    dotnet_failed += other.dotnet_failed;
    dotnet_span_failed += other.dotnet_span_failed;
  }
};

int fail(const std::string& message) {
  std::fprintf(stderr, "eval_recognizers: error: %s\n", message.c_str());
  return 1;
}

// Tabs and line breaks escaped so that one failure stays one TSV line.
std::string tsv_field(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\\') {
      out += "\\\\";
    } else {
      out += c;
    }
  }
  return out;
}

std::string failure_line(std::string_view model, const newsmine::bench::SpecCase& spec_case, const CaseScore& score) {
  std::string line(model);
  line += '\t' + std::to_string(spec_case.number);
  line += '\t' + (spec_case.not_supported.empty() ? std::string("-") : tsv_field(spec_case.not_supported));
  line += '\t' + std::string(score.span_matched ? "values" : "spans");
  line += '\t' + tsv_field(spec_case.input);
  line += '\t' + tsv_field(score.expected);
  line += '\t' + tsv_field(score.got) + '\n';
  return line;
}

std::string share(std::size_t part, std::size_t whole) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.3f", whole == 0 ? 0.0 : static_cast<double>(part) / whole);
  return buffer;
}

void print_row(std::string_view label, std::size_t cases, std::size_t matched, std::size_t dotnet_failed,
               std::size_t dotnet_cases) {
  std::printf("%-26s %6zu %8zu %6s %7zu %10zu of %zu\n", std::string(label).c_str(), cases, matched,
              share(matched, cases).c_str(), cases - matched, dotnet_failed, dotnet_cases);
}

int evaluate(const EvalOptions& options) {
  std::unique_ptr<const newsmine::DateExtractor> dates;
  std::unique_ptr<const newsmine::NumberExtractor> numbers;
  if (Status s = newsmine::DateExtractor::load(newsmine::ModelData::embedded(), dates); !s.ok()) {
    return fail(s.message());
  }
  if (Status s = newsmine::NumberExtractor::load(newsmine::ModelData::embedded(), numbers); !s.ok()) {
    return fail(s.message());
  }
  newsmine::bench::CurrencyUnits units;
  if (Status s = newsmine::bench::CurrencyUnits::load(options.currency_units, units); !s.ok()) {
    return fail(s.message());
  }
  const newsmine::bench::RecognizerScorer scorer(*dates, *numbers, units);

  std::ofstream errors;
  if (!options.errors_path.empty()) {
    errors.open(options.errors_path, std::ios::binary | std::ios::trunc);
    if (!errors) return fail(options.errors_path + ": cannot write");
    errors << "model\tcase\tnot_supported\tdiffers\tinput\texpected\tgot\n";
  }

  Tally tallies[std::size(kModelFiles)];
  std::size_t results = 0;
  std::size_t text_mismatches = 0;
  for (std::size_t m = 0; m < std::size(kModelFiles); ++m) {
    const ModelFile& file = kModelFiles[m];
    newsmine::bench::SpecFile spec;
    if (Status s = newsmine::bench::read_spec_file(options.specs_dir + "/" + std::string(file.path), spec); !s.ok()) {
      return fail(s.message());
    }
    results += spec.results;
    text_mismatches += spec.text_mismatches;
    Tally& tally = tallies[m];
    for (const newsmine::bench::SpecCase& spec_case : spec.cases) {
      CaseScore score;
      if (Status s = scorer.score(file.model, spec_case, score); !s.ok()) return fail(spec.path + ": " + s.message());
      ++tally.cases;
      tally.matched += score.matched;
      tally.span_matched += score.span_matched;
      tally.dotnet_cases += spec_case.not_supported_dotnet;
      tally.dotnet_failed += spec_case.not_supported_dotnet && !score.matched;
      tally.dotnet_span_failed += spec_case.not_supported_dotnet && !score.span_matched;
      if (score.matched) continue;
      const std::string line = failure_line(file.name, spec_case, score);
      if (errors.is_open()) errors << line;
      if (options.verbose) std::cerr << line;
    }
  }
  if (errors.is_open()) {
    errors.close();
    if (!errors) return fail(options.errors_path + ": write error");
  }

  std::printf("Recognizers-Text English specs in %s\n", options.specs_dir.c_str());
  std::printf("offsets: UTF-16 code units converted to UTF-8 bytes; %zu of %zu result texts differ from the input\n"
              "at their offsets (ignoring ASCII case)\n\n",
              text_mismatches, results);
  std::printf("%-26s %6s %8s %6s %7s %s\n", "model", "cases", "matched", "share", "failed",
              "failed NotSupported(dotnet)");
  const auto row = [](std::string_view label, const Tally& t) {
    print_row(label, t.cases, t.matched, t.dotnet_failed, t.dotnet_cases);
  };
  Tally numbers_total;
  for (std::size_t m = 0; m < 3; ++m) {
    row(kModelFiles[m].name, tallies[m]);
    numbers_total.add(tallies[m]);
  }
  row("Number+Percent+Currency", numbers_total);
  row("DateExtractor", tallies[3]);
  const Tally& parser = tallies[4];
  print_row("DateParser spans", parser.cases, parser.span_matched, parser.dotnet_span_failed, parser.dotnet_cases);
  row("DateParser spans+values", parser);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("eval_recognizers: newsmine's extractors against the Recognizers-Text English specs",
               "eval_recognizers");
  EvalOptions options;
  app.add_flag("--verbose,-v", options.verbose, "write every failed case to stderr");
  app.add_option("--errors", options.errors_path, "write every failed case to FILE (TSV)");
  app.add_option("--specs", options.specs_dir, "root of the spec copy (holds Specs/)")->capture_default_str();
  app.add_option("--currency-units", options.currency_units, "unit name to ISO code table")->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& done) {  // --help
    return app.exit(done);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return 2;
  }
  return evaluate(options);
}
