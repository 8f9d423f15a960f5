// `newsmine train-ner`: trains the entity labeller on CoNLL-2003 and writes
// the model file that models/data ships (ner/conll2003.model).
//
// Each CoNLL document is rebuilt as text (bench/conll_eval.h), tokenized and
// featurized exactly as EntityExtractor::extract() does, so training sees
// what extraction sees; gold names are mapped onto the tokenizer's tokens.
// After every epoch the averaged model labels the dev file through the
// extractor and its conlleval-style F1 is printed; the epoch with the best
// dev F1 is written, pruned and quantized, and measured once more as written.
//
//   TrainNerOptions options;   // CoNLL paths beside the checkout by default
//   if (Status s = train_ner_command(options, std::cerr); !s.ok()) fail(s);
#pragma once

#include <cstdint>
#include <ostream>
#include <span>
#include <string>

#include "bench/conll_eval.h"
#include "corpus/status.h"
#include "models/entities.h"
#include "tokenizers/tokenizer.h"

namespace newsmine {

struct TrainNerOptions {
  std::string train_file = "../shared/data/conll2003-en/eng.train";  // CoNLL-2003 IOB1 training data
  std::string dev_file = "../shared/data/conll2003-en/eng.testa";    // picks the epoch
  std::string out_file = "models/data/ner/conll2003.model";          // where the model is written
  std::string models_dir;      // override for the word lists; empty = built in
  int epochs = 15;             // most epochs tried; the best on dev is kept
  float prune_below = 0.05f;   // weights with smaller magnitude are dropped from the file
  std::uint64_t seed = 2003;   // shuffle seed
};

Status train_ner_command(const TrainNerOptions& options, std::ostream& log);

// The documents of a CoNLL file; an error names the file when it cannot be
// read or holds no sentence.
Status read_conll_file(const std::string& path, std::vector<testing::ConllDocument>& out);

// Labels every document with `extractor` and scores it against the gold
// names; adds the number of tokens tagged to `tokens` when given.
testing::ConllScore score_conll(const EntityExtractor& extractor, std::span<const testing::ConllDocument> documents,
                                Tokenizer& tokenizer, std::size_t* tokens = nullptr);

// "PER" for PERSON, the label's own name otherwise (CoNLL's type names).
std::string conll_type(EntityLabel label);

}  // namespace newsmine
