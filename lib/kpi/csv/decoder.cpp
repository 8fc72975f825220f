// SPDX-License-Identifier: MIT
#include "kpi/csv/decoder.hpp"

#include <fmt/format.h>
#include <iconv.h>

#include <cerrno>

#include "kpi/core/diagnostic.hpp"
#include "kpi/csv/gb18030_decoder.hpp"
#include "kpi/csv/utf8.hpp"

namespace kpi::csv {
namespace {

class Utf8Decoder final : public Decoder {
 public:
  DecodeStep decode(std::string_view input, bool at_end, std::string& output) override {
    const Utf8Check check = check_utf8(input);
    output.append(input.substr(0, check.valid_length));
    const bool invalid = !check.ok(input.size()) && (!check.truncated || at_end);
    return {check.valid_length, invalid, invalid && check.truncated};
  }
};

class IconvDecoder final : public Decoder {
 public:
  explicit IconvDecoder(const std::string& from) : handle_(iconv_open("UTF-8", from.c_str())) {
    if (handle_ == reinterpret_cast<iconv_t>(-1)) {
      throw Error({"usage.encoding",
                   fmt::format("unknown encoding \"{}\" (try UTF-8, UTF-16LE, UTF-16BE, GB18030 "
                               "or any name `iconv --list` shows)",
                               from),
                   {}});
    }
  }
  IconvDecoder(const IconvDecoder&) = delete;
  IconvDecoder& operator=(const IconvDecoder&) = delete;
  ~IconvDecoder() override { iconv_close(handle_); }

  DecodeStep decode(std::string_view input, bool at_end, std::string& output) override {
    // iconv takes a non-const input pointer but does not write through it.
    char* in = const_cast<char*>(input.data());
    std::size_t in_left = input.size();
    while (in_left > 0) {
      const std::size_t old_size = output.size();
      output.resize(old_size + in_left * 2 + 16);  // UTF-8 needs at most 3 bytes per 2 input
      char* out = output.data() + old_size;
      std::size_t out_left = output.size() - old_size;
      const std::size_t result = iconv(handle_, &in, &in_left, &out, &out_left);
      output.resize(output.size() - out_left);
      if (result != static_cast<std::size_t>(-1) || errno == E2BIG) {
        continue;
      }
      const std::size_t consumed = input.size() - in_left;
      // EINVAL: an incomplete character at the end, which the next chunk may complete.
      const bool truncated = errno == EINVAL;
      return {consumed, !truncated || at_end, truncated && at_end};
    }
    return {input.size(), false};
  }

 private:
  iconv_t handle_;
};

}  // namespace

bool is_known_encoding(std::string_view name) {
  const Encoding encoding = named_encoding(name, "");
  if (encoding.is_utf8()) {
    return true;
  }
  const iconv_t handle = iconv_open("UTF-8", encoding.name.c_str());
  if (handle == reinterpret_cast<iconv_t>(-1)) {
    return false;
  }
  iconv_close(handle);
  return true;
}

std::unique_ptr<Decoder> make_decoder(const Encoding& encoding) {
  if (encoding.is_utf8()) {
    return std::make_unique<Utf8Decoder>();
  }
  auto iconv_decoder = std::make_unique<IconvDecoder>(encoding.name);
  if (encoding.name == "GB18030") {
    return detail::make_gb18030_decoder(std::move(iconv_decoder));
  }
  return iconv_decoder;
}

}  // namespace kpi::csv
