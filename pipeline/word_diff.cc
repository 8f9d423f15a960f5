#include "pipeline/word_diff.h"

#include <algorithm>

#include "pipeline/html_escape.h"

namespace newsmine {
namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_word_byte(unsigned char c) { return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

std::string_view token_text(std::string_view text, const DiffToken& token) {
  return text.substr(token.start, token.end - token.start);
}

// Whitespace between two tokens as it should read on the page.
void append_gap(std::string_view gap, std::string& out) {
  if (gap.empty()) return;
  out += std::count(gap.begin(), gap.end(), '\n') >= 2 ? "\n\n" : " ";
}

}  // namespace

std::vector<DiffToken> diff_tokens(std::string_view text) {
  std::vector<DiffToken> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_space(c)) {
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    if (is_word_byte(c))
      while (end < text.size() && is_word_byte(static_cast<unsigned char>(text[end]))) ++end;
    tokens.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end), false});
    i = end;
  }
  return tokens;
}

WordDiff word_diff(std::string_view a, std::string_view b, std::size_t max_cells) {
  WordDiff diff;
  diff.a = diff_tokens(a);
  diff.b = diff_tokens(b);
  auto same = [&](std::size_t i, std::size_t j) { return token_text(a, diff.a[i]) == token_text(b, diff.b[j]); };

  std::size_t head = 0;
  while (head < diff.a.size() && head < diff.b.size() && same(head, head)) ++head;
  std::size_t tail = 0;
  while (tail < diff.a.size() - head && tail < diff.b.size() - head &&
         same(diff.a.size() - 1 - tail, diff.b.size() - 1 - tail))
    ++tail;
  const std::size_t n = diff.a.size() - head - tail, m = diff.b.size() - head - tail;
  if (n == 0 || m == 0) {  // one side is the other plus insertions
    for (std::size_t i = 0; i < n; ++i) diff.a[head + i].changed = true;
    for (std::size_t j = 0; j < m; ++j) diff.b[head + j].changed = true;
  } else if (n * m > max_cells) {
    diff.complete = false;
    return diff;
  } else {
    // lcs[i][j]: LCS length of the middle parts' suffixes from i and j.
    const std::size_t width = m + 1;
    std::vector<std::uint32_t> lcs((n + 1) * width, 0);
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        lcs[i * width + j] = same(head + i, head + j) ? lcs[(i + 1) * width + j + 1] + 1
                                                      : std::max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    std::size_t i = 0, j = 0;
    while (i < n && j < m) {
      if (same(head + i, head + j)) {
        ++i, ++j;
      } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
        diff.a[head + i++].changed = true;
      } else {
        diff.b[head + j++].changed = true;
      }
    }
    for (; i < n; ++i) diff.a[head + i].changed = true;
    for (; j < m; ++j) diff.b[head + j].changed = true;
  }
  for (const DiffToken& token : diff.a) diff.changed_a += token.changed;
  for (const DiffToken& token : diff.b) diff.changed_b += token.changed;
  return diff;
}

namespace {

// Which tokens append_diff_html shows; see the header.
std::vector<bool> shown_tokens(const std::vector<DiffToken>& tokens, std::size_t context) {
  const std::size_t n = tokens.size();
  std::vector<bool> keep(n, context == 0);
  if (context == 0) return keep;
  bool any_change = false;
  for (std::size_t k = 0; k < n; ++k) {
    if (!tokens[k].changed) continue;
    any_change = true;
    for (std::size_t j = k > context ? k - context : 0; j < n && j <= k + context; ++j) keep[j] = true;
  }
  if (!any_change)
    for (std::size_t j = 0; j < n && j < 3 * context; ++j) keep[j] = true;
  // Short hidden runs cost more to skip than to read.
  const std::size_t min_skipped = 8;
  for (std::size_t k = 0; k < n;) {
    if (keep[k]) {
      ++k;
      continue;
    }
    std::size_t end = k;
    while (end < n && !keep[end]) ++end;
    if (end - k <= min_skipped) std::fill(keep.begin() + static_cast<std::ptrdiff_t>(k), keep.begin() + static_cast<std::ptrdiff_t>(end), true);
    k = end;
  }
  return keep;
}

void close_tag(const char* tag, std::string& out) {
  out += "</";
  out += tag;
  out += '>';
}

}  // namespace

void append_diff_html(std::string_view text, const std::vector<DiffToken>& tokens, const char* tag, std::string& out,
                      std::size_t context) {
  const std::vector<bool> keep = shown_tokens(tokens, context);
  bool open = false;
  std::size_t previous_end = 0;
  for (std::size_t k = 0; k < tokens.size();) {
    if (!keep[k]) {
      std::size_t end = k;
      while (end < tokens.size() && !keep[end]) ++end;
      if (k > 0) out += ' ';
      out += "<span class=\"skip\" title=\"" + std::to_string(end - k) + " words not shown\">\u2026</span>";
      previous_end = tokens[end - 1].end;
      k = end;
      continue;
    }
    const DiffToken& token = tokens[k];
    const std::string_view gap = text.substr(previous_end, token.start - previous_end);
    if (open && !token.changed) {  // close before the gap, so highlights hug the words
      close_tag(tag, out);
      open = false;
    }
    append_gap(k == 0 ? std::string_view() : gap, out);
    if (token.changed && !open) {
      out += '<';
      out += tag;
      out += '>';
      open = true;
    }
    append_html_escaped(token_text(text, token), out);
    previous_end = token.end;
    ++k;
  }
  if (open) close_tag(tag, out);
}

}  // namespace newsmine
