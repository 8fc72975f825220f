// SPDX-License-Identifier: MIT
#include "kpi/store/table_memory.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <vector>

namespace kpi::store::table_memory {
namespace {

constexpr std::size_t kPageBytes = 4096;
constexpr std::size_t kHugePageBytes = std::size_t{2} << 20;
// Address space only: a region's pages are backed as the tables first touch them.
constexpr std::size_t kRegionBytes = std::size_t{64} << 20;

std::size_t round_up(std::size_t bytes, std::size_t unit) {
  return (bytes + unit - 1) / unit * unit;
}

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() { release(); }

  void* allocate(std::size_t bytes) {
    bytes = round_up(bytes, kPageBytes);
    const std::lock_guard lock(mutex_);
    void* block = take_free(bytes);
    if (block == nullptr) {
      if (static_cast<std::size_t>(end_ - next_) < bytes) {
        add_region(bytes);
      }
      block = next_;
      next_ += bytes;
    }
    ++live_blocks_;
    return block;
  }

  void deallocate(void* block, std::size_t bytes) noexcept {
    const std::lock_guard lock(mutex_);
    add_free(static_cast<char*>(block), round_up(bytes, kPageBytes));
    if (--live_blocks_ == 0) {
      release();
    }
  }

  std::size_t reserved_bytes() {
    const std::lock_guard lock(mutex_);
    std::size_t total = 0;
    for (const Region& region : regions_) {
      total += region.bytes;
    }
    return total;
  }

 private:
  // A free block holds its own list entry, so freeing never allocates.
  struct FreeBlock {
    FreeBlock* next;
    std::size_t bytes;
  };
  struct Region {
    char* start;
    std::size_t bytes;
  };

  // The smallest free block that holds `bytes`, less what it does not need, which stays free.
  void* take_free(std::size_t bytes) {
    FreeBlock** best = nullptr;
    for (FreeBlock** link = &free_; *link != nullptr; link = &(*link)->next) {
      if ((*link)->bytes >= bytes && (best == nullptr || (*link)->bytes < (*best)->bytes)) {
        best = link;
      }
    }
    if (best == nullptr) {
      return nullptr;
    }
    FreeBlock* block = *best;
    *best = block->next;
    if (block->bytes > bytes) {
      add_free(reinterpret_cast<char*>(block) + bytes, block->bytes - bytes);
    }
    return block;
  }

  // Free blocks are kept in address order and merged with free neighbours, so that the
  // blocks two tables outgrew can make the larger one a third grows into.
  void add_free(char* start, std::size_t bytes) {
    FreeBlock** link = &free_;
    FreeBlock* before = nullptr;
    while (*link != nullptr && reinterpret_cast<char*>(*link) < start) {
      before = *link;
      link = &(*link)->next;
    }
    FreeBlock* after = *link;
    if (after != nullptr && start + bytes == reinterpret_cast<char*>(after)) {
      bytes += after->bytes;
      after = after->next;
    }
    if (before != nullptr && reinterpret_cast<char*>(before) + before->bytes == start) {
      before->bytes += bytes;
      before->next = after;
      return;
    }
    auto* block = reinterpret_cast<FreeBlock*>(start);
    block->next = after;
    block->bytes = bytes;
    *link = block;
  }

  // A new region for a block of `bytes`; what is left of the current one stays for reuse.
  void add_region(std::size_t bytes) {
    const std::size_t region_bytes = std::max(kRegionBytes, round_up(bytes, kHugePageBytes));
    // Mapped with a huge page's worth to spare, so that the region can start on a huge page.
    const std::size_t mapped_bytes = region_bytes + kHugePageBytes;
    void* mapped = ::mmap(nullptr, mapped_bytes, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (mapped == MAP_FAILED) {
      throw std::bad_alloc();
    }
    const auto address = reinterpret_cast<std::uintptr_t>(mapped);
    const std::uintptr_t aligned = round_up(address, kHugePageBytes);
    if (aligned > address) {
      ::munmap(mapped, aligned - address);
    }
    if (const std::size_t after = address + mapped_bytes - (aligned + region_bytes); after > 0) {
      ::munmap(reinterpret_cast<void*>(aligned + region_bytes), after);
    }
    char* start = reinterpret_cast<char*>(aligned);
    // Where the system has no huge pages for us, the region keeps ordinary ones.
    ::madvise(start, region_bytes, MADV_HUGEPAGE);
    try {
      regions_.push_back({start, region_bytes});
    } catch (...) {
      ::munmap(start, region_bytes);
      throw;
    }
    if (end_ > next_) {
      add_free(next_, static_cast<std::size_t>(end_ - next_));
    }
    next_ = start;
    end_ = start + region_bytes;
  }

  void release() noexcept {
    for (const Region& region : regions_) {
      ::munmap(region.start, region.bytes);
    }
    regions_.clear();
    free_ = nullptr;
    next_ = end_ = nullptr;
  }

  std::mutex mutex_;
  std::vector<Region> regions_;
  FreeBlock* free_ = nullptr;
  char* next_ = nullptr;  // the unused rest of the newest region
  char* end_ = nullptr;
  std::size_t live_blocks_ = 0;
};

Arena& arena() {
  static Arena instance;
  return instance;
}

}  // namespace

void* allocate(std::size_t bytes) { return arena().allocate(bytes); }

void deallocate(void* block, std::size_t bytes) noexcept { arena().deallocate(block, bytes); }

std::size_t reserved_bytes() { return arena().reserved_bytes(); }

}  // namespace kpi::store::table_memory
