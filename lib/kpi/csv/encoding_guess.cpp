// SPDX-License-Identifier: MIT
#include "kpi/csv/encoding_guess.hpp"

#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <optional>

namespace kpi::csv {
namespace {

// Enough text to judge, and a bound on the work for a multi-megabyte chunk.
constexpr std::size_t kBytesJudged = 64 * 1024;
// Below this score a single-byte reading is too weakly supported (one odd word, or two damaged
// bytes such as a stray 0xFF 0xFE) to be offered.
constexpr int kConvincingScore = 3;

constexpr std::array<std::string_view, 3> kSingleByteCandidates = {"CP1252", "ISO-8859-1",
                                                                   "MACINTOSH"};

std::optional<std::string> iconv_to_utf8(const char* from, std::string_view bytes) {
  const iconv_t handle = iconv_open("UTF-8", from);
  if (handle == reinterpret_cast<iconv_t>(-1)) {
    return std::nullopt;
  }
  std::string output(bytes.size() * 4 + 4, '\0');
  char* in = const_cast<char*>(bytes.data());  // iconv does not write through it
  std::size_t in_left = bytes.size();
  char* out = output.data();
  std::size_t out_left = output.size();
  const std::size_t result = iconv(handle, &in, &in_left, &out, &out_left);
  iconv_close(handle);
  if (result == static_cast<std::size_t>(-1)) {
    return std::nullopt;
  }
  output.resize(output.size() - out_left);
  return output;
}

// The code point of each byte 0x80–0xFF in a single-byte encoding, as iconv converts it; 0 for a
// byte the encoding leaves undefined (cp1252's 0x81, 0x8D, 0x8F, 0x90, 0x9D).
using HighHalf = std::array<char32_t, 128>;

HighHalf high_half_of(std::string_view encoding) {
  HighHalf table{};
  const std::string name(encoding);
  for (int byte = 0x80; byte <= 0xFF; ++byte) {
    const char raw = static_cast<char>(byte);
    const std::optional<std::string> utf8 = iconv_to_utf8(name.c_str(), std::string_view(&raw, 1));
    if (!utf8 || utf8->empty()) {
      continue;
    }
    const auto* b = reinterpret_cast<const unsigned char*>(utf8->data());
    char32_t code = 0;
    if (utf8->size() == 2) {
      code = ((b[0] & 0x1Fu) << 6) | (b[1] & 0x3Fu);
    } else if (utf8->size() == 3) {
      code = ((b[0] & 0x0Fu) << 12) | ((b[1] & 0x3Fu) << 6) | (b[2] & 0x3Fu);
    }
    table[static_cast<std::size_t>(byte - 0x80)] = code;
  }
  return table;
}

const HighHalf& high_half(std::size_t candidate) {
  static const std::array<HighHalf, kSingleByteCandidates.size()> tables = [] {
    std::array<HighHalf, kSingleByteCandidates.size()> all{};
    for (std::size_t i = 0; i < all.size(); ++i) {
      all[i] = high_half_of(kSingleByteCandidates[i]);
    }
    return all;
  }();
  return tables[candidate];
}

enum class Kind { Other, Upper, Lower, Mark, Symbol, Bad };

// The letters the three candidate encodings hold outside Latin-1: cp1252's Œ Š Ž Ÿ œ š ž ƒ and
// Mac Roman's ı and the fi/fl ligatures.
Kind kind_of(char32_t code) {
  if (code == 0 || (code >= 0x80 && code < 0xA0)) {
    return Kind::Bad;  // undefined, or a C1 control character: never in a text export
  }
  if ((code >= 0xC0 && code <= 0xDE && code != 0xD7) || code == 0x152 || code == 0x160 ||
      code == 0x178 || code == 0x17D) {
    return Kind::Upper;
  }
  if ((code >= 0xDF && code <= 0xFF && code != 0xF7) || code == 0x131 || code == 0x153 ||
      code == 0x161 || code == 0x17E || code == 0x192 || code == 0xB5 || code == 0xFB01 ||
      code == 0xFB02) {
    return Kind::Lower;
  }
  // Spaces, quotes, dashes, currency signs and the like, common in text.
  static constexpr char32_t kCommonMarks[] = {
      0xA0,   0xA1,   0xA3,   0xA7,   0xA9,   0xAB,   0xAE,   0xB0,   0xB4,
      0xB7,   0xBB,   0xBC,   0xBD,   0xBE,   0xBF,   0xD7,   0x2013, 0x2014,
      0x2018, 0x2019, 0x201C, 0x201D, 0x201E, 0x2022, 0x2026, 0x20AC, 0x2122};
  return std::find(std::begin(kCommonMarks), std::end(kCommonMarks), code) != std::end(kCommonMarks)
             ? Kind::Mark
             : Kind::Symbol;
}

bool is_letter(Kind kind) { return kind == Kind::Upper || kind == Kind::Lower; }

// The accented letters of Western European words weigh more than Ð, þ or ÿ, which a couple of
// damaged bytes produce as easily.
int letter_weight(char32_t code) {
  const bool common_lower = code >= 0xE0 && code <= 0xFC && code != 0xF0 && code != 0xF7;
  const bool common_upper = code >= 0xC0 && code <= 0xDC && code != 0xD0 && code != 0xD7;
  return common_lower || common_upper || code == 0xDF ? 2 : 1;
}

struct SingleByteReading {
  const HighHalf& table;
  std::string_view bytes;

  char32_t code_at(std::size_t i) const {
    const auto byte = static_cast<unsigned char>(bytes[i]);
    return byte < 0x80 ? char32_t{byte} : table[byte - 0x80u];
  }
  Kind kind_at(std::size_t i) const {
    const auto byte = static_cast<unsigned char>(bytes[i]);
    if (byte < 0x80) {
      return byte >= 'A' && byte <= 'Z'   ? Kind::Upper
             : byte >= 'a' && byte <= 'z' ? Kind::Lower
                                          : Kind::Other;
    }
    return kind_of(table[byte - 0x80u]);
  }

  // Each non-ASCII character scores by whether it fits where it stands: an accented letter
  // inside a word with the case of its neighbours, a quote or dash beside words, never a
  // control character.
  int score() const {
    int total = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      if (static_cast<unsigned char>(bytes[i]) < 0x80) {
        continue;
      }
      const Kind kind = kind_at(i);
      const Kind before = i > 0 ? kind_at(i - 1) : Kind::Other;
      const Kind after = i + 1 < bytes.size() ? kind_at(i + 1) : Kind::Other;
      const bool inside_word = is_letter(before) && is_letter(after);
      if (kind == Kind::Bad) {
        total -= 4;
      } else if (is_letter(kind)) {
        if (!is_letter(before) && !is_letter(after)) {
          continue;  // a letter alone tells little
        }
        const bool wrong_case =
            kind == Kind::Upper &&
            (before == Kind::Lower || (is_letter(before) && after == Kind::Lower));
        total += wrong_case ? -2 : letter_weight(code_at(i));
      } else if (kind == Kind::Mark) {
        const bool apostrophe = code_at(i) == 0x2019 || code_at(i) == 0xB4;
        total += inside_word && !apostrophe ? -1 : 1;
      } else {
        total -= inside_word ? 2 : 1;
      }
    }
    return total;
  }

  // The first word holding a non-ASCII letter, as it reads.
  std::string example() const {
    std::size_t start = 0;
    while (start < bytes.size()) {
      std::size_t end = start;
      bool has_accented_letter = false, all_letters = true;
      while (end < bytes.size() &&
             (is_letter(kind_at(end)) || static_cast<unsigned char>(bytes[end]) >= 0x80)) {
        const bool high = static_cast<unsigned char>(bytes[end]) >= 0x80;
        has_accented_letter = has_accented_letter || (high && is_letter(kind_at(end)));
        all_letters = all_letters && is_letter(kind_at(end));
        ++end;
      }
      if (has_accented_letter && all_letters && end - start >= 2 && end - start <= 40) {
        std::string word;
        for (std::size_t i = start; i < end; ++i) {
          append_utf8(code_at(i), word);
        }
        return word;
      }
      start = end + 1;
    }
    return {};
  }

  static void append_utf8(char32_t code, std::string& out) {
    if (code < 0x80) {
      out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (code >> 6)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xE0 | (code >> 12)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
  }
};

// The first run of Chinese characters, as GB18030 reads it.
std::string gb18030_example(std::string_view bytes) {
  const auto high = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]) >= 0x80; };
  std::size_t start = 0;
  while (start < bytes.size() && !high(start)) {
    ++start;
  }
  std::size_t end = start;
  while (end + 1 < bytes.size() && high(end) && end - start < 16) {
    end += 2;
  }
  return iconv_to_utf8("GB18030", bytes.substr(start, end - start)).value_or("");
}

// Control characters other than tab and line ends: a binary file, not text in any encoding.
bool has_control_bytes(std::string_view bytes) {
  return std::any_of(bytes.begin(), bytes.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7F;
  });
}

// Whether most non-ASCII bytes form UTF-8 sequences: UTF-8 text with a damaged character, whose
// multi-byte characters would read as accented letters in any single-byte encoding.
bool mostly_utf8(std::string_view bytes) {
  const auto at = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  std::size_t in_sequences = 0, stray = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    const unsigned char lead = at(i);
    const std::size_t length = lead < 0x80                    ? 1
                               : lead >= 0xC2 && lead <= 0xDF ? 2
                               : lead >= 0xE0 && lead <= 0xEF ? 3
                               : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                              : 0;
    bool valid = length > 0 && i + length <= bytes.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      valid = (at(i + k) & 0xC0) == 0x80;
    }
    if (valid && length > 1) {
      in_sequences += length;
      i += length;
    } else {
      stray += lead >= 0x80 ? 1 : 0;
      ++i;
    }
  }
  return in_sequences > stray;
}

bool has_non_ascii(std::string_view bytes) {
  return std::any_of(bytes.begin(), bytes.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

}  // namespace

bool reads_as_chinese_gb18030(std::string_view bytes, bool complete) {
  bytes = bytes.substr(0, kBytesJudged);
  complete = complete && bytes.size() < kBytesJudged;
  std::size_t common = 0, uncommon = 0;
  const auto at = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  for (std::size_t i = 0; i < bytes.size();) {
    const unsigned char lead = at(i);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    if (i + 1 >= bytes.size()) {
      return !complete;
    }
    const unsigned char second = at(i + 1);
    if (lead == 0x80 || lead == 0xFF) {
      return false;
    }
    if ((second >= 0x40 && second <= 0x7E) || (second >= 0x80 && second <= 0xFE)) {
      const bool gb2312_area = lead >= 0xA1 && lead <= 0xF7 && second >= 0xA1;
      ++(gb2312_area ? common : uncommon);
      i += 2;
    } else if (second >= 0x30 && second <= 0x39) {
      if (i + 3 >= bytes.size()) {
        return !complete;
      }
      if (at(i + 2) < 0x81 || at(i + 2) > 0xFE || at(i + 3) < 0x30 || at(i + 3) > 0x39) {
        return false;
      }
      ++uncommon;  // four-byte characters are rare in Chinese text
      i += 4;
    } else {
      return false;
    }
  }
  return uncommon * 4 <= common;
}

std::vector<EncodingGuess> likely_encodings(std::string_view bytes, bool complete,
                                            std::string_view except) {
  bytes = bytes.substr(0, kBytesJudged);
  std::vector<EncodingGuess> guesses;
  if (!has_non_ascii(bytes) || has_control_bytes(bytes)) {
    return guesses;
  }
  if (reads_as_chinese_gb18030(bytes, complete)) {
    if (except != "GB18030") {
      guesses.push_back({"GB18030", gb18030_example(bytes)});
    }
    return guesses;
  }
  if (mostly_utf8(bytes)) {
    return guesses;
  }
  std::array<int, kSingleByteCandidates.size()> scores{};
  for (std::size_t i = 0; i < scores.size(); ++i) {
    scores[i] = SingleByteReading{high_half(i), bytes}.score();
  }
  std::array<std::size_t, kSingleByteCandidates.size()> order{};
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  // Candidates tied at a score keep the table's order: cp1252 before Latin-1, which it extends.
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
  const int best = scores[order.front()];
  for (const std::size_t i : order) {
    if (scores[i] >= kConvincingScore && scores[i] * 2 >= best &&
        kSingleByteCandidates[i] != except) {
      guesses.push_back({std::string(kSingleByteCandidates[i]),
                         SingleByteReading{high_half(i), bytes}.example()});
    }
  }
  return guesses;
}

std::string describe_guesses(const std::vector<EncodingGuess>& guesses) {
  std::string text;
  for (const EncodingGuess& guess : guesses) {
    text += text.empty() ? guess.name : " or " + guess.name;
    if (text == guess.name && !guess.example.empty()) {
      text += fmt::format(" (\"{}\")", guess.example);
    }
  }
  return text;
}

std::string how_to_name_encoding(const EncodingGuess& guess) {
  return fmt::format("--encoding {0} for kpi inspect, encoding = \"{0}\" in the library's source",
                     guess.name);
}

}  // namespace kpi::csv
