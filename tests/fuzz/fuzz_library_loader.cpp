// SPDX-License-Identifier: MIT
// libFuzzer target: any text as a KPI library, through loading and checking.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kpi/core/diagnostic.hpp"
#include "kpi/library/compiled_library.hpp"
#include "kpi/library/library_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const kpi::library::Library library = kpi::library::load_library_text(text, "fuzz.toml");
    (void)kpi::library::compile_library(library);
  } catch (const kpi::Error&) {
  }
  return 0;
}
