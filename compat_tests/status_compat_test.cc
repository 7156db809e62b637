// Copyright (c) the rocksdb-cleanroom authors.
//
// Differential test of Status: every factory, code, subcode and severity,
// with and without messages, must print and classify the same way in
// Debian's RocksDB and ours.

#include <gtest/gtest.h>

#include "engine_adapter.h"

namespace compat {
namespace {

TEST(StatusCompatTest, EveryStatusPrintsTheSame) {
  const std::vector<std::string> real = NewRealEngine().status->DescribeAll();
  const std::vector<std::string> ours = NewOurEngine().status->DescribeAll();
  ASSERT_EQ(real.size(), ours.size());
  ASSERT_GT(real.size(), 2000u);
  int mismatches = 0;
  for (size_t i = 0; i < real.size(); ++i) {
    if (real[i] != ours[i] && ++mismatches <= 20) {
      ADD_FAILURE() << "\n  real: " << real[i] << "\n  ours: " << ours[i];
    }
  }
  EXPECT_EQ(0, mismatches);
}

}  // namespace
}  // namespace compat
