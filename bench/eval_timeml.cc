// eval_timeml: scores DateExtractor against the gold TIMEX3 annotations of
// TimeML files (TempEval-3: TBAQ-cleaned for development, te3-platinum for
// the final test), with the TempEval-3 measures for type DATE.
//
//   eval_timeml [--verbose] [--errors FILE] PATH...
//
// PATH is a .tml file or a directory, searched recursively for *.tml in
// sorted (byte-wise path) order. Each document's text (the character data of
// <TEXT>) goes through DateExtractor::extract with the document creation date
// (the <DCT> TIMEX3, cut to YYYY-MM-DD). Before that, every gold TIMEX3 is
// checked to read back as its own element text from the offsets the reader
// gave it; a mismatch is a fatal error.
//
// Matching. Only gold TIMEX3 of type DATE are targets. System mentions are
// taken in order of (start, end); each is paired with the earliest-starting
// gold DATE not yet paired whose byte range overlaps its own (relaxed match,
// as in TempEval-3). Pairs are one-to-one. Because neither the gold TIMEX3 nor
// the extractor's mentions overlap among themselves, this greedy order finds
// a largest possible set of pairs, and every system span identical to a gold
// span is paired with it. A pair is a strict match when both ranges are
// identical, and value-correct when the system value string equals the gold
// `value` exactly (a null system value is never correct).
//
// Figures, each as TP, FP, FN, precision, recall and F1 (3 decimals):
//   span relaxed  TP = pairs
//   span strict   TP = pairs with identical ranges
//   value         TP = value-correct pairs; precision = TP / system mentions,
//                 recall = TP / gold DATE, as TempEval-3 computes attribute F1
// with FP = system mentions - TP and FN = gold DATE - TP. They are printed
// twice: over all system mentions, and excluding the unpaired system mentions
// that overlap no gold DATE but do overlap a gold TIME, DURATION or SET (a
// mention of a time expression that is not annotated as a date; those are
// left out of precision, recall is unchanged). The totals and the throughput
// of extract() alone (text bytes / seconds spent inside it, MB = 10^6 bytes)
// come first.
//
// Errors (--errors FILE, and on stderr with --verbose): one tab-separated line
// per problem, after a "#" header line, in document order then by offset:
//   kind  doc  start  end  system_text  system_value  gold_text  gold_value  gold_type
// kind is one of
//   missed          a gold DATE left unpaired; start/end are the gold span, the
//                   system fields show a mention overlapping it, if any (one
//                   that was paired with another gold DATE)
//   false_positive  an unpaired system mention; the gold fields show a gold
//                   DATE it overlaps (already paired with another mention), if any
//   non_date        an unpaired system mention overlapping a gold TIME,
//                   DURATION or SET only; the gold fields show that TIMEX3
//   wrong_value     a pair whose values differ
//   wrong_span      a pair with the right value but not the same range
// For the last four, start/end are the system span. A null system value is
// written "null"; absent fields are empty. Tab, newline, CR and backslash in
// texts are written \t, \n, \r and \\.
//
// Exit status: 0 on success; 1 on a fatal error (unreadable or malformed
// TimeML, a failed gold span check, a model that does not load, an errors
// file that cannot be written), printed as one line "eval_timeml: error: ...";
// 2 on bad usage.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "bench/timeml_reader.h"
#include "corpus/status.h"
#include "models/dates.h"
#include "models/mentions.h"
#include "models/model_data.h"

namespace newsmine::bench {
namespace {

constexpr const char* kUsage = "usage: eval_timeml [--verbose] [--errors FILE] PATH...\n";

struct EvalOptions {
  std::vector<std::string> paths;  // .tml files or directories, in the order given
  std::string errors_path;         // empty: no errors file
  bool verbose = false;            // print the error lines on stderr too
};

// Totals over all documents.
struct Counts {
  std::uint64_t documents = 0;
  std::uint64_t text_bytes = 0;
  std::map<std::string, std::uint64_t> gold_by_type;  // every gold TIMEX3 in TEXT, by type
  std::uint64_t gold_dates = 0;
  std::uint64_t system = 0;           // system mentions
  std::uint64_t pairs = 0;            // relaxed matches
  std::uint64_t strict = 0;           // pairs with identical ranges
  std::uint64_t value_correct = 0;    // pairs with equal values
  std::uint64_t on_non_date = 0;      // unpaired, overlapping only a non-DATE gold TIMEX3
  double extract_seconds = 0;         // inside DateExtractor::extract
};

struct ErrorLine {
  std::string_view kind;
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  bool has_system = false;
  std::string system_text, system_value;
  bool has_gold = false;
  std::string gold_text, gold_value, gold_type;
};

// ---------------------------------------------------------------------------
// Input files.

bool has_tml_suffix(const std::string& path) {
  return path.size() > 4 && path.compare(path.size() - 4, 4, ".tml") == 0;
}

// Expands each PATH: a directory to its *.tml files (recursive, sorted), a
// file to itself.
Status collect_files(const std::vector<std::string>& paths, std::vector<std::string>& files) {
  namespace fs = std::filesystem;
  for (const std::string& path : paths) {
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (error) return Status::error(path + ": " + error.message());
    if (!fs::is_directory(status)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, error), end;
    for (; !error && it != end; it.increment(error)) {
      if (it->is_regular_file(error) && has_tml_suffix(it->path().string())) found.push_back(it->path().string());
    }
    if (error) return Status::error(path + ": cannot list directory: " + error.message());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  if (files.empty()) return Status::error("no .tml files under the paths given");
  return Status();
}

// Every gold span must read back as the element's own text.
Status check_gold_spans(const TimemlDocument& doc) {
  for (const GoldTimex& t : doc.timexes) {
    bool inside = t.start <= t.end && t.end <= doc.text.size();
    if (inside && doc.text.compare(t.start, t.end - t.start, t.text) == 0) continue;
    std::string read = inside ? doc.text.substr(t.start, t.end - t.start) : "(outside the text)";
    return Status::error(doc.path + ": gold span check failed: TIMEX3 " + t.tid + " [" + std::to_string(t.start) +
                         ", " + std::to_string(t.end) + ") reads \"" + read + "\" but its element text is \"" +
                         t.text + "\"");
  }
  return Status();
}

// ---------------------------------------------------------------------------
// Scoring one document.

bool overlaps(std::uint32_t a_start, std::uint32_t a_end, std::uint32_t b_start, std::uint32_t b_end) {
  return a_start < b_end && b_start < a_end;
}

void fill_system(ErrorLine& line, const TimemlDocument& doc, const DateMention& m) {
  line.has_system = true;
  line.system_text = doc.text.substr(m.start, m.end - m.start);
  line.system_value = m.value.empty() ? "null" : m.value;
}

void fill_gold(ErrorLine& line, const GoldTimex& g) {
  line.has_gold = true;
  line.gold_text = g.text;
  line.gold_value = g.value;
  line.gold_type = g.type;
}

// Pairs the mentions with the document's gold DATEs (see the file comment),
// adds to the counts and appends this document's error lines, sorted.
void score_document(const TimemlDocument& doc, std::vector<DateMention> mentions, Counts& counts,
                    std::vector<ErrorLine>& errors) {
  std::vector<const GoldTimex*> gold;  // DATEs, by (start, end)
  std::vector<const GoldTimex*> other;  // TIME, DURATION, SET
  for (const GoldTimex& t : doc.timexes) {
    ++counts.gold_by_type[t.type];
    (t.type == "DATE" ? gold : other).push_back(&t);
  }
  auto by_range = [](const auto& a, const auto& b) { return a->start != b->start ? a->start < b->start : a->end < b->end; };
  std::stable_sort(gold.begin(), gold.end(), by_range);
  std::stable_sort(mentions.begin(), mentions.end(), [](const DateMention& a, const DateMention& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  counts.gold_dates += gold.size();
  counts.system += mentions.size();

  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> gold_pair(gold.size(), kNone);
  std::vector<std::size_t> system_pair(mentions.size(), kNone);
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    for (std::size_t j = 0; j < gold.size(); ++j) {
      if (gold_pair[j] == kNone && overlaps(mentions[i].start, mentions[i].end, gold[j]->start, gold[j]->end)) {
        gold_pair[j] = i;
        system_pair[i] = j;
        break;
      }
    }
  }

  std::size_t first_error = errors.size();
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const DateMention& m = mentions[i];
    ErrorLine line;
    line.start = m.start;
    line.end = m.end;
    fill_system(line, doc, m);
    if (system_pair[i] != kNone) {
      const GoldTimex& g = *gold[system_pair[i]];
      ++counts.pairs;
      bool same_range = m.start == g.start && m.end == g.end;
      bool same_value = !m.value.empty() && m.value == g.value;
      counts.strict += same_range;
      counts.value_correct += same_value;
      if (same_value && same_range) continue;
      line.kind = same_value ? "wrong_span" : "wrong_value";
      fill_gold(line, g);
    } else {
      line.kind = "false_positive";
      auto overlapping = [&](const GoldTimex* g) { return overlaps(m.start, m.end, g->start, g->end); };
      if (auto g = std::find_if(gold.begin(), gold.end(), overlapping); g != gold.end()) {
        fill_gold(line, **g);
      } else if (auto o = std::find_if(other.begin(), other.end(), overlapping); o != other.end()) {
        line.kind = "non_date";
        ++counts.on_non_date;
        fill_gold(line, **o);
      }
    }
    errors.push_back(std::move(line));
  }
  for (std::size_t j = 0; j < gold.size(); ++j) {
    if (gold_pair[j] != kNone) continue;
    const GoldTimex& g = *gold[j];
    ErrorLine line;
    line.kind = "missed";
    line.start = g.start;
    line.end = g.end;
    fill_gold(line, g);
    for (const DateMention& m : mentions) {
      if (overlaps(m.start, m.end, g.start, g.end)) {
        fill_system(line, doc, m);
        break;
      }
    }
    errors.push_back(std::move(line));
  }
  std::stable_sort(errors.begin() + static_cast<std::ptrdiff_t>(first_error), errors.end(),
                   [](const ErrorLine& a, const ErrorLine& b) {
                     return a.start != b.start ? a.start < b.start : a.end < b.end;
                   });
}

// ---------------------------------------------------------------------------
// Output.

std::string escaped(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      default: out += c;
    }
  }
  return out;
}

constexpr const char* kErrorHeader =
    "# kind\tdoc\tstart\tend\tsystem_text\tsystem_value\tgold_text\tgold_value\tgold_type\n";

std::string format_error(const std::string& doc, const ErrorLine& e) {
  std::string line = std::string(e.kind) + "\t" + escaped(doc) + "\t" + std::to_string(e.start) + "\t" +
                     std::to_string(e.end);
  for (const std::string* field : {&e.system_text, &e.system_value, &e.gold_text, &e.gold_value, &e.gold_type}) {
    line += "\t" + escaped(*field);
  }
  return line + "\n";
}

struct Score {
  std::uint64_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 0.0 : double(tp) / double(tp + fp); }
  double recall() const { return tp + fn == 0 ? 0.0 : double(tp) / double(tp + fn); }
  double f1() const {
    double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
};

Score score(std::uint64_t tp, std::uint64_t system, std::uint64_t gold) { return Score{tp, system - tp, gold - tp}; }

void print_figures(const Counts& c, std::uint64_t system) {
  std::printf("                        TP      FP      FN  precision  recall      F1\n");
  auto row = [](const char* name, const Score& s) {
    std::printf("  %-14s %7llu %7llu %7llu      %.3f   %.3f   %.3f\n", name, static_cast<unsigned long long>(s.tp),
                static_cast<unsigned long long>(s.fp), static_cast<unsigned long long>(s.fn), s.precision(),
                s.recall(), s.f1());
  };
  row("span relaxed", score(c.pairs, system, c.gold_dates));
  row("span strict", score(c.strict, system, c.gold_dates));
  row("value", score(c.value_correct, system, c.gold_dates));
}

void print_summary(const Counts& c, std::uint64_t error_lines, const EvalOptions& options) {
  auto u = [](std::uint64_t n) { return static_cast<unsigned long long>(n); };
  std::uint64_t gold_all = 0;
  std::string by_type;
  for (const auto& [type, n] : c.gold_by_type) {
    gold_all += n;
    by_type += (by_type.empty() ? "" : ", ") + type + " " + std::to_string(n);
  }
  std::printf("eval_timeml: DateExtractor against gold TIMEX3 of type DATE (relaxed = overlapping ranges)\n");
  std::printf("documents            %llu\n", u(c.documents));
  std::printf("text bytes           %llu\n", u(c.text_bytes));
  std::printf("gold TIMEX3          %llu (%s)\n", u(gold_all), by_type.c_str());
  std::printf("gold DATE            %llu\n", u(c.gold_dates));
  std::printf("system mentions      %llu, of which %llu unpaired on a non-DATE TIMEX3 only\n", u(c.system),
              u(c.on_non_date));
  std::printf("\nall system mentions (mentions on non-DATE TIMEX3 count as false positives)\n");
  print_figures(c, c.system);
  std::printf("\nexcluding mentions on non-DATE TIMEX3 (%llu left out of precision)\n", u(c.on_non_date));
  print_figures(c, c.system - c.on_non_date);
  double mb = double(c.text_bytes) / 1e6;
  std::printf("\nextract()            %.3f MB in %.4f s: %.1f MB/s\n", mb, c.extract_seconds,
              c.extract_seconds > 0 ? mb / c.extract_seconds : 0.0);
  if (!options.errors_path.empty()) {
    std::printf("errors               %llu lines in %s\n", u(error_lines), options.errors_path.c_str());
  }
}

// ---------------------------------------------------------------------------
// The run.

Status run(const EvalOptions& options) {
  std::vector<std::string> files;
  if (Status s = collect_files(options.paths, files); !s.ok()) return s;
  std::unique_ptr<const DateExtractor> extractor;
  if (Status s = DateExtractor::load(ModelData::embedded(), extractor); !s.ok()) {
    return Status::error("cannot load the date extractor: " + s.message());
  }
  std::ofstream errors_file;
  if (!options.errors_path.empty()) {
    errors_file.open(options.errors_path, std::ios::binary | std::ios::trunc);
    if (!errors_file) return Status::error(options.errors_path + ": cannot open for writing");
    errors_file << kErrorHeader;
  }
  if (options.verbose) std::fputs(kErrorHeader, stderr);

  Counts counts;
  std::uint64_t error_lines = 0;
  for (const std::string& file : files) {
    TimemlDocument doc;
    if (Status s = read_timeml_file(file, doc); !s.ok()) return s;
    if (Status s = check_gold_spans(doc); !s.ok()) return s;

    auto started = std::chrono::steady_clock::now();
    std::vector<DateMention> mentions = extractor->extract(doc.text, doc.dct);
    counts.extract_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    for (const DateMention& m : mentions) {
      if (m.start > m.end || m.end > doc.text.size()) {
        return Status::error(file + ": extract() returned [" + std::to_string(m.start) + ", " +
                             std::to_string(m.end) + ") outside the text");
      }
    }
    ++counts.documents;
    counts.text_bytes += doc.text.size();

    std::vector<ErrorLine> errors;
    score_document(doc, std::move(mentions), counts, errors);
    for (const ErrorLine& e : errors) {
      std::string line = format_error(doc.id, e);
      if (errors_file.is_open()) errors_file << line;
      if (options.verbose) std::fputs(line.c_str(), stderr);
    }
    error_lines += errors.size();
  }
  if (errors_file.is_open()) {
    errors_file.close();
    if (!errors_file) return Status::error(options.errors_path + ": write failed");
  }
  print_summary(counts, error_lines, options);
  return Status();
}

// Fills `options` from the command line; false on bad usage, with `message` set
// (empty for --help).
bool parse_arguments(int argc, char** argv, EvalOptions& options, std::string& message) {
  bool options_done = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg(argv[i]);
    if (options_done || arg.empty() || arg[0] != '-') {
      options.paths.emplace_back(arg);
    } else if (arg == "--") {
      options_done = true;
    } else if (arg == "--verbose" || arg == "-v") {
      options.verbose = true;
    } else if (arg == "--errors") {
      if (i + 1 >= argc) {
        message = "--errors needs a FILE";
        return false;
      }
      options.errors_path = argv[++i];
    } else if (arg.starts_with("--errors=")) {
      options.errors_path = std::string(arg.substr(9));
      if (options.errors_path.empty()) {
        message = "--errors needs a FILE";
        return false;
      }
    } else if (arg == "--help" || arg == "-h") {
      message.clear();
      return false;
    } else {
      message = "unknown option " + std::string(arg);
      return false;
    }
  }
  if (options.paths.empty()) {
    message = "no PATH given";
    return false;
  }
  return true;
}

}  // namespace
}  // namespace newsmine::bench

int main(int argc, char** argv) {
  newsmine::bench::EvalOptions options;
  std::string message;
  if (!newsmine::bench::parse_arguments(argc, argv, options, message)) {
    if (message.empty()) {
      std::fputs(newsmine::bench::kUsage, stdout);
      return 0;
    }
    std::fprintf(stderr, "eval_timeml: %s\n%s", message.c_str(), newsmine::bench::kUsage);
    return 2;
  }
  if (newsmine::Status s = newsmine::bench::run(options); !s.ok()) {
    std::fprintf(stderr, "eval_timeml: error: %s\n", s.message().c_str());
    return 1;
  }
  return 0;
}
