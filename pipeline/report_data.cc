#include "pipeline/report_data.h"

#include <algorithm>
#include <numeric>
#include <tuple>
#include <utility>

#include "pipeline/html_escape.h"

namespace newsmine {
namespace {

bool digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Year and month (1-12, or 0 when the value has none) of a TIMEX3-style value;
// a range counts at its start. Returns false when the value has no year.
bool year_month(std::string_view value, int& year, int& month) {
  if (value.size() < 4 || !digits(value.substr(0, 4))) return false;
  year = std::stoi(std::string(value.substr(0, 4)));
  month = 0;
  if (value.size() >= 7 && value[4] == '-' && digits(value.substr(5, 2))) {
    const int m = std::stoi(std::string(value.substr(5, 2)));
    if (m >= 1 && m <= 12) month = m;
  }
  return true;
}

int month_key(int year, int month) { return year * 12 + month - 1; }

}  // namespace

void ReportCollector::add_document(const DocumentAnalysis& analysis) {
  int year = 0, month = 0;
  if (year_month(analysis.document.date, year, month) && month) ++data_.timeline.articles_by_month[month_key(year, month)];
  for (const DateMention& date : analysis.dates) {
    if (!year_month(date.value, year, month)) {
      ++data_.timeline.without_year;
      continue;
    }
    ++data_.timeline.mentions_by_year[year];
    if (month) ++data_.timeline.mentions_by_month[month_key(year, month)];
  }

  // Each entity counts once per article in `articles`, however often it is named.
  std::vector<std::string> keys;
  keys.reserve(analysis.entities.size());
  for (const EntityMention& entity : analysis.entities) {
    std::string key(to_string(entity.label));
    key += '\t';
    if (entity.canonical.empty()) key += std::string_view(analysis.document.text).substr(entity.start, entity.end - entity.start);
    else key += entity.canonical;
    keys.push_back(std::move(key));
  }
  std::sort(keys.begin(), keys.end());
  for (std::size_t i = 0; i < keys.size();) {
    std::size_t j = i;
    while (j < keys.size() && keys[j] == keys[i]) ++j;
    EntityCount& count = entities_[keys[i]];
    count.mentions += j - i;
    count.articles += 1;
    i = j;
  }
  if (entities_.size() > options_.max_distinct_entities) prune_entities();
}

// Drops the rarest counters until a quarter of the room is free again. The
// rule depends only on the counts, so the result is the same on every run.
void ReportCollector::prune_entities() {
  data_.entities_pruned = true;
  const std::size_t target = options_.max_distinct_entities - options_.max_distinct_entities / 4;
  while (entities_.size() > target) {
    ++entity_floor_;
    std::erase_if(entities_, [&](const auto& entry) { return entry.second.mentions <= entity_floor_; });
  }
}

Status ReportCollector::add_reuse(std::span<const SimilarPair> similar, std::span<const Passage> passages,
                                  std::span<const Cluster> clusters, const std::vector<std::string>& ids,
                                  ArticleTexts& texts) {
  // Passages: edited (near) copies first, since their differences show what
  // was changed, then exact ones; the longest first in each (both copies
  // together), ties in passages.jsonl order.
  std::vector<std::size_t> order(passages.size());
  std::iota(order.begin(), order.end(), 0);
  auto length = [&](std::size_t i) {
    return std::uint64_t{passages[i].a_end - passages[i].a_start} + (passages[i].b_end - passages[i].b_start);
  };
  const std::size_t shown = std::min(options_.max_passages, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shown), order.end(),
                    [&](std::size_t x, std::size_t y) {
                      if (passages[x].exact != passages[y].exact) return passages[y].exact;
                      return length(x) != length(y) ? length(x) > length(y) : x < y;
                    });
  std::vector<TextSpan> spans;
  for (std::size_t k = 0; k < shown; ++k) {
    const Passage& p = passages[order[k]];
    spans.push_back({p.a, p.a_start, p.a_end});
    spans.push_back({p.b, p.b_start, p.b_end});
  }
  std::vector<std::string> read;
  if (Status s = texts.read(spans, read); !s.ok()) return s;
  for (std::size_t k = 0; k < shown; ++k) {
    const Passage& p = passages[order[k]];
    const std::string &a_text = read[2 * k], &b_text = read[2 * k + 1];
    ReportPassage row{ids[p.a], ids[p.b], p.a_start, p.a_end, p.b_start, p.b_end, p.score, p.exact, {}, {}, false};
    row.cut = a_text.size() > options_.max_passage_bytes || b_text.size() > options_.max_passage_bytes;
    row.a_text = truncate_utf8(a_text, options_.max_passage_bytes);
    row.b_text = truncate_utf8(b_text, options_.max_passage_bytes);
    data_.passages.push_back(std::move(row));
  }

  // Families: the most widespread first, ties by cluster number.
  std::vector<std::size_t> families(clusters.size());
  std::iota(families.begin(), families.end(), 0);
  const std::size_t listed = std::min(options_.max_families, families.size());
  std::partial_sort(families.begin(), families.begin() + static_cast<std::ptrdiff_t>(listed), families.end(),
                    [&](std::size_t x, std::size_t y) {
                      const std::size_t sx = clusters[x].members.size(), sy = clusters[y].members.size();
                      return sx != sy ? sx > sy : x < y;
                    });
  spans.clear();
  for (std::size_t k = 0; k < listed; ++k) {
    const Cluster& cluster = clusters[families[k]];
    const ClusterMember& representative = cluster.members[cluster.representative];
    spans.push_back({representative.doc, representative.start, representative.end});
  }
  if (Status s = texts.read(spans, read); !s.ok()) return s;
  for (std::size_t k = 0; k < listed; ++k) {
    const Cluster& cluster = clusters[families[k]];
    ReportFamily family{families[k] + 1, cluster.members.size(), truncate_utf8(read[k], options_.max_family_text_bytes), {}};
    for (std::size_t m = 0; m < cluster.members.size() && m < options_.max_family_members; ++m)
      family.members.push_back(ids[cluster.members[m].doc]);
    data_.families.push_back(std::move(family));
  }

  for (std::size_t i = 0; i < similar.size() && i < options_.max_pairs; ++i)
    data_.pairs.push_back({ids[similar[i].a], ids[similar[i].b], similar[i].cosine});

  // Graph: the article pairs with the most reused bytes, then similar pairs,
  // until max_graph_articles articles are drawn.
  std::map<std::pair<std::uint32_t, std::uint32_t>, ReportGraph::Link> reuse;
  for (const Passage& p : passages) {
    ReportGraph::Link& link = reuse[{p.a, p.b}];
    link.passages += 1;
    link.reused_bytes += p.a_end - p.a_start;
    link.exact |= p.exact;
  }
  std::vector<std::pair<std::pair<std::uint32_t, std::uint32_t>, ReportGraph::Link>> ranked(reuse.begin(), reuse.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& x, const auto& y) { return x.second.reused_bytes > y.second.reused_bytes; });
  std::vector<std::uint32_t> chosen;
  auto room_for = [&](std::uint32_t a, std::uint32_t b) {
    const bool has_a = std::find(chosen.begin(), chosen.end(), a) != chosen.end();
    const bool has_b = std::find(chosen.begin(), chosen.end(), b) != chosen.end();
    if (chosen.size() + !has_a + !has_b > options_.max_graph_articles) return false;
    if (!has_a) chosen.push_back(a);
    if (!has_b) chosen.push_back(b);
    return true;
  };
  for (const auto& [pair, link] : ranked) room_for(pair.first, pair.second);
  for (const SimilarPair& pair : similar) {
    if (chosen.size() >= options_.max_graph_articles) break;
    room_for(pair.a, pair.b);
  }
  std::sort(chosen.begin(), chosen.end());
  auto node = [&](std::uint32_t doc) -> std::ptrdiff_t {
    const auto it = std::lower_bound(chosen.begin(), chosen.end(), doc);
    return it != chosen.end() && *it == doc ? it - chosen.begin() : -1;
  };
  for (const std::uint32_t doc : chosen) data_.graph.nodes.push_back(ids[doc]);
  for (const SimilarPair& pair : similar) {
    if (node(pair.a) < 0 || node(pair.b) < 0) continue;
    ReportGraph::Link& link = reuse[{pair.a, pair.b}];  // adds a similarity-only link when there is no reuse
    link.cosine = pair.cosine;
  }
  for (const auto& [pair, link] : reuse) {  // std::map: sorted by (a, b)
    const std::ptrdiff_t a = node(pair.first), b = node(pair.second);
    if (a < 0 || b < 0) continue;
    ReportGraph::Link drawn = link;
    drawn.a = static_cast<std::size_t>(a);
    drawn.b = static_cast<std::size_t>(b);
    data_.graph.links.push_back(drawn);
  }
  return {};
}

ReportData ReportCollector::finish(const RunSummary& summary) {
  data_.options = options_;
  data_.summary = summary;
  data_.distinct_entities = entities_.size();
  std::vector<ReportEntity> all;
  all.reserve(entities_.size());
  for (const auto& [key, count] : entities_) {
    const std::size_t tab = key.find('\t');
    all.push_back({key.substr(tab + 1), key.substr(0, tab), count.mentions, count.articles});
  }
  const std::size_t shown = std::min(options_.max_entities, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(shown), all.end(),
                    [](const ReportEntity& x, const ReportEntity& y) {
                      if (x.mentions != y.mentions) return x.mentions > y.mentions;
                      if (x.articles != y.articles) return x.articles > y.articles;
                      return std::tie(x.canonical, x.label) < std::tie(y.canonical, y.label);
                    });
  all.resize(shown);
  data_.entities = std::move(all);
  return std::move(data_);
}

}  // namespace newsmine
