// SPDX-License-Identifier: MIT
#include "kpi/store/prefetched_inserts.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "kpi/store/key_table.hpp"

using kpi::store::KeyTable;
using kpi::store::ValueKey;

TEST_SUITE("store.prefetched_inserts") {
  TEST_CASE("queued inserts are made in order when drained, into the table each was queued for") {
    KeyTable members, products;
    kpi::store::PrefetchedInserts<KeyTable, int> queue;
    std::vector<int> drained;
    const std::vector<std::string> names = {"M0", "M1", "M2", "M3"};
    for (int i = 0; i < 16; ++i) {
      CHECK_FALSE(queue.full());
      queue.push(i % 2 == 0 ? members : products,
                 ValueKey::of_text(names[static_cast<std::size_t>(i / 4)]), i);
    }
    CHECK(queue.full());
    CHECK(members.size() == 0);  // nothing is inserted before the drain
    queue.drain([&](KeyTable& table, const ValueKey& key, int item) {
      REQUIRE(KeyTable::add_row(*table.add(key).first));
      drained.push_back(item);
    });
    CHECK(drained == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15});
    CHECK_FALSE(queue.full());
    CHECK(members.size() == 4);   // M0..M3, each from two of the even items
    CHECK(products.size() == 4);  // M0..M3, each from two of the odd items
    members.for_each([](const ValueKey&, const KeyTable::Key& key) { CHECK(key.rows == 2); });
  }
}
