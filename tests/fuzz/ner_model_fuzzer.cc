// libFuzzer target: arbitrary bytes as an NER model file (ner_model.h).
//
// parse() must either fail with a Status or give a model that decodes any
// features without reading out of bounds, into well-formed BILOU tags, and
// that writes itself back to bytes which parse to the same file again.
//
//   build and run: tests/sanitize.sh --fuzz-only SECONDS (all targets), or
//   build-sanitize/tests/fuzz/ner_model_fuzzer -max_total_time=60 models/data/ner
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "models/ner_model.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace newsmine;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  NerModel model;
  if (!NerModel::parse("fuzz.model", bytes, model).ok()) return 0;

  // A few tokens whose feature ids come from the input itself.
  NerFeatures features;
  features.offsets.push_back(0);
  for (std::size_t t = 0; t < 5; ++t) {
    for (std::size_t k = 0; k < 4; ++k) {
      std::uint32_t id = 0;
      for (std::size_t b = 0; b < 4 && size > 0; ++b) id = id << 8 | data[(t * 16 + k * 4 + b) % size];
      features.ids.push_back(id);
    }
    features.offsets.push_back(static_cast<std::uint32_t>(features.ids.size()));
    features.outside.push_back(t == 2);
  }
  NerScratch scratch;
  std::vector<NerTag> tags;
  model.decode(features, 0, 5, scratch, tags);
  if (tags.size() != 5 || !ner_start_allowed(tags[0]) || !ner_end_allowed(tags[4]) || tags[2] != kOutside) std::abort();
  for (std::size_t i = 1; i < tags.size(); ++i)
    if (!ner_transition_allowed(tags[i - 1], tags[i])) std::abort();

  const std::string written = model.serialize("");
  NerModel again;
  if (!NerModel::parse("fuzz.model", written, again).ok() || again.serialize("") != written) std::abort();
  return 0;
}
