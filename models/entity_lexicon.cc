#include "models/entity_lexicon.h"

#include <re2/re2.h>

#include <string>
#include <vector>

#include "models/rule_files.h"

namespace newsmine {
namespace {

// "\"phrase\" " + message, built without operator+ on temporaries (GCC 12
// warns falsely about those).
std::string quoted(std::string_view phrase, std::string_view message) {
  std::string text = "\"";
  text.append(phrase).append("\" ").append(message);
  return text;
}

struct ListFile {
  std::string_view name;
  int category;  // -1: the category comes from each entry's tag
};

constexpr ListFile kPhraseLists[] = {
    {"entities/titles.txt", EntityLexicon::kTitle},
    {"entities/org_heads.txt", EntityLexicon::kOrgHead},
    {"entities/misc_heads.txt", EntityLexicon::kMiscHead},
    {"entities/loc_heads.txt", EntityLexicon::kLocHead},
    {"entities/locations.txt", EntityLexicon::kLocation},
    {"entities/nationalities.txt", EntityLexicon::kNationality},
    {"entities/person_names.txt", EntityLexicon::kGivenName},
    {"entities/organizations.txt", EntityLexicon::kOrganization},
    {"entities/misc.txt", EntityLexicon::kMisc},
    {"entities/stopwords.txt", EntityLexicon::kStopword},
    {"entities/common_words.txt", EntityLexicon::kCommon},
    {"entities/connectors.txt", -1},
};

constexpr std::string_view kSurnameEndings = "entities/surname_endings.txt";
constexpr int kSupportedVersion = 1;

int connector_category(std::string_view tag) {
  if (tag == "org") return EntityLexicon::kOrgConnector;
  if (tag == "join") return EntityLexicon::kOrgJoin;
  if (tag == "inner") return EntityLexicon::kNameInner;
  if (tag == "suffix") return EntityLexicon::kNameSuffix;
  if (tag == "place") return EntityLexicon::kPlaceCue;
  return -1;
}

Status read_list(const ModelData& data, std::string_view name, std::string& bytes, WordList& list) {
  if (Status s = data.read(name, bytes); !s.ok()) return s;
  if (Status s = parse_word_list(name, bytes, list); !s.ok()) return s;
  if (list.version != kSupportedVersion) {
    return Status::error(std::string(name) + ": version " + std::to_string(list.version) +
                         " is not supported (this build reads version " + std::to_string(kSupportedVersion) + ")");
  }
  return {};
}

Status add_phrases(const ModelData& data, const ListFile& file, Tokenizer& tokenizer, Gazetteer& phrases) {
  std::string bytes;
  WordList list;
  if (Status s = read_list(data, file.name, bytes, list); !s.ok()) return s;
  TokenizedText tokens;
  std::vector<std::string_view> keys;
  for (const WordListEntry& entry : list.entries) {
    int category = file.category;
    if (category < 0) {
      category = connector_category(entry.tag);
      if (category < 0) {
        return data_error(file.name, entry.line,
                          quoted(entry.tag, "is an unknown tag (expected org, join, inner, suffix or place)"));
      }
    } else if (!entry.tag.empty()) {
      return data_error(file.name, entry.line, "this list takes no tags");
    }
    tokenizer.tokenize(entry.phrase, tokens);
    keys.clear();
    for (const Token& token : tokens.tokens) keys.push_back(tokens.key(token));
    if (!phrases.add(keys, category)) {
      return data_error(
          file.name, entry.line,
          quoted(entry.phrase, "has no tokens or more than " + std::to_string(Gazetteer::kMaxPhraseTokens)));
    }
  }
  return {};
}

}  // namespace

EntityLexicon::EntityLexicon() = default;
EntityLexicon::~EntityLexicon() = default;
EntityLexicon::EntityLexicon(EntityLexicon&&) noexcept = default;
EntityLexicon& EntityLexicon::operator=(EntityLexicon&&) noexcept = default;

Status EntityLexicon::load(const ModelData& data, Tokenizer& tokenizer, EntityLexicon& out) {
  EntityLexicon lexicon;
  for (const ListFile& file : kPhraseLists)
    if (Status s = add_phrases(data, file, tokenizer, lexicon.phrases_); !s.ok()) return s;

  // Surname endings become one anchored alternation; at least two letters
  // must precede the ending ("Ivanov" yes, "Nov" no).
  std::string bytes;
  WordList list;
  if (Status s = read_list(data, kSurnameEndings, bytes, list); !s.ok()) return s;
  std::string pattern = "^\\pL{2,}(?:";
  for (std::size_t i = 0; i < list.entries.size(); ++i) {
    const WordListEntry& entry = list.entries[i];
    std::string key = normalize_term(entry.phrase);
    if (key != entry.phrase || key.find(' ') != std::string::npos) {
      return data_error(kSurnameEndings, entry.line, quoted(entry.phrase, "must be one lower-case word"));
    }
    if (i > 0) pattern += '|';
    pattern += RE2::QuoteMeta(key);
  }
  pattern += ")$";
  auto regex = std::make_unique<RE2>(pattern, RE2::Quiet);
  if (!regex->ok()) return Status::error("surname endings do not compile: " + regex->error());
  lexicon.surname_ending_ = std::move(regex);

  out = std::move(lexicon);
  return {};
}

bool EntityLexicon::has_surname_ending(std::string_view key) const {
  return surname_ending_ != nullptr && RE2::FullMatch(key, *surname_ending_);
}

}  // namespace newsmine
