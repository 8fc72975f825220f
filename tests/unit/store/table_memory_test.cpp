// SPDX-License-Identifier: MIT
#include "kpi/store/table_memory.hpp"

#include <absl/container/flat_hash_map.h>
#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <functional>
#include <utility>
#include <vector>

namespace memory = kpi::store::table_memory;

namespace {

constexpr std::size_t kBlock = 64 << 10;

}  // namespace

TEST_SUITE("store.table_memory") {
  TEST_CASE("blocks are aligned, apart, and keep what is written to them") {
    REQUIRE(memory::reserved_bytes() == 0);
    const std::vector<std::size_t> sizes = {memory::kMinBytes, 70000, kBlock, 3 << 20,
                                            100 << 20};  // the last is larger than a region
    std::vector<unsigned char*> blocks;
    for (std::size_t k = 0; k < sizes.size(); ++k) {
      auto* block = static_cast<unsigned char*>(memory::allocate(sizes[k]));
      CHECK(reinterpret_cast<std::uintptr_t>(block) % 4096 == 0);
      std::memset(block, static_cast<int>(k + 1), sizes[k]);
      blocks.push_back(block);
    }
    for (std::size_t k = 0; k < sizes.size(); ++k) {
      CHECK(blocks[k][0] == k + 1);
      CHECK(blocks[k][sizes[k] - 1] == k + 1);
    }
    for (std::size_t k = 0; k < sizes.size(); ++k) {
      memory::deallocate(blocks[k], sizes[k]);
    }
    // The last block freed gives the regions back.
    CHECK(memory::reserved_bytes() == 0);
  }

  TEST_CASE("a freed block is reused, and freed neighbours make one larger block") {
    REQUIRE(memory::reserved_bytes() == 0);
    void* kept = memory::allocate(kBlock);  // keeps the regions while the others come and go
    void* first = memory::allocate(kBlock);
    void* second = memory::allocate(kBlock);
    void* third = memory::allocate(kBlock);
    const std::size_t reserved = memory::reserved_bytes();
    memory::deallocate(first, kBlock);
    CHECK(memory::allocate(kBlock) == first);
    // `first` and `second` freed side by side hold a table twice their size.
    memory::deallocate(second, kBlock);
    memory::deallocate(first, kBlock);
    void* both = memory::allocate(2 * kBlock);
    CHECK(both == first);
    // A smaller block takes the front of a larger free one and leaves the rest free.
    memory::deallocate(both, 2 * kBlock);
    CHECK(memory::allocate(kBlock / 2) == first);
    CHECK(memory::allocate(kBlock) == static_cast<char*>(first) + kBlock / 2);
    CHECK(memory::reserved_bytes() == reserved);
    memory::deallocate(first, kBlock / 2);
    memory::deallocate(static_cast<char*>(first) + kBlock / 2, kBlock);
    memory::deallocate(third, kBlock);
    memory::deallocate(kept, kBlock);
    CHECK(memory::reserved_bytes() == 0);
  }

  TEST_CASE("a hash map that grows through the allocator keeps every entry") {
    REQUIRE(memory::reserved_bytes() == 0);
    using Map = absl::flat_hash_map<
        std::uint64_t, std::uint64_t, absl::Hash<std::uint64_t>, std::equal_to<std::uint64_t>,
        kpi::store::TableAllocator<std::pair<const std::uint64_t, std::uint64_t>>>;
    {
      Map small;
      small[1] = 2;
      CHECK(memory::reserved_bytes() == 0);  // a few entries stay on the ordinary heap
      Map large;
      for (std::uint64_t key = 0; key < 200000; ++key) {
        large[key * 7919] = key;
      }
      CHECK(memory::reserved_bytes() > 0);
      Map copy = large;
      std::uint64_t wrong = 0;
      for (std::uint64_t key = 0; key < 200000; ++key) {
        const auto found = copy.find(key * 7919);
        wrong += found == copy.end() || found->second != key ? 1 : 0;
      }
      CHECK(wrong == 0);
      CHECK(copy.size() == 200000);
    }
    CHECK(memory::reserved_bytes() == 0);
  }
}
