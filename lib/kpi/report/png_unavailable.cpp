// SPDX-License-Identifier: MIT
// The png format in a build without cairo and pango: it says what to install.
#include "kpi/core/diagnostic.hpp"
#include "kpi/report/png_output.hpp"

namespace kpi::report {

void check_png_available() {
  throw Error({"usage.png-unavailable", std::string(kPngRequirement), {}});
}

std::string render_report_png(const Report&) {
  throw Error({"usage.png-unavailable", std::string(kPngRequirement), {}});
}

}  // namespace kpi::report
