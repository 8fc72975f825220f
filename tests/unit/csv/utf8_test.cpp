// SPDX-License-Identifier: MIT
#include "kpi/csv/utf8.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <string_view>

using kpi::csv::check_utf8;

TEST_SUITE("csv.utf8") {
  TEST_CASE("ASCII and Chinese text are valid") {
    const std::string ascii = "plain ascii, long enough for the 8-byte path";
    CHECK(check_utf8(ascii).ok(ascii.size()));
    const std::string chinese = "实收金额 ¥1,234";
    CHECK(check_utf8(chinese).ok(chinese.size()));
  }

  TEST_CASE("the first invalid byte is located") {
    CHECK(check_utf8("ab\xFF"
                     "cd")
              .valid_length == 2);
    CHECK_FALSE(check_utf8("ab\xFF"
                           "cd")
                    .truncated);
    CHECK(check_utf8("\xC0\xAF").valid_length == 0);          // overlong '/'
    CHECK(check_utf8("\xED\xA0\x80").valid_length == 0);      // surrogate U+D800
    CHECK(check_utf8("\xF4\x90\x80\x80").valid_length == 0);  // above U+10FFFF
    CHECK(check_utf8("\xE5\xAE\x9E\x41\x80").valid_length == 4);
  }

  TEST_CASE("a character cut by the end is reported as truncated") {
    const auto check = check_utf8("ok\xE5\xAE");
    CHECK(check.valid_length == 2);
    CHECK(check.truncated);
  }

  TEST_CASE("GBK text is not UTF-8") {
    // 实收 in GBK
    CHECK_FALSE(check_utf8("\xCA\xB5\xCA\xD5").ok(4));
  }
}

namespace {

// The reference: `text` checked in pieces of 31 bytes, too short for the 64-byte steps, so
// only the byte-by-byte path runs. A piece that cuts a character restarts at its lead byte.
kpi::csv::Utf8Check check_in_short_pieces(std::string_view text) {
  std::size_t position = 0;
  while (position < text.size()) {
    const std::string_view piece = text.substr(position, 31);
    const auto check = check_utf8(piece);
    if (check.ok(piece.size())) {
      position += piece.size();
    } else if (check.truncated && position + piece.size() < text.size()) {
      position += check.valid_length;
    } else {
      return {position + check.valid_length, check.truncated};
    }
  }
  return {text.size(), false};
}

void check_agrees(const std::string& text) {
  const auto fast = check_utf8(text);
  const auto reference = check_in_short_pieces(text);
  INFO("text of ", text.size(), " bytes");
  REQUIRE(fast.valid_length == reference.valid_length);
  REQUIRE(fast.truncated == reference.truncated);
}

}  // namespace

TEST_SUITE("csv.utf8") {
  TEST_CASE("long texts are checked block-wise with the byte-by-byte results") {
    const std::string row =
        "XS2024010100000000,2024-01-01 10:25:47,BJ005,悦颜·北京丰台店,罗博娟,"
        "企业微信私域,背部深层清洁,209.05,😀 é\n";
    std::string text;
    for (int i = 0; i < 20; ++i) {
      text += row;
    }
    CHECK(check_utf8(text).ok(text.size()));
    check_agrees(text);
    // Cut at every length: a character split by the end is truncated, never invalid.
    for (std::size_t length = 0; length <= 200; ++length) {
      check_agrees(text.substr(0, length));
    }
  }

  TEST_CASE("every byte pair at every position around a block boundary") {
    // Boundaries between a step's two 32-byte blocks (31|32, 95|96), between steps (63|64) and
    // between the last step and the bytes checked one by one (127|128).
    const std::string background(160, 'a');
    for (int first = 0x80; first < 0x100; ++first) {
      for (int second = 0; second < 0x100; ++second) {
        for (std::size_t at : {31U, 62U, 63U, 95U, 127U}) {
          std::string text = background;
          text[at] = static_cast<char>(first);
          text[at + 1] = static_cast<char>(second);
          check_agrees(text);
        }
      }
    }
  }

  TEST_CASE("three- and four-byte sequences, valid and broken, across block boundaries") {
    const int endings[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xE4, 0xFF};
    for (int lead = 0xE0; lead < 0x100; ++lead) {
      for (int second = 0x70; second < 0xD0; ++second) {
        for (int third : endings) {
          for (int fourth : {0x41, 0x80, 0xBF, 0xC2}) {
            for (std::size_t at : {29U, 30U, 31U, 61U, 62U}) {
              std::string text =
                  "实收金额,2025-06-01,实收金额,2025-06-01,实收金额,2025-06-01,实收金额";
              text[at] = static_cast<char>(lead);
              text[at + 1] = static_cast<char>(second);
              text[at + 2] = static_cast<char>(third);
              text[at + 3] = static_cast<char>(fourth);
              check_agrees(text);
            }
          }
        }
      }
    }
  }

  TEST_CASE("random mixed texts with random damage") {
    std::mt19937 random(20251122);
    const std::string pieces[] = {"a", "0123456789", ",", "实", "é", "😀", "\n", "·"};
    for (int round = 0; round < 20000; ++round) {
      std::string text;
      const auto length = random() % 300;
      while (text.size() < length) {
        text += pieces[random() % std::size(pieces)];
      }
      if (!text.empty() && random() % 2 == 0) {
        text[random() % text.size()] = static_cast<char>(random() % 256);
      }
      if (!text.empty() && random() % 4 == 0) {
        text.resize(random() % text.size());
      }
      check_agrees(text);
    }
  }
}
