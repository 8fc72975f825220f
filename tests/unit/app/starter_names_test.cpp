// SPDX-License-Identifier: MIT
#include "kpi/app/starter_names.hpp"

#include <doctest/doctest.h>

using kpi::app::ascii_name;

TEST_SUITE("app.starter_names") {
  TEST_CASE("ASCII headers keep their words, in lower case") {
    CHECK(ascii_name("Order Date", "x") == "order_date");
    CHECK(ascii_name("Country/Region", "x") == "country_region");
    CHECK(ascii_name("InvoiceNo", "x") == "invoice_no");
    CHECK(ascii_name("customer_id", "x") == "customer_id");
    CHECK(ascii_name("  Sales  ", "x") == "sales");
    CHECK(ascii_name("Vacía", "x") == "vacia");
    CHECK(ascii_name("Größe Ñandú", "x") == "groesse_nandu");
  }

  TEST_CASE("Chinese headers are read word by word, the longest word first") {
    CHECK(ascii_name("订单编号", "x") == "order_id");
    CHECK(ascii_name("买家实际支付金额", "x") == "buyer_actual_paid_amount");
    CHECK(ascii_name("收货地址 ", "x") == "delivery_address");
    CHECK(ascii_name("会员卡号", "x") == "member_card");
    CHECK(ascii_name("实付金额", "x") == "paid_amount");
    CHECK(ascii_name("付款金额", "x") == "paid_amount");
    CHECK(ascii_name("门店", "x") == "store");
    CHECK(ascii_name("单号", "x") == "order_no");
    CHECK(ascii_name("支付方式", "x") == "payment_method");
  }

  TEST_CASE("a repeated word is said once, unknown characters are dropped") {
    CHECK(ascii_name("支付付款时间", "x") == "paid_time");
    CHECK(ascii_name("备注(内部)", "x") == "remark");
    CHECK(ascii_name("A列 金额", "x") == "a_amount");
  }

  TEST_CASE("the fallback, a leading digit and the words of expressions") {
    CHECK(ascii_name("双十一", "col_3") == "col_3");
    CHECK(ascii_name("", "col_1") == "col_1");
    CHECK(ascii_name("2025 sales", "x") == "c2025_sales");
    CHECK(ascii_name("Rows", "x") == "rows_field");
    CHECK(ascii_name("null", "x") == "null_field");
    CHECK(ascii_name("is new", "x") == "is_new_field");
  }

  TEST_CASE("unique names get a number from 2") {
    std::set<std::string> taken;
    CHECK(kpi::app::unique_name("amount", taken) == "amount");
    CHECK(kpi::app::unique_name("amount", taken) == "amount_2");
    CHECK(kpi::app::unique_name("amount", taken) == "amount_3");
    CHECK(taken.size() == 3);
  }
}
