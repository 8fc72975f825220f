// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kpi::csv {

/// Splits physical lines into the fields of one record, RFC 4180 style: a field that starts
/// with a double quote runs to the matching quote, `""` inside it is one quote, and delimiters
/// and line breaks inside it are data. A record whose quoted field spans lines is fed one line
/// at a time; line breaks inside fields come out as "\n" whatever the file used.
///
/// Lenient where Excel is: text after a closing quote is kept ("ab"c → abc), and a quote in
/// the middle of an unquoted field is an ordinary character.
class RecordSplitter {
 public:
  /// Which vector instructions split_line finds bytes with: the best the processor has (AVX2
  /// where there is one), or those of every processor of its kind (SSE2 on x86-64); tests run
  /// both.
  enum class Instructions { Best, Portable };

  explicit RecordSplitter(char delimiter, Instructions instructions = Instructions::Best);

  /// Forgets the previous record.
  void clear();
  /// Adds the next physical line of the record. Returns true when the record is complete, false
  /// when a quoted field goes on to the next line. A record of one line without quotes has
  /// fields that view `line` itself, so the line must outlive them.
  bool add_line(std::string_view line);
  /// Splits the line at the start of `text` when it is a whole record of one line, finding its
  /// line feed and its delimiters in one pass; its fields view `text`. A field may be quoted
  /// whole ("cash, card"), with no quote or line feed inside. Returns the bytes the line takes,
  /// line feed included, or 0 when `text` holds no line feed, the line is empty, it has any
  /// other quote, or it is `max_line` bytes or longer: add_line reads those.
  std::size_t split_line(std::string_view text, std::size_t max_line);

  /// The fields of the completed record; valid until clear().
  std::span<const std::string_view> fields();
  /// 0-based index of the field being read, for "unterminated quote" messages.
  std::size_t open_field_index() const { return field_bounds_.size(); }
  /// Bytes held for the current record.
  std::size_t size() const { return text_.size(); }

 private:
  std::size_t start_field(std::string_view line, std::size_t position);
  std::size_t read_quoted(std::string_view line, std::size_t position);
  void end_field();
  bool split_unquoted(std::string_view line);  // false when the line has a quote
  static std::size_t quoted_field_end(std::string_view text, std::size_t start, std::size_t quote);
  std::size_t finish_line(const std::string_view* out, std::size_t feed, std::size_t max_line);
  // Makes room for `count` more fields after `out`, which points into fields_; returns where
  // it is now.
  [[gnu::cold, gnu::noinline]] std::string_view* grow_fields(std::string_view* out,
                                                             std::size_t count);
  // split_line with the masks of 64 bytes from `Masks::of`: SSE2, or AVX2 where the processor
  // has it (split_line_avx2).
  template <typename Masks>
  std::size_t split_line_with(std::string_view text, std::size_t max_line);
  std::size_t split_line_avx2(std::string_view text, std::size_t max_line);

  char delimiter_;
  bool in_quotes_ = false;
  std::string text_;  // the unquoted fields, back to back
  std::size_t field_start_ = 0;
  std::vector<std::pair<std::size_t, std::size_t>> field_bounds_;
  std::vector<std::string_view> fields_;  // the first field_count_ are the record's
  std::size_t field_count_ = 0;
  bool views_line_ = false;             // fields_ views the caller's line (no quotes, one line)
  [[maybe_unused]] bool avx2_ = false;  // split_line may use AVX2
};

}  // namespace kpi::csv
