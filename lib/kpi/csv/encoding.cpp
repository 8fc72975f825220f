// SPDX-License-Identifier: MIT
#include "kpi/csv/encoding.hpp"

#include <algorithm>
#include <cctype>

#include "kpi/csv/utf8.hpp"

namespace kpi::csv {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";

// In UTF-16 text that is mostly ASCII, every other byte is zero: the odd ones in little
// endian, the even ones in big endian.
Encoding guess_utf16_without_bom(std::string_view sample) {
  std::size_t zero_even = 0, zero_odd = 0;
  for (std::size_t i = 0; i < sample.size(); ++i) {
    if (sample[i] == '\0') {
      ++(i % 2 == 0 ? zero_even : zero_odd);
    }
  }
  const std::size_t pairs = sample.size() / 2;
  if (pairs >= 2 && zero_odd * 10 >= pairs * 3 && zero_even * 10 < pairs) {
    return {"UTF-16LE", 0, true};
  }
  if (pairs >= 2 && zero_even * 10 >= pairs * 3 && zero_odd * 10 < pairs) {
    return {"UTF-16BE", 0, true};
  }
  return {};
}

std::string folded_name(std::string_view requested) {
  std::string folded;
  for (char c : requested) {
    if (c != '-' && c != '_' && c != ' ') {
      folded.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return folded;
}

}  // namespace

std::string Encoding::describe() const { return bom_length > 0 ? name + " with BOM" : name; }

Encoding detect_encoding(std::string_view sample, bool complete) {
  if (sample.starts_with(kUtf8Bom)) {
    return {"UTF-8", kUtf8Bom.size(), true};
  }
  if (sample.starts_with(kUtf16LeBom)) {
    return {"UTF-16LE", kUtf16LeBom.size(), true};
  }
  if (sample.starts_with(kUtf16BeBom)) {
    return {"UTF-16BE", kUtf16BeBom.size(), true};
  }
  if (Encoding utf16 = guess_utf16_without_bom(sample); !utf16.name.empty()) {
    return utf16;
  }
  const Utf8Check check = check_utf8(sample);
  if (check.ok(sample.size()) || (check.truncated && !complete)) {
    return {"UTF-8", 0, true};
  }
  // GBK text almost never passes as UTF-8 for a whole line of Chinese: a header that does is
  // UTF-8, and the bad bytes further on are damage to report, not a sign of GB18030.
  const std::size_t first_line_end = std::min(sample.find('\n'), sample.size());
  const std::string_view first_line = sample.substr(0, first_line_end);
  const bool has_non_ascii = std::any_of(first_line.begin(), first_line.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80;
  });
  if (has_non_ascii && check.valid_length >= first_line_end) {
    return {"UTF-8", 0, true};
  }
  return {"GB18030", 0, true};
}

Encoding named_encoding(std::string_view requested, std::string_view sample) {
  const std::string folded = folded_name(requested);
  Encoding encoding{std::string(requested), 0, false};
  if (folded == "utf8" || folded == "utf8sig") {
    encoding.name = "UTF-8";
  } else if (folded == "utf16le" || folded == "utf16be") {
    encoding.name = folded == "utf16le" ? "UTF-16LE" : "UTF-16BE";
  } else if (folded == "utf16") {
    encoding.name = sample.starts_with(kUtf16BeBom) ? "UTF-16BE" : "UTF-16LE";
  } else if (folded == "gbk" || folded == "gb2312" || folded == "gb18030" || folded == "cp936") {
    encoding.name = "GB18030";
  }
  if ((encoding.name == "UTF-8" && sample.starts_with(kUtf8Bom)) ||
      (encoding.name == "UTF-16LE" && sample.starts_with(kUtf16LeBom)) ||
      (encoding.name == "UTF-16BE" && sample.starts_with(kUtf16BeBom))) {
    encoding.bom_length = encoding.name == "UTF-8" ? kUtf8Bom.size() : kUtf16LeBom.size();
  }
  return encoding;
}

}  // namespace kpi::csv
