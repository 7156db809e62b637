// Copyright (c) the rocksdb-cleanroom authors.
//
// Wide columns: the entity encoding against bytes produced by RocksDB 7.8.3
// (WriteBatch::PutEntity), decoder errors as RocksDB reports them, and
// PinnableWideColumns.

#include "rocksdb/wide_columns.h"

#include <sstream>
#include <string>

#include "db/wide_column_serialization.h"
#include "gtest/gtest.h"

namespace ROCKSDB_NAMESPACE {
namespace {

std::string Bytes(std::initializer_list<int> bytes) {
  std::string out;
  for (int b : bytes) {
    out.push_back(static_cast<char>(b));
  }
  return out;
}

std::string Encode(const WideColumns& columns) {
  std::string out;
  EXPECT_TRUE(WideColumnSerialization::Serialize(columns, &out).ok());
  return out;
}

// "[name=value]..." for a decoded column list.
std::string Show(const WideColumns& columns) {
  std::string out;
  for (const WideColumn& c : columns) {
    out += "[" + c.name().ToString() + "=" + c.value().ToString() + "]";
  }
  return out;
}

TEST(WideColumnSerializationTest, MatchesRocksDBBytes) {
  EXPECT_EQ(Encode({}), Bytes({0x01, 0x00}));
  EXPECT_EQ(Encode({{"", "v"}}), Bytes({0x01, 0x01, 0x00, 0x01, 'v'}));
  EXPECT_EQ(Encode({{"a", "xy"}, {"bb", "z"}}),
            Bytes({0x01, 0x02, 0x01, 'a', 0x02, 0x02, 'b', 'b', 0x01, 'x', 'y',
                   'z'}));
  // A 200-byte value needs a two-byte varint (0xc8 0x01).
  std::string big(200, 'q');
  EXPECT_EQ(Encode({{"", "v"}, {"a", big}}),
            Bytes({0x01, 0x02, 0x00, 0x01, 0x01, 'a', 0xc8, 0x01, 'v'}) + big);
}

TEST(WideColumnSerializationTest, RejectsUnsortedOrDuplicateNames) {
  std::string out;
  Status s = WideColumnSerialization::Serialize({{"b", "1"}, {"a", "2"}}, &out);
  EXPECT_EQ(s.ToString(), "Corruption: Wide columns out of order");
  out.clear();
  s = WideColumnSerialization::Serialize({{"a", "1"}, {"a", "2"}}, &out);
  EXPECT_EQ(s.ToString(), "Corruption: Wide columns out of order");
}

TEST(WideColumnSerializationTest, RoundTrip) {
  const std::string big(70000, 'x');
  const WideColumns columns{{"", "anon"}, {"a", ""}, {"b", big}, {"c", "1"}};
  const std::string encoded = Encode(columns);
  WideColumns decoded;
  ASSERT_TRUE(WideColumnSerialization::Deserialize(encoded, &decoded).ok());
  EXPECT_EQ(decoded, columns);
}

// Each case: input, expected status, expected columns left behind. Observed
// with PinnableWideColumns::SetWideColumnValue on RocksDB 7.8.3.
TEST(WideColumnSerializationTest, DecoderErrorsAsRocksDB) {
  struct Case {
    std::string input;
    std::string status;
    std::string columns;
  };
  const Case cases[] = {
      {"", "Corruption: Error decoding wide column version", ""},
      {Bytes({1}), "Corruption: Error decoding number of wide columns", ""},
      {Bytes({2, 0}), "Not implemented: Unsupported wide column version", ""},
      {Bytes({0, 0}), "OK", ""},
      {Bytes({1, 0}), "OK", ""},
      {Bytes({1, 0, 'z', 'z'}), "OK", ""},
      {Bytes({1, 1}), "Corruption: Error decoding wide column name", ""},
      {Bytes({1, 1, 1, 'a'}),
       "Corruption: Error decoding wide column value size", "[a=]"},
      {Bytes({1, 1, 1, 'a', 2}),
       "Corruption: Error decoding wide column value payload", "[a=]"},
      {Bytes({1, 1, 1, 'a', 2, 'x'}),
       "Corruption: Error decoding wide column value payload", "[a=]"},
      {Bytes({1, 1, 1, 'a', 2, 'x', 'y'}), "OK", "[a=xy]"},
      {Bytes({1, 1, 1, 'a', 2, 'x', 'y', 'z'}), "OK", "[a=xy]"},
      {Bytes({1, 2, 1, 'b', 1, 1, 'a', 1, '1', '2'}),
       "Corruption: Wide columns out of order", "[b=]"},
      {Bytes({1, 2, 1, 'a', 1, 1, 'a', 1, '1', '2'}),
       "Corruption: Wide columns out of order", "[a=]"},
      {Bytes({1, 2, 1, 'a', 1, 1, 'b', 1, '1', '2'}), "OK", "[a=1][b=2]"},
      {Bytes({1, 2, 5, 'a'}), "Corruption: Error decoding wide column name",
       ""},
      {Bytes({1, 0xff}), "Corruption: Error decoding number of wide columns",
       ""},
      // A huge count with no data behind it fails cleanly.
      {Bytes({1, 0xff, 0xff, 0xff, 0xff, 0x0f}),
       "Corruption: Error decoding wide column name", ""},
  };
  for (const Case& c : cases) {
    PinnableWideColumns result;
    Status s = result.SetWideColumnValue(c.input);
    EXPECT_EQ(s.ToString(), c.status) << "input size " << c.input.size();
    EXPECT_EQ(Show(result.columns()), c.columns);
    EXPECT_EQ(result.serialized_size(), c.input.size());
  }
}

TEST(PinnableWideColumnsTest, PlainValueIsOneAnonymousColumn) {
  PinnableWideColumns result;
  std::string value = "hello";
  result.SetPlainValue(value);
  value = "changed";  // the result holds its own copy
  ASSERT_EQ(result.columns().size(), 1u);
  EXPECT_EQ(result.columns()[0].name(), kDefaultWideColumnName);
  EXPECT_EQ(result.columns()[0].value(), "hello");
  EXPECT_EQ(result.serialized_size(), 5u);

  result.Reset();
  EXPECT_TRUE(result.columns().empty());
  EXPECT_EQ(result.serialized_size(), 0u);
}

TEST(PinnableWideColumnsTest, PinnedValueRunsCleanupOnReset) {
  int cleanups = 0;
  const std::string storage = Encode({{"a", "1"}, {"b", "22"}});
  Cleanable owner;
  owner.RegisterCleanup(
      [](void* arg1, void* /*arg2*/) { ++*static_cast<int*>(arg1); }, &cleanups,
      nullptr);
  {
    PinnableWideColumns result;
    ASSERT_TRUE(result.SetWideColumnValue(storage, &owner).ok());
    EXPECT_EQ(Show(result.columns()), "[a=1][b=22]");
    // Pinned, not copied: the column values point into `storage`.
    EXPECT_GE(result.columns()[1].value().data(), storage.data());
    EXPECT_LT(result.columns()[1].value().data(),
              storage.data() + storage.size());
    EXPECT_EQ(cleanups, 0);
  }
  EXPECT_EQ(cleanups, 1);
}

TEST(PinnableWideColumnsTest, Equality) {
  PinnableWideColumns a;
  PinnableWideColumns b;
  a.SetPlainValue("v");
  ASSERT_TRUE(b.SetWideColumnValue(Encode({{"", "v"}})).ok());
  EXPECT_TRUE(a == b);
  b.SetPlainValue("w");
  EXPECT_TRUE(a != b);
}

TEST(WideColumnTest, ConstructionAndPrinting) {
  const char raw[] = "name_value";
  WideColumn piecewise(std::piecewise_construct, std::forward_as_tuple(raw, 4),
                       std::forward_as_tuple(raw + 5, 5));
  EXPECT_EQ(piecewise.name(), "name");
  EXPECT_EQ(piecewise.value(), "value");
  EXPECT_EQ(piecewise, WideColumn("name", std::string("value")));
  EXPECT_NE(piecewise, WideColumn("name", "other"));

  std::ostringstream plain;
  plain << WideColumn("ab", "cd");
  EXPECT_EQ(plain.str(), "ab:cd");
  std::ostringstream hex;
  hex << std::hex << WideColumn("ab", "cd");
  EXPECT_EQ(hex.str(), "6162:6364");

  EXPECT_TRUE(kDefaultWideColumnName.empty());
  EXPECT_TRUE(kNoWideColumns.empty());
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
