// SPDX-License-Identifier: MIT
// Private to lib/kpi/csv: a faster decoder for GB18030 (which GBK, GB2312 and CP936 are read as).
#pragma once

#include <memory>

#include "kpi/csv/decoder.hpp"

namespace kpi::csv::detail {

/// Decodes GB18030 with a table of every two-byte character, made once from iconv's own
/// conversion of each pair: runs of ASCII are copied and pairs looked up. Everything else (the
/// four-byte sequences, bytes iconv rejects, a character cut by the end of the chunk) goes to
/// `iconv_decoder` one character at a time, so the output and the errors are iconv's.
std::unique_ptr<Decoder> make_gb18030_decoder(std::unique_ptr<Decoder> iconv_decoder);

}  // namespace kpi::csv::detail
