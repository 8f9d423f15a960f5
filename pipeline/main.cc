// newsmine: the command-line tool, a thin layer over the library.
//
//   newsmine run PATH... --out DIR [--threads N] [--min-similarity X] [--min-passage-tokens K]
//                [--report FILE | --no-report] [--strip-boilerplate] [--max-shingle-postings N] [--quiet | --verbose]
//   newsmine tokenize FILE
//   newsmine extract PATH...
//   newsmine train-ner [--train FILE] [--dev FILE] [--out FILE] [--epochs N]
//
// Exit status: 0 when the command finished (rejected records included),
// 1 on a fatal error (printed as one line "newsmine: error: WHAT (WHERE)"),
// 2 on bad usage.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "pipeline/commands.h"
#include "pipeline/train_ner.h"
#ifdef NEWSMINE_WITH_MPI
#include "pipeline/mpi_run.h"
#endif

namespace {

int fail(const std::string& message) {
  std::fprintf(stderr, "newsmine: error: %s\n", message.c_str());
  return 1;
}

void add_reader_flags(CLI::App& command, newsmine::ReaderOptions& reader) {
  command.add_option("--id-field", reader.id_field, "JSONL field holding the article id")->capture_default_str();
  command.add_option("--text-field", reader.text_field, "JSONL field holding the article text")->capture_default_str();
  command.add_option("--date-field", reader.date_field, "JSONL field holding the date")->capture_default_str();
}

// `run`, in this process or, when mpirun started it, as one rank of many:
// only rank 0 prints, and an error agreed by all ranks is printed once
// before any rank exits (mpirun stops the job at the first non-zero exit).
// Returns the exit status.
int run_command_here(newsmine::RunOptions& run, bool quiet, bool verbose, int* argc, char*** argv) {
  run.progress = !quiet && isatty(STDERR_FILENO);
  run.verbose = verbose;
  newsmine::RunSummary summary;
  bool printer = true;
  newsmine::Status status;
#ifdef NEWSMINE_WITH_MPI
  if (newsmine::launched_by_mpi()) {
    newsmine::MpiSession session(argc, argv);
    const newsmine::MpiComm comm;
    run.progress = false;  // one rank's share is not the run's progress
    printer = comm.rank() == 0;
    status = newsmine::run_distributed(run, summary, comm);
    if (!status.ok()) {
      if (printer) fail(status.message());
      comm.barrier();
      return 1;
    }
  } else {
    status = newsmine::run(run, summary);
  }
#else
  (void)argc;
  (void)argv;
  // Under mpirun every copy would write the same files as a whole run.
  if (const char* ranks = std::getenv("OMPI_COMM_WORLD_SIZE"); ranks && std::atoi(ranks) > 1)
    return fail("this newsmine was built without MPI; mpirun -np N needs a build that found Open MPI (libopenmpi-dev)");
  status = newsmine::run(run, summary);
#endif
  if (!status.ok()) return fail(status.message());
  if (!quiet && printer) {
    std::cout << newsmine::summary_text(summary, run.out_dir, verbose);
    if (run.report) std::cout << "  report in " << newsmine::report_file(run).string() << "\n";
    std::cout << std::flush;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("newsmine: tokens, facts and reuse from news corpora", "newsmine");
  app.set_version_flag("--version", std::string("newsmine ") + NEWSMINE_VERSION);
  app.require_subcommand(1);

  newsmine::RunOptions run;
  bool quiet = false;
  bool verbose = false;
  CLI::App* run_command = app.add_subcommand("run", "analyze a corpus and write the output directory");
  run_command->add_option("PATH", run.paths, "files or directories to read; - reads JSONL from stdin")->required();
  run_command->add_option("--out", run.out_dir, "output directory")->required();
  run_command->add_option("--threads", run.stream.threads, "worker threads (default: all cores)")->check(CLI::Range(0, 1024));
  run_command->add_option("--min-similarity", run.min_similarity, "lowest cosine kept in similar.jsonl")
      ->capture_default_str()->check(CLI::Range(0.0, 1.0));
  run_command->add_option("--min-passage-tokens", run.passages.min_passage_tokens, "shortest reused passage, in tokens")
      ->capture_default_str()->check(CLI::PositiveNumber);
  run_command->add_flag("--strip-boilerplate", run.strip_boilerplate,
                        "also write cleaned.jsonl: each article without passages recurring in earlier ones");
  run_command->add_option("--max-shingle-postings", run.passages.max_shingle_postings,
                          "shingles in more articles than this are ignored as boilerplate (reported in summary.json)")
      ->capture_default_str()->check(CLI::PositiveNumber);
  run_command->add_option("--models", run.models_dir, "directory overriding the built-in models/data files");
  run_command->add_option("--report", run.report_path, "where to write the HTML report (default: DIR/report.html)");
  bool no_report = false;
  run_command->add_flag("--no-report", no_report, "do not write the HTML report")->excludes("--report");
  CLI::Option* quiet_flag = run_command->add_flag("--quiet,-q", quiet, "print neither progress nor summary");
  run_command->add_flag("--verbose,-v", verbose, "name each rejected record on stderr as it is read, and give stage times")
      ->excludes(quiet_flag);
  add_reader_flags(*run_command, run.stream.reader);

  std::string tokenize_file;
  CLI::App* tokenize_command = app.add_subcommand("tokenize", "print the tokens of one article: start end kind text key");
  tokenize_command->add_option("FILE", tokenize_file, "article file (.txt, .jsonl, .gz)")->required();

  newsmine::ExtractOptions extract;
  CLI::App* extract_command = app.add_subcommand("extract", "print documents.jsonl lines for the articles on stdout");
  extract_command->add_option("PATH", extract.paths, "files or directories to read; - reads JSONL from stdin")->required();
  extract_command->add_option("--threads", extract.stream.threads, "worker threads (default: all cores)")->check(CLI::Range(0, 1024));
  extract_command->add_option("--models", extract.models_dir, "directory overriding the built-in models/data files");
  add_reader_flags(*extract_command, extract.stream.reader);

  newsmine::TrainNerOptions train_ner;
  CLI::App* train_ner_command =
      app.add_subcommand("train-ner", "train the entity labeller on CoNLL-2003 and write its model file");
  train_ner_command->add_option("--train", train_ner.train_file, "CoNLL-2003 training file")->capture_default_str();
  train_ner_command->add_option("--dev", train_ner.dev_file, "CoNLL-2003 file that picks the epoch")->capture_default_str();
  train_ner_command->add_option("--out", train_ner.out_file, "model file to write")->capture_default_str();
  train_ner_command->add_option("--epochs", train_ner.epochs, "most epochs to train")
      ->capture_default_str()->check(CLI::Range(1, 1000));
  train_ner_command->add_option("--prune", train_ner.prune_below, "drop weights smaller than this")
      ->capture_default_str()->check(CLI::NonNegativeNumber);
  train_ner_command->add_option("--seed", train_ner.seed, "shuffle seed")->capture_default_str();
  train_ner_command->add_option("--models", train_ner.models_dir, "directory overriding the built-in models/data files");

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& done) {  // --help, --version
    return app.exit(done);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return 2;
  }

  try {
    newsmine::Status status;
    if (*run_command) {
      run.report = !no_report;
      return run_command_here(run, quiet, verbose, &argc, &argv);
    } else if (*tokenize_command) {
      status = newsmine::tokenize_command(tokenize_file, std::cout);
    } else if (*extract_command) {
      status = newsmine::extract_command(extract, std::cout, std::cerr);
    } else if (*train_ner_command) {
      status = newsmine::train_ner_command(train_ner, std::cerr);
    }
    if (!status.ok()) return fail(status.message());
  } catch (const std::exception& error) {  // a broken installation or exhausted memory
    return fail(error.what());
  }
  return 0;
}
