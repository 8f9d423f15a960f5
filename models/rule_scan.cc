#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "models/match_cache.h"
#include "models/rule_set_impl.h"

namespace newsmine {

// An anchor where some rule of the lane matches, and the end of the longest match there.
struct RuleScan::Reach {
  static constexpr std::uint32_t kNone = 0;           // no rule matches there
  static constexpr std::uint32_t kLater = ~0u;        // not measured yet
  std::uint32_t start = 0, limit = kNone;
};

namespace {

using Reach = RuleScan::Reach;

// The offset of a match piece inside `text`.
std::uint32_t offset_in(std::string_view text, const re2::StringPiece& piece) {
  return static_cast<std::uint32_t>(piece.data() - text.data());
}

// Per-thread working memory of the scans, one per rule set: the match cache
// and buffers reused from call to call.
struct ScanScratch {
  MatchCache cache;
  std::vector<int> candidates;
  std::vector<re2::StringPiece> pieces, light_pieces;
  std::string key, next_key;
  RuleMatch match;
  MatchCache::Measured measured;
};

ScanScratch& scratch_for(std::uint64_t rule_set) {
  thread_local std::unordered_map<std::uint64_t, ScanScratch> scratch;
  return scratch[rule_set];
}

// The end of the longest match of any rule of `impl` at `start`, or Reach::kNone.
std::uint32_t reach_at(const RuleSet::Impl& impl, std::string_view text, std::uint32_t start) {
  re2::StringPiece longest;
  if (!impl.any->Match(text, start, text.size(), RE2::ANCHOR_START, &longest, 1)) return Reach::kNone;
  return start + static_cast<std::uint32_t>(longest.size());
}

bool lookbehind_holds(const RuleSet::Rule& rule, std::string_view text, std::uint32_t start) {
  if (!rule.lookbehind) return true;
  const re2::StringPiece before(text.data(), start);
  const std::size_t from = start > kLookbehindReach ? start - kLookbehindReach : 0;
  return rule.lookbehind->Match(before, from, start, RE2::UNANCHORED, nullptr, 0);
}

// Fills `measured` with the rules of `candidates` (sorted) that match at
// `start`, each ending by `limit`, with their lengths (a DFA run each; no
// captures yet, no look-behinds): longest first, then in rule order; and
// room for the pieces of each.
void measure(const std::vector<RuleSet::Rule>& rules, std::string_view text, std::uint32_t start,
             std::uint32_t limit, const std::vector<int>& candidates, MatchCache::Measured& measured) {
  std::vector<MatchCache::Match>& matches = measured.matches;
  matches.clear();
  for (int index : candidates) {
    const RE2& regex = *rules[static_cast<std::size_t>(index)].regex;
    re2::StringPiece whole;
    if (!regex.Match(text, start, limit, RE2::ANCHOR_START, &whole, 1)) continue;
    MatchCache::Match& match = matches.emplace_back();
    match.rule = index;
    match.length = static_cast<std::uint32_t>(whole.size());
    match.piece_count = static_cast<std::uint16_t>(regex.NumberOfCapturingGroups() + 1);
  }
  // Longest first, equal lengths in rule order: an insertion sort, stable
  // and without the buffer std::stable_sort allocates (there are a few).
  for (std::size_t i = 1; i < matches.size(); ++i) {
    for (std::size_t j = i; j > 0 && matches[j - 1].length < matches[j].length; --j) {
      std::swap(matches[j - 1], matches[j]);
    }
  }
  std::uint32_t pieces = 0;
  for (MatchCache::Match& match : matches) {
    match.first_piece = pieces;
    pieces += match.piece_count;
  }
  measured.pieces.assign(pieces, MatchCache::Piece());
}

// Finds the groups of `match` at `start` with the rule's light pattern: true
// when it splits the match and every word list in it checks out.
bool light_capture(const LightCapture& light, std::string_view text, std::uint32_t start, std::uint32_t length,
                   std::vector<re2::StringPiece>& light_pieces, std::vector<re2::StringPiece>& pieces) {
  if (!light.regex) return false;
  const int count = light.regex->NumberOfCapturingGroups() + 1;
  light_pieces.assign(static_cast<std::size_t>(count), re2::StringPiece());
  if (!light.regex->Match(text, start, start + length, RE2::ANCHOR_BOTH, light_pieces.data(), count)) return false;
  for (const auto& [group, list] : light.checks) {
    const re2::StringPiece& piece = light_pieces[static_cast<std::size_t>(group)];
    if (piece.data() == nullptr) continue;
    const std::size_t from = offset_in(text, piece);
    if (!list->Match(text, from, from + piece.size(), RE2::ANCHOR_BOTH, nullptr, 0)) return false;
  }
  pieces.resize(light.groups.size());
  for (std::size_t g = 0; g < light.groups.size(); ++g) pieces[g] = light_pieces[static_cast<std::size_t>(light.groups[g])];
  return true;
}

// Runs the captures of `match` (once) and stores its pieces in the room
// `entry` has for them: with the light pattern when it can, else with the
// rule's own.
void capture(const std::vector<RuleSet::Rule>& rules, const std::vector<LightCapture>& light,
             std::string_view text, std::uint32_t start, MatchCache::Match& match, const MatchCache::Entry& entry,
             std::vector<re2::StringPiece>& light_pieces, std::vector<re2::StringPiece>& pieces) {
  const std::size_t index = static_cast<std::size_t>(match.rule);
  const RE2& regex = *rules[index].regex;
  const int count = regex.NumberOfCapturingGroups() + 1;
  if (count == 1) {  // no groups: the match is all there is to know
    pieces.assign(1, re2::StringPiece(text.data() + start, match.length));
  } else if (!light_capture(light[index], text, start, match.length, light_pieces, pieces)) {
    pieces.assign(static_cast<std::size_t>(count), re2::StringPiece());
    regex.Match(text, start, start + match.length, RE2::ANCHOR_START, pieces.data(), count);
  }
  MatchCache::Piece* room = entry.pieces + match.first_piece;
  for (std::size_t i = 0; i < pieces.size() && i < match.piece_count; ++i) {
    if (pieces[i].data() != nullptr) {
      room[i].offset = static_cast<std::int32_t>(offset_in(text, pieces[i]) - start);
      room[i].length = static_cast<std::int32_t>(pieces[i].size());
    }
  }
  match.captured = true;
}

// Offers the matches of `entry` at `start` (rules of `set`) to `accept` in
// order, as lane `lane`, those whose look-behind holds; returns the end of
// the accepted one, or 0.
std::uint32_t offer(const RuleSet& set, const RuleSet::Impl& impl, int lane, std::string_view text, std::uint32_t start,
                    const MatchCache::Entry& entry, const RuleSet::Accept& accept, ScanScratch& scratch) {
  const std::vector<RuleSet::Rule>& rules = set.rules();
  RuleMatch& match = scratch.match;
  for (MatchCache::Match& cached : entry) {
    const std::size_t index = static_cast<std::size_t>(cached.rule);
    if (!lookbehind_holds(rules[index], text, start)) continue;
    if (!cached.captured) capture(rules, impl.light, text, start, cached, entry, scratch.light_pieces, scratch.pieces);
    match.lane = lane;
    match.rule = cached.rule;
    match.start = start;
    match.end = start + cached.length;
    match.groups.clear();
    for (std::uint32_t i = 0; i < cached.piece_count; ++i) {
      const MatchCache::Piece& piece = entry.pieces[cached.first_piece + i];
      if (piece.offset < 0) {
        match.groups.emplace_back();
      } else {
        match.groups.emplace_back(text.data() + start + piece.offset, static_cast<std::size_t>(piece.length));
      }
    }
    if (accept(match)) return match.end;
  }
  return 0;
}

}  // namespace

namespace {

// Vectors handed on from one scan to the next on a thread: a scan per
// article then allocates nothing once the thread has run a few.
template <typename T>
std::vector<std::vector<T>>& spares() {
  thread_local std::vector<std::vector<T>> spare;
  return spare;
}

template <typename T>
std::vector<T> take_spare() {
  std::vector<std::vector<T>>& spare = spares<T>();
  if (spare.empty()) return {};
  std::vector<T> taken = std::move(spare.back());
  spare.pop_back();
  return taken;
}

template <typename T>
void give_back(std::vector<T>& used) {
  constexpr std::size_t kMostKept = 256;  // a batch of articles' worth
  std::vector<std::vector<T>>& spare = spares<T>();
  if (used.capacity() > 0 && spare.size() < kMostKept) spare.push_back(std::move(used));
}

}  // namespace

RuleScan::RuleScan(const RuleSet& rules, std::string_view text)
    : rules_(rules),
      text_(text),
      anchors_(take_spare<RuleAnchors::Anchor>()),
      prepared_skip_(take_spare<Span>()),
      prepared_(take_spare<Reach>()) {
  rules.impl_->anchors->find_all(text, anchors_, possible_);
}

RuleScan::RuleScan(RuleScan&&) noexcept = default;

RuleScan::~RuleScan() {
  give_back(anchors_);
  give_back(prepared_skip_);
  give_back(prepared_);
}

void RuleScan::prepare(std::size_t lane, const std::vector<Span>& skip) {
  const RuleSet::Impl& joined = *rules_.impl_;
  prepared_lane_ = ~std::size_t{0};
  if (lane >= joined.lanes.size()) return;
  const RuleSet::Impl& impl = *joined.lanes[lane]->impl_;
  // A rule whose required words the text lacks matches nowhere in it: the
  // anchors of no other rule need no reach run.
  const RuleMask lane_rules = joined.lane_rules[lane] & possible_;
  // How far the longest match reaches at each anchor of this lane, in one
  // run over the anchors: the union DFA stays in the CPU caches, which the
  // accept calls in between would otherwise evict. An anchor inside the
  // reach of an earlier one is most often inside the match accepted there
  // ("mln" in "5.1 mln dlrs"), so it is measured later, only if the scan
  // comes to it.
  std::vector<Reach>& reach = prepared_;
  reach.clear();
  auto next_skip = skip.begin();
  std::uint32_t reached = 0;
  for (const RuleAnchors::Anchor& anchor : anchors_) {
    const std::uint32_t start = anchor.position;
    if ((anchor.rules & lane_rules).none()) continue;
    while (next_skip != skip.end() && next_skip->end <= start) ++next_skip;
    if (next_skip != skip.end() && next_skip->start <= start) continue;
    if (start < reached) {
      reach.push_back({start, Reach::kLater});
      continue;
    }
    const std::uint32_t limit = reach_at(impl, text_, start);
    if (limit != Reach::kNone) reach.push_back({start, limit});
    reached = std::max(reached, limit == Reach::kNone ? 0 : limit);
  }
  prepared_lane_ = lane;
  prepared_skip_.assign(skip.begin(), skip.end());
}

void RuleScan::lane(std::size_t lane, const RuleSet::Accept& accept, const std::vector<Span>& skip) {
  const RuleSet::Impl& joined = *rules_.impl_;
  if (lane >= joined.lanes.size()) return;
  const RuleSet& set = *joined.lanes[lane];
  const RuleSet::Impl& impl = *set.impl_;
  ScanScratch& scratch = scratch_for(impl.id);
  const std::string_view text = text_;
  const std::size_t size = text.size();
  if (prepared_lane_ != lane || prepared_skip_ != skip) prepare(lane, skip);
  prepared_lane_ = ~std::size_t{0};  // used up: the kLater reaches are measured below
  std::vector<Reach>& reach = prepared_;
  // The cache lookups miss the CPU caches: the key of the next anchor whose
  // reach is known is made one step ahead and its slot fetched meanwhile.
  std::size_t prepared = reach.size();  // the anchor whose key is in scratch.next_key
  std::uint64_t prepared_hash = 0;
  std::uint32_t resume = 0;  // this lane's scan position
  for (std::size_t r = 0; r < reach.size(); ++r) {
    Reach& at = reach[r];
    const std::uint32_t start = at.start;
    if (start < resume) continue;
    if (at.limit == Reach::kLater && (at.limit = reach_at(impl, text, start)) == Reach::kNone) {
      resume = start + 1;
      continue;
    }
    std::uint64_t hash;
    if (prepared == r) {
      std::swap(scratch.key, scratch.next_key);
      hash = prepared_hash;
    } else {
      MatchCache::make_key(text, start, at.limit, impl.nonzero_digits_alike, scratch.key);
      hash = MatchCache::hash(scratch.key);
    }
    if (r + 1 < reach.size() && reach[r + 1].limit != Reach::kLater) {
      const Reach& next = reach[r + 1];
      MatchCache::make_key(text, next.start, next.limit, impl.nonzero_digits_alike, scratch.next_key);
      prepared = r + 1;
      prepared_hash = MatchCache::hash(scratch.next_key);
      scratch.cache.prefetch(prepared_hash);
    }
    MatchCache::Entry entry;
    if (!scratch.cache.find(scratch.key, hash, entry)) {
      // Which rules match here (the Set sees the byte before the start and
      // the one after the longest match), and how far each reaches.
      const std::size_t context = start > 0 ? start - 1 : 0;
      const std::size_t context_end = std::min<std::size_t>(size, at.limit + 1);
      RE2::Set::ErrorInfo error;
      if (!impl.matching->Match(text.substr(context, context_end - context), &scratch.candidates, &error) &&
          error.kind != RE2::Set::kNoError) {
        scratch.candidates.clear();
        for (std::size_t i = 0; i < set.rules().size(); ++i) scratch.candidates.push_back(static_cast<int>(i));
      }
      std::sort(scratch.candidates.begin(), scratch.candidates.end());
      measure(set.rules(), text, start, at.limit, scratch.candidates, scratch.measured);
      entry = scratch.cache.insert(scratch.key, hash, scratch.measured);
    }
    const std::uint32_t end = offer(set, impl, static_cast<int>(lane), text, start, entry, accept, scratch);
    resume = end > 0 ? end : start + 1;
  }
}

void RuleSet::scan(std::string_view text, const Accept& accept) const { RuleScan(*this, text).lane(0, accept); }

void RuleSet::scan_lanes(std::string_view text, const std::vector<Accept>& accept) const {
  RuleScan scan(*this, text);
  for (std::size_t lane = 0; lane < accept.size(); ++lane) scan.lane(lane, accept[lane]);
}

void RuleSet::scan_reference(std::string_view text, const Accept& accept) const {
  std::vector<int> every_rule;
  for (std::size_t i = 0; i < rules_.size(); ++i) every_rule.push_back(static_cast<int>(i));
  ScanScratch scratch;
  std::size_t position = 0;
  while (position < text.size()) {
    const std::uint32_t start = static_cast<std::uint32_t>(position);
    measure(rules_, text, start, static_cast<std::uint32_t>(text.size()), every_rule, scratch.measured);
    const std::uint32_t end = offer(*this, *impl_, 0, text, start, scratch.measured.view(), accept, scratch);
    position = end > 0 ? end : start + 1;
  }
}

}  // namespace newsmine
