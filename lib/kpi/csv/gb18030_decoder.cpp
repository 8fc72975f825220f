// SPDX-License-Identifier: MIT
#include "kpi/csv/gb18030_decoder.hpp"

#include <iconv.h>

#include <array>
#include <cstdint>
#include <cstring>

#include "kpi/csv/ascii_word.hpp"

namespace kpi::csv::detail {
namespace {

// Two-byte characters: a lead byte 0x81..0xFE, a trail byte 0x40..0xFF (0x30..0x39 starts a
// four-byte sequence instead, which the table leaves to iconv).
constexpr unsigned kFirstLead = 0x81, kLastLead = 0xFE, kFirstTrail = 0x40;
constexpr std::size_t kTrails = 0x100 - kFirstTrail;

// A pair's UTF-8: at most three bytes, as two-byte characters are all in the BMP. Length 0
// marks a pair iconv does not turn into one character. Four bytes in all, so that an entry is
// copied with one store.
struct PairUtf8 {
  char bytes[3];
  std::uint8_t length;
};
static_assert(sizeof(PairUtf8) == 4);
using PairTable = std::array<PairUtf8, (kLastLead - kFirstLead + 1) * kTrails>;

PairTable make_pair_table() {
  PairTable table{};
  const iconv_t handle = iconv_open("UTF-8", "GB18030");
  if (handle == reinterpret_cast<iconv_t>(-1)) {
    return table;  // every pair goes to the iconv decoder, which reports the problem
  }
  for (unsigned lead = kFirstLead; lead <= kLastLead; ++lead) {
    for (unsigned trail = kFirstTrail; trail <= 0xFF; ++trail) {
      char pair[2] = {static_cast<char>(lead), static_cast<char>(trail)};
      char utf8[8];
      char* in = pair;
      char* out = utf8;
      std::size_t in_left = sizeof pair, out_left = sizeof utf8;
      iconv(handle, nullptr, nullptr, nullptr, nullptr);  // a fresh state for every pair
      const std::size_t result = iconv(handle, &in, &in_left, &out, &out_left);
      const auto length = static_cast<std::size_t>(out - utf8);
      if (result == static_cast<std::size_t>(-1) || in_left != 0 || length == 0 || length > 3) {
        continue;
      }
      PairUtf8& entry = table[(lead - kFirstLead) * kTrails + (trail - kFirstTrail)];
      std::memcpy(entry.bytes, utf8, length);
      entry.length = static_cast<std::uint8_t>(length);
    }
  }
  iconv_close(handle);
  return table;
}

const PairTable& pair_table() {
  static const PairTable table = make_pair_table();  // built once, on first use, thread-safe
  return table;
}

class Gb18030Decoder final : public Decoder {
 public:
  explicit Gb18030Decoder(std::unique_ptr<Decoder> iconv_decoder)
      : iconv_decoder_(std::move(iconv_decoder)), table_(pair_table()) {}

  DecodeStep decode(std::string_view input, bool at_end, std::span<char> output) override {
    const auto* bytes = reinterpret_cast<const unsigned char*>(input.data());
    const std::size_t size = input.size();
    std::size_t position = 0;
    std::size_t produced = 0;
    for (;;) {
      const Progress plain = decode_plain(bytes, size, position, output, produced);
      position = plain.position;
      produced = plain.produced;
      if (position == size) {
        return {size, produced, false, false, false};
      }
      // One character through iconv: up to four bytes, the longest GB18030 sequence.
      const std::string_view piece = input.substr(position, 4);
      const bool piece_ends_input = position + piece.size() == size;
      const DecodeStep step =
          iconv_decoder_->decode(piece, at_end && piece_ends_input, output.subspan(produced));
      produced += step.produced;
      if (step.invalid) {
        return {position + step.consumed, produced, true, step.truncated, false};
      }
      if (step.output_full) {
        return {position + step.consumed, produced, false, false, true};
      }
      if (step.consumed == 0) {
        if (piece_ends_input) {
          return {position, produced, false, false, false};  // cut by the end of the chunk
        }
        // Not expected of GB18030; the rest then goes to iconv whole, which is always right.
        const DecodeStep rest =
            iconv_decoder_->decode(input.substr(position), at_end, output.subspan(produced));
        return {position + rest.consumed, produced + rest.produced, rest.invalid, rest.truncated,
                rest.output_full};
      }
      position += step.consumed;
    }
  }

 private:
  struct Progress {
    std::size_t position;
    std::size_t produced;
  };

  // The widest step of the fast loop: a block of 16 ASCII bytes, stored whole.
  static constexpr std::size_t kWidestStep = 16;

  // Decodes ASCII and table pairs from `position` into `output` from `produced` on, while
  // there is room for the widest step; returns where it stopped, at a byte it cannot decode
  // (iconv's then) or for want of room.
  Progress decode_plain(const unsigned char* bytes, std::size_t size, std::size_t position,
                        std::span<char> output, std::size_t produced) const {
    char* out = output.data() + produced;
    char* const end = output.data() + output.size();
    // A local copy: stores through `out` (a char*) could alias the member, which would then be
    // loaded again after every character.
    const PairUtf8* const table = table_.data();
    while (position < size && static_cast<std::size_t>(end - out) >= kWidestStep) {
      // ASCII (digits, codes, delimiters) sixteen bytes at a time: the block is stored whole
      // and only its ASCII prefix kept.
      if (size - position >= kWidestStep) {
        const std::size_t ascii = copy_ascii_prefix(bytes + position, out);
        out += ascii;
        position += ascii;
        if (ascii == kWidestStep) {
          continue;
        }
      } else if (bytes[position] < 0x80) {
        *out++ = static_cast<char>(bytes[position++]);
        continue;
      }
      // A run of two-byte characters (a name, an address), one table entry each.
      while (position + 1 < size && static_cast<std::size_t>(end - out) >= sizeof(PairUtf8)) {
        const unsigned char lead = bytes[position];
        const unsigned char trail = bytes[position + 1];
        if (lead < kFirstLead || lead > kLastLead || trail < kFirstTrail) {
          break;
        }
        const PairUtf8& entry = table[(lead - kFirstLead) * kTrails + (trail - kFirstTrail)];
        if (entry.length == 0) {
          break;
        }
        std::memcpy(out, &entry, sizeof entry);  // four bytes; only `length` of them are kept
        out += entry.length;
        position += 2;
      }
      if (position < size && bytes[position] >= 0x80) {
        break;  // not a table pair, or too little room: iconv decides
      }
    }
    return {position, static_cast<std::size_t>(out - output.data())};
  }

  std::unique_ptr<Decoder> iconv_decoder_;
  const PairTable& table_;
};

}  // namespace

std::unique_ptr<Decoder> make_gb18030_decoder(std::unique_ptr<Decoder> iconv_decoder) {
  return std::make_unique<Gb18030Decoder>(std::move(iconv_decoder));
}

}  // namespace kpi::csv::detail
