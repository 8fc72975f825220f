// SPDX-License-Identifier: MIT
// Private to lib/kpi/csv: the vectorised part of UTF-8 validation.
#pragma once

#include <cstddef>

namespace kpi::csv::detail {

/// Validates whole 64-byte steps from the start of `bytes` with AVX2, when the processor has
/// it, and returns a character boundary up to which the bytes are valid UTF-8: the start of the
/// first step with a problem, or of the character that the last step leaves unfinished.
/// The caller checks the rest byte by byte, which also locates any problem exactly. Returns 0
/// without AVX2.
std::size_t valid_utf8_prefix(const unsigned char* bytes, std::size_t size);

}  // namespace kpi::csv::detail
