// SPDX-License-Identifier: MIT
#include "kpi/csv/encoding_guess.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using kpi::csv::describe_guesses;
using kpi::csv::EncodingGuess;
using kpi::csv::how_to_name_encoding;
using kpi::csv::likely_encodings;
using kpi::csv::reads_as_chinese_gb18030;

namespace {

// The same lines saved by Windows Excel (cp1252: ä E4, ö F6, ü FC, curly quotes 93/94) and by
// Excel for Mac (Mac Roman: ä 8A, ö 9A, ü 9F, curly quotes D2/D3).
constexpr std::string_view kCp1252 =
    "Customer Name,City,Product\n"
    "Anna H\xE4"
    "berlin,K\xF6"
    "ln,\x93"
    "Best\x94 binder\n"
    "J\xFC"
    "rgen M\xFC"
    "ller,Z\xFC"
    "rich,Paper\n";
constexpr std::string_view kMacRoman =
    "Customer Name,City,Product\n"
    "Anna H\x8A"
    "berlin,K\x9A"
    "ln,\xD2"
    "Best\xD3 binder\n"
    "J\x9F"
    "rgen M\x9F"
    "ller,Z\x9F"
    "rich,Paper\n";
// Latin-1 letters only (nothing in 0x80–0x9F): cp1252 and Latin-1 read it the same.
constexpr std::string_view kLatin1 =
    "name,city\nM\xFCller,Z\xFCrich\nSe\xF1ora Gr\xF6\xDF"
    "e,M\xE1laga\n";
// 门店,金额 in GBK.
constexpr std::string_view kGbk = "\xC3\xC5\xB5\xEA,\xBD\xF0\xB6\xEE\n";

std::vector<std::string> names_of(const std::vector<EncodingGuess>& guesses) {
  std::vector<std::string> names;
  for (const EncodingGuess& guess : guesses) {
    names.push_back(guess.name);
  }
  return names;
}

}  // namespace

TEST_SUITE("csv.encoding_guess") {
  TEST_CASE("Chinese in GBK reads as GB18030, Western text does not") {
    CHECK(reads_as_chinese_gb18030(kGbk, true));
    CHECK(reads_as_chinese_gb18030("plain ASCII,1\n", true));
    CHECK_FALSE(reads_as_chinese_gb18030(kCp1252, true));    // ö followed by 'l': GBK's rare area
    CHECK_FALSE(reads_as_chinese_gb18030(kMacRoman, true));  // D3 followed by a space: invalid
    CHECK_FALSE(reads_as_chinese_gb18030(kLatin1, true));
  }

  TEST_CASE("a character cut by the end of an incomplete sample is not held against GB18030") {
    CHECK(reads_as_chinese_gb18030("\xC3\xC5\xB5", false));
    CHECK_FALSE(reads_as_chinese_gb18030("\xC3\xC5\xB5", true));
  }

  TEST_CASE("a Windows Excel export reads as cp1252, not Latin-1 (its quotes are C1 controls)") {
    const std::vector<EncodingGuess> guesses = likely_encodings(kCp1252, true);
    CHECK(names_of(guesses) == std::vector<std::string>{"CP1252"});
    CHECK(guesses.at(0).example == "Häberlin");
  }

  TEST_CASE("an Excel for Mac export reads as Mac Roman") {
    const std::vector<EncodingGuess> guesses = likely_encodings(kMacRoman, true);
    CHECK(names_of(guesses) == std::vector<std::string>{"MACINTOSH"});
    CHECK(guesses.at(0).example == "Häberlin");
  }

  TEST_CASE("Latin-1 letters read the same in cp1252 and Latin-1: both, cp1252 first") {
    const std::vector<EncodingGuess> guesses = likely_encodings(kLatin1, true);
    CHECK(names_of(guesses) == std::vector<std::string>{"CP1252", "ISO-8859-1"});
    CHECK(guesses.at(0).example == "Müller");
    CHECK(describe_guesses(guesses) == "CP1252 (\"Müller\") or ISO-8859-1");
  }

  TEST_CASE("GBK bytes are GB18030, unless that is what already failed") {
    const std::vector<EncodingGuess> guesses = likely_encodings(kGbk, true);
    CHECK(names_of(guesses) == std::vector<std::string>{"GB18030"});
    CHECK(guesses.at(0).example == "门店");
    CHECK(likely_encodings(kGbk, true, "GB18030").empty());
    CHECK(names_of(likely_encodings(kCp1252, true, "CP1252")).empty());
  }

  TEST_CASE("damage, binary bytes, UTF-8 or plain ASCII suggest nothing") {
    CHECK(likely_encodings("a,b\n1,\xFF\xFE,2\n", true).empty());
    CHECK(likely_encodings("a,b\n1,2\n", true).empty());
    // Mac Roman would read these as letters, but a control byte says the file is not text.
    CHECK(likely_encodings("H\x8A\x16"
                           "berlin,K\x9A"
                           "ln,Z\x9F"
                           "rich\n",
                           true)
              .empty());
    // UTF-8 with one cut character: its other characters are no sign of a single-byte encoding.
    CHECK(likely_encodings("Zürich,Köln,Müller,Gr\xC3", true).empty());
  }

  TEST_CASE("how to name a guess, on the command line and in the library") {
    CHECK(how_to_name_encoding({"CP1252", "Häberlin"}) ==
          "--encoding CP1252 for kpi inspect, encoding = \"CP1252\" in the library's source");
  }
}
