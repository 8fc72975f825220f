// SPDX-License-Identifier: MIT
#include "kpi/app/starter_roles.hpp"

#include <doctest/doctest.h>

#include <vector>

namespace {

using kpi::csv::ColumnProfile;
using kpi::csv::ColumnType;

ColumnProfile column(std::string name, ColumnType type) {
  ColumnProfile profile;
  profile.name = std::move(name);
  profile.type = type;
  return profile;
}

}  // namespace

TEST_SUITE("app.starter_roles") {
  TEST_CASE("a Tmall order export: paid amount, not the total or the refund") {
    const auto roles = kpi::app::recognise_roles({
        column("订单编号", ColumnType::Number),
        column("总金额", ColumnType::Number),
        column("买家实际支付金额", ColumnType::Number),
        column("收货地址 ", ColumnType::Text),
        column("订单创建时间", ColumnType::DateTime),
        column("订单付款时间 ", ColumnType::DateTime),
        column("退款金额", ColumnType::Number),
    });
    CHECK(roles.order == 0);
    CHECK(roles.amount == 2);
    CHECK(roles.time == 4);
    CHECK_FALSE(roles.customer);  // 买家实际支付金额 is an amount, not a buyer
  }

  TEST_CASE("a Superstore export: the customer's ID before their name") {
    const auto roles = kpi::app::recognise_roles({
        column("Order ID", ColumnType::Text),
        column("Order Date", ColumnType::Date),
        column("Customer Name", ColumnType::Text),
        column("Customer ID", ColumnType::Text),
        column("Segment", ColumnType::Text),
        column("Sales", ColumnType::Number),
        column("Profit", ColumnType::Number),
    });
    CHECK(roles.order == 0);
    CHECK(roles.time == 1);
    CHECK(roles.customer == 3);
    CHECK(roles.amount == 5);
  }

  TEST_CASE("a datetime column is a better time than a date; a money column is sales") {
    const auto roles = kpi::app::recognise_roles({
        column("生日", ColumnType::Date),
        column("单价", ColumnType::Money),
        column("到店时间", ColumnType::DateTime),
        column("应付", ColumnType::Money),
    });
    CHECK(roles.time == 2);
    CHECK(roles.amount == 3);  // 单价 is a unit price
    CHECK_FALSE(roles.order);
    CHECK_FALSE(roles.customer);
  }

  TEST_CASE("no columns, no roles") {
    const auto roles = kpi::app::recognise_roles({column("备注", ColumnType::Text)});
    CHECK_FALSE(roles.time);
    CHECK_FALSE(roles.amount);
    CHECK_FALSE(roles.order);
    CHECK_FALSE(roles.customer);
  }
}
