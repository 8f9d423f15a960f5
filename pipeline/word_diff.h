// Word-level differences between the two copies of a reused passage, for the
// HTML report.
//
// Texts are split into tokens: runs of letters and digits (any non-ASCII byte
// counts as a letter, so every script stays whole) and single ASCII
// punctuation marks; whitespace only separates. The tokens of the two sides
// are aligned by their longest common subsequence (exact byte comparison);
// tokens outside it are the differences. Common leading and trailing tokens
// are trimmed first, so a long passage with a few edits costs little; the
// dynamic program on what is left is O(n·m) time and memory and is skipped
// (complete = false) beyond `max_cells`.
//
// A pure function, thread-safe.
//
//   std::string a = "can handle more than 12,000 containers", b = "can handle over 12,000 containers";
//   WordDiff diff = word_diff(a, b);
//   std::string html;
//   append_diff_html(a, diff.a, "del", html);  // can handle <del>more than</del> 12,000 containers
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsmine {

struct DiffToken {
  std::uint32_t start = 0;  // byte range in the text
  std::uint32_t end = 0;
  bool changed = false;     // not part of the common subsequence
};

struct WordDiff {
  std::vector<DiffToken> a;
  std::vector<DiffToken> b;
  bool complete = true;     // false when the texts were too long to align (nothing is marked)
  std::size_t changed_a = 0;  // tokens marked on each side
  std::size_t changed_b = 0;
};

std::vector<DiffToken> diff_tokens(std::string_view text);

WordDiff word_diff(std::string_view a, std::string_view b, std::size_t max_cells = 4'000'000);

// Appends `text` as escaped HTML with each run of changed tokens wrapped in
// <tag>…</tag>. Whitespace holding a blank line becomes "\n\n" (a paragraph
// break under CSS white-space: pre-line); other whitespace becomes one space,
// so hard-wrapped lines read as one paragraph.
//
// With `context` > 0, long unchanged stretches are left out: only tokens
// within `context` tokens of a change are kept (the first 3·context tokens
// when nothing changed), and each left-out run of more than 8 tokens becomes
// <span class="skip" title="N words not shown">…</span>.
void append_diff_html(std::string_view text, const std::vector<DiffToken>& tokens, const char* tag, std::string& out,
                      std::size_t context = 0);

}  // namespace newsmine
