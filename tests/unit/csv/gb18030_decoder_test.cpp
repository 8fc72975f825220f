// SPDX-License-Identifier: MIT
// The table-driven GB18030 decoder against iconv alone, which it must match byte for byte,
// errors included.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "kpi/csv/decoder.hpp"

namespace {

using kpi::csv::Decoder;
using kpi::csv::Encoding;

struct Decoded {
  std::string text;
  bool invalid = false;
  bool truncated = false;
  std::size_t error_offset = 0;
};

// Feeds `bytes` in chunks of `chunk` bytes, as the reader does: what a step leaves unconsumed
// is offered again in front of the next chunk.
Decoded decode_in_chunks(Decoder& decoder, const std::string& bytes, std::size_t chunk) {
  Decoded decoded;
  std::string pending;
  std::size_t offset = 0;  // of pending's first byte
  for (std::size_t next = 0;;) {
    const std::size_t take = std::min(chunk, bytes.size() - next);
    pending.append(bytes, next, take);
    next += take;
    const bool at_end = next == bytes.size();
    const auto step = decoder.decode_appending(pending, at_end, decoded.text);
    if (step.invalid) {
      decoded.invalid = true;
      decoded.truncated = step.truncated;
      decoded.error_offset = offset + step.consumed;
      return decoded;
    }
    pending.erase(0, step.consumed);
    offset += step.consumed;
    if (at_end) {
      REQUIRE(pending.empty());
      return decoded;
    }
  }
}

// iconv alone: the name differs in case only, so make_decoder does not pick the table.
Decoded with_iconv(const std::string& bytes, std::size_t chunk) {
  const auto decoder = kpi::csv::make_decoder(Encoding{"gb18030", 0, false});
  return decode_in_chunks(*decoder, bytes, chunk);
}

Decoded with_table(const std::string& bytes, std::size_t chunk) {
  const auto decoder = kpi::csv::make_decoder(Encoding{"GB18030", 0, false});
  return decode_in_chunks(*decoder, bytes, chunk);
}

void check_same(const std::string& bytes, std::size_t chunk) {
  const Decoded expected = with_iconv(bytes, chunk);
  const Decoded actual = with_table(bytes, chunk);
  INFO(bytes.size(), " bytes in chunks of ", chunk);
  REQUIRE(actual.invalid == expected.invalid);
  REQUIRE(actual.truncated == expected.truncated);
  REQUIRE(actual.error_offset == expected.error_offset);
  REQUIRE(actual.text == expected.text);
}

// Decodes `bytes` whole into outputs of `room` bytes at a time, as the reader decodes into its
// blocks: a step stopped for want of room is offered the rest with a fresh output.
Decoded decode_in_rooms(Decoder& decoder, const std::string& bytes, std::size_t room) {
  Decoded decoded;
  std::string output(room, '\0');
  for (std::size_t offset = 0;;) {
    const auto step = decoder.decode(std::string_view(bytes).substr(offset), true, output);
    REQUIRE(step.produced <= room);
    decoded.text.append(output, 0, step.produced);
    offset += step.consumed;
    if (step.invalid) {
      decoded.invalid = true;
      decoded.truncated = step.truncated;
      decoded.error_offset = offset;
      return decoded;
    }
    if (!step.output_full) {
      REQUIRE(offset == bytes.size());
      return decoded;
    }
    REQUIRE((step.consumed > 0 || room < Decoder::kMaxCharacterBytes));
  }
}

void check_same_in_rooms(const std::string& encoding, const std::string& bytes) {
  const auto whole = kpi::csv::make_decoder(Encoding{encoding, 0, false});
  const Decoded expected = decode_in_chunks(*whole, bytes, bytes.size() + 1);
  for (std::size_t room = Decoder::kMaxCharacterBytes; room <= 40; ++room) {
    const auto decoder = kpi::csv::make_decoder(Encoding{encoding, 0, false});
    const Decoded actual = decode_in_rooms(*decoder, bytes, room);
    INFO(encoding, ": ", bytes.size(), " bytes into outputs of ", room);
    REQUIRE(actual.invalid == expected.invalid);
    REQUIRE(actual.error_offset == expected.error_offset);
    REQUIRE(actual.text == expected.text);
  }
}

}  // namespace

TEST_SUITE("csv.gb18030") {
  TEST_CASE("decoding into small outputs gives the same text and errors as decoding whole") {
    // 实收金额 门店 in GB18030, a four-byte sequence, ASCII runs longer than 16 bytes, then an
    // invalid byte.
    const std::string text =
        "\xCA\xB5\xCA\xD5\xBD\xF0\xB6\xEE,\x95\x32\x82\x36,SH01-0123456789abcdef,"
        "\xC3\xC5\xB5\xEA\r\n2025-06-01 10:00:00,\xCA\xB5\xCA\xD5\n\xFF";
    check_same_in_rooms("GB18030", text);  // the table
    check_same_in_rooms("gb18030", text);  // iconv alone
    const std::string utf8 = "实收金额,\xF0\xA0\x80\x80,SH01-0123456789abcdef,门店\r\n\xFF";
    check_same_in_rooms("UTF-8", utf8);
    CHECK(decode_in_rooms(*kpi::csv::make_decoder(Encoding{"GB18030", 0, false}), text, 5).text ==
          "实收金额,\xF0\xA0\x80\x80,SH01-0123456789abcdef,门店\r\n"
          "2025-06-01 10:00:00,实收\n");
  }

  TEST_CASE("Chinese, ASCII and four-byte sequences decode as iconv decodes them") {
    // 实收金额 in GB18030, then U+20000 (a four-byte sequence), then ASCII.
    const std::string text = "\xCA\xB5\xCA\xD5\xBD\xF0\xB6\xEE,\x95\x32\x82\x36,SH01\r\n";
    CHECK(with_table(text, 1 << 20).text == "实收金额,\xF0\xA0\x80\x80,SH01\r\n");
    for (std::size_t chunk = 1; chunk <= text.size(); ++chunk) {
      check_same(text, chunk);
    }
  }

  TEST_CASE("every two-byte pair, alone between ASCII, decodes as iconv decodes it") {
    for (int lead = 0x80; lead <= 0xFF; ++lead) {
      std::string all;
      for (int trail = 0x00; trail <= 0xFF; ++trail) {
        const std::string pair = {'a', static_cast<char>(lead), static_cast<char>(trail), 'z'};
        check_same(pair, 4);
        if (!with_iconv(pair, 4).invalid) {
          all += pair;
        }
      }
      check_same(all, 1 << 20);  // the valid ones of this lead in one run
      check_same(all, 7);
    }
  }

  TEST_CASE("random text with damage, in random chunks") {
    std::mt19937 random(18030);
    const std::string pieces[] = {
        "a",        ",",    "\n",  "\xCA\xB5", "\xB5\xEA", "\x95\x32\x82\x36", "\x81\x30\x81\x30",
        "\xA1\xA1", "\x80", "\xFF"};
    for (int round = 0; round < 3000; ++round) {
      std::string text;
      const auto length = random() % 120;
      while (text.size() < length) {
        text += pieces[random() % std::size(pieces)];
      }
      if (!text.empty() && random() % 3 == 0) {
        text[random() % text.size()] = static_cast<char>(random() % 256);
      }
      check_same(text, 1 + random() % 16);
    }
  }
}
