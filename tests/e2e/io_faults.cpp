// SPDX-License-Identifier: MIT
// An LD_PRELOAD shim for the end-to-end scripts, to put a run in situations that are hard to
// reach otherwise. It replaces fsync(2):
//   KPI_TEST_FSYNC_DELAY=N        each fsync sleeps N seconds first (a signal lands mid-write);
//   KPI_TEST_FSYNC_FAIL_AFTER=N   the fsyncs after the first N fail with ENOSPC (a full disk).
// Otherwise fsync returns 0 without syncing: the tests' files need no durability.
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

extern "C" int fsync(int) {
  static int calls = 0;
  ++calls;
  if (const char* delay = std::getenv("KPI_TEST_FSYNC_DELAY")) {
    ::sleep(static_cast<unsigned>(std::atoi(delay)));
  }
  if (const char* after = std::getenv("KPI_TEST_FSYNC_FAIL_AFTER")) {
    if (calls > std::atoi(after)) {
      errno = ENOSPC;
      return -1;
    }
  }
  return 0;
}
