// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <memory>
#include <new>

namespace kpi::store {

/// Memory for the large hash tables of per-entity keys, on 2 MiB pages where the system gives
/// them (transparent huge pages in `madvise` mode). Those tables are read at random, a cache
/// miss per row; on 4 KiB pages each miss is also a page-table walk, as their tens of MiB span
/// far more pages than the TLB holds. (W at 10 M rows, two threads, 7 alternating runs:
/// 2.12 → 1.98 s; peak memory 99 → 105 MB.)
///
/// Blocks come from large regions shared by all threads and are kept for reuse when freed: a
/// table that grows frees a block that another table, growing to that size, takes. The
/// regions go back to the system when the last block is freed.
namespace table_memory {

/// Blocks smaller than this come from the ordinary heap: they fit in a few pages anyway.
inline constexpr std::size_t kMinBytes = std::size_t{16} << 10;

/// A block of at least `bytes` (≥ kMinBytes), aligned to 4096 bytes; throws std::bad_alloc.
void* allocate(std::size_t bytes);
/// Frees a block that allocate(bytes) gave, with the same `bytes`.
void deallocate(void* block, std::size_t bytes) noexcept;

/// Bytes in the regions the blocks come from, for tests.
std::size_t reserved_bytes();

}  // namespace table_memory

/// A standard allocator that takes large blocks from table_memory.
template <typename T>
class TableAllocator {
 public:
  using value_type = T;

  TableAllocator() = default;
  template <typename U>
  TableAllocator(const TableAllocator<U>&) noexcept {}  // NOLINT: rebinding is implicit

  T* allocate(std::size_t count) {
    if (count > static_cast<std::size_t>(-1) / sizeof(T)) {
      throw std::bad_array_new_length();
    }
    const std::size_t bytes = count * sizeof(T);
    if (bytes < table_memory::kMinBytes || alignof(T) > 4096) {
      return std::allocator<T>().allocate(count);
    }
    return static_cast<T*>(table_memory::allocate(bytes));
  }
  void deallocate(T* block, std::size_t count) noexcept {
    const std::size_t bytes = count * sizeof(T);
    if (bytes < table_memory::kMinBytes || alignof(T) > 4096) {
      std::allocator<T>().deallocate(block, count);
      return;
    }
    table_memory::deallocate(block, bytes);
  }

  friend bool operator==(const TableAllocator&, const TableAllocator&) {
    return true;  // any one frees what another allocated
  }
};

}  // namespace kpi::store
