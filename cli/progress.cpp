// SPDX-License-Identifier: MIT
#include "progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>

#include "output.hpp"

namespace kpi::cli {
namespace {

using Clock = std::chrono::steady_clock;
// Redrawn at most this often: a terminal is slow, and the rows are many.
constexpr auto kRedraw = std::chrono::milliseconds(200);
// A run shorter than this shows no progress; KPI_PROGRESS_AFTER_MS changes it (0: at once).
constexpr auto kFirstDraw = std::chrono::milliseconds(1000);

std::chrono::milliseconds first_draw() {
  const char* text = std::getenv("KPI_PROGRESS_AFTER_MS");
  if (text == nullptr || *text == '\0') {
    return kFirstDraw;
  }
  char* end = nullptr;
  const long milliseconds = std::strtol(text, &end, 10);
  return *end == '\0' && milliseconds >= 0 ? std::chrono::milliseconds(milliseconds) : kFirstDraw;
}

struct ProgressLine {
  std::mutex mutex;
  std::map<std::string, std::uint64_t, std::less<>> rows;  // per source
  Clock::time_point started = Clock::now();
  std::chrono::milliseconds wait = first_draw();
  Clock::time_point drawn{};
  bool shown = false;
};

ProgressLine& line() {
  static ProgressLine progress;
  return progress;
}

std::string rows_text(std::uint64_t rows) {
  return rows >= 1'000'000 ? fmt::format("{:.1f} M rows", static_cast<double>(rows) / 1e6)
                           : fmt::format("{} k rows", rows / 1000);
}

}  // namespace

std::function<void(std::string_view, std::uint64_t)> progress_reporter() {
  if (is_quiet() || isatty(STDERR_FILENO) == 0) {
    return {};
  }
  line();  // the clock of the first draw starts now
  return [](std::string_view source, std::uint64_t rows) {
    ProgressLine& progress = line();
    const std::lock_guard lock(progress.mutex);
    auto found = progress.rows.find(source);
    if (found == progress.rows.end()) {
      found = progress.rows.emplace(std::string(source), 0).first;
    }
    found->second += rows;
    const Clock::time_point now = Clock::now();
    if (now - progress.started < progress.wait || now - progress.drawn < kRedraw) {
      return;
    }
    progress.drawn = now;
    progress.shown = true;
    std::fprintf(stderr, "\r\033[Kkpi: reading %s: %s", found->first.c_str(),
                 rows_text(found->second).c_str());
    std::fflush(stderr);
  };
}

void clear_progress() {
  ProgressLine& progress = line();
  const std::lock_guard lock(progress.mutex);
  if (progress.shown) {
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    progress.shown = false;
  }
}

}  // namespace kpi::cli
