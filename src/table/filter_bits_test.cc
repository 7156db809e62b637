// Copyright (c) the rocksdb-cleanroom authors.
//
// FastLocalBloom: byte-for-byte equality with filters written by RocksDB
// 7.8.3 (digests observed through its SstFileWriter, and the filter blocks
// of the spec samples), no false negatives, the false positive rate, and
// the reader's handling of other and malformed formats.

#include "table/filter_bits.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "table/filter_policy.h"
#include "util/coding.h"
#include "util/hash.h"
#include "util/random.h"

namespace ROCKSDB_NAMESPACE {
namespace {

std::string KeyName(int i) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "k%08d", i);
  return buf;
}

int Millibits(double bits_per_key) {
  return BloomFilterPolicy(bits_per_key).GetMillibitsPerKey();
}

std::string Build(const std::vector<std::string>& keys, int millibits) {
  std::unique_ptr<FilterBitsBuilder> builder =
      NewFastLocalBloomBuilder(millibits);
  for (const std::string& k : keys) builder->AddKey(k);
  std::unique_ptr<const char[]> buf;
  return builder->Finish(&buf).ToString();
}

std::vector<std::string> Keys(int n) {
  std::vector<std::string> keys;
  for (int i = 0; i < n; ++i) keys.push_back(KeyName(i));
  return keys;
}

// Filters written by RocksDB 7.8.3's SstFileWriter (kNoCompression,
// NewBloomFilterPolicy(bits)) for the keys k00000000, k00000001, ...:
// filter block size and XXH3_64 (final) of its bytes.
TEST(FilterBitsTest, SameBytesAsRocksDB) {
  struct Case {
    int num_keys;
    double bits_per_key;
    size_t size;
    int num_probes;
    uint64_t digest;
  };
  const Case cases[] = {
      {2, 10, 69, 6, 0x2D0E51A922F520ADull},
      {10, 10, 69, 6, 0xC88E2EC244D29634ull},
      {100, 10, 133, 6, 0x625187F4B143CCDEull},
      {1000, 10, 1285, 6, 0x436D2360F998CB5Eull},
      {1000, 9.9, 1285, 6, 0x436D2360F998CB5Eull},
      {12345, 10, 15493, 6, 0xC4C133B1928AABE6ull},
      {100000, 10, 125061, 6, 0x96CDB3755736BDBBull},
      {3, 7.3, 69, 5, 0xFB25ECFB587C23A6ull},
      {777, 13.37, 1349, 8, 0xA712689A5EA763F8ull},
      {1000, 0.6, 133, 1, 0x73FD7A610D30B59Eull},
      {1000, 1, 133, 1, 0x73FD7A610D30B59Eull},
      {1000, 2.08, 325, 1, 0x6D9C94E9F19D5900ull},
      {1000, 2.081, 325, 2, 0x6252EF4B61229CE8ull},
      {1000, 3.58, 453, 2, 0x0A432DCEFB418CD0ull},
      {1000, 3.581, 453, 3, 0xFC25AE649467F415ull},
      {1000, 5.1, 645, 3, 0xDAAE6E069D1F9340ull},
      {1000, 5.101, 645, 4, 0xD80A0641B905521Aull},
      {1000, 6.64, 837, 4, 0xCD10832D2ABC630Aull},
      {1000, 6.641, 837, 5, 0xABF97176A0109989ull},
      {1000, 6.6667, 901, 5, 0xAAF400F7046240A0ull},
      {1000, 8.3, 1093, 5, 0xB74614C635FE0B1Dull},
      {1000, 8.301, 1093, 6, 0x91598ED07B6FC9EEull},
      {1000, 10.07, 1285, 6, 0x436D2360F998CB5Eull},
      {1000, 10.071, 1285, 7, 0xC07FEDF832B5B51Bull},
      {1000, 11.72, 1477, 7, 0x87EC958ADC55275Dull},
      {1000, 11.721, 1477, 8, 0xBC378E2858B4C4D5ull},
      {1000, 14.001, 1797, 8, 0x2BA7492180D2585Aull},
      {1000, 14.002, 1797, 9, 0x64DF795CDED68053ull},
      {1000, 16.05, 2053, 9, 0xB235BC02CF965A5Eull},
      {1000, 16.051, 2053, 10, 0xCB1D7978515EB204ull},
      {1000, 18.3, 2309, 10, 0x195C59E27B8489AEull},
      {1000, 18.301, 2309, 11, 0x4C5588E9FE35ECB1ull},
      {1000, 20, 2565, 11, 0x6AD0C296DE3AEA9Bull},
      {1000, 22.001, 2757, 11, 0xA0BD89C6730F910Bull},
      {1000, 22.002, 2757, 12, 0xB4E217C5780FFF43ull},
      {1000, 25.501, 3205, 12, 0xAA390DAEFCFA3181ull},
      {1000, 25.502, 3205, 11, 0xBAF2AE22D17F9A3Cull},
      {1000, 25.6, 3205, 11, 0xBAF2AE22D17F9A3Cull},
      {1000, 30, 3781, 13, 0xE15333A4D05516D7ull},
      {1000, 49.9, 6277, 23, 0x81E6E1E58ADA19D4ull},
      {1000, 50, 6277, 23, 0x81E6E1E58ADA19D4ull},
      {1000, 50.001, 6277, 24, 0xDB9625462D1BA178ull},
      {1000, 51, 6405, 24, 0xA21DCB82B0769F3Bull},
      {1000, 100, 12549, 24, 0x5CB65FE3C9E09FF0ull},
  };
  for (const Case& c : cases) {
    const int millibits = Millibits(c.bits_per_key);
    EXPECT_EQ(c.num_probes, FastLocalBloomNumProbes(millibits))
        << c.bits_per_key;
    const std::string filter = Build(Keys(c.num_keys), millibits);
    ASSERT_EQ(c.size, filter.size()) << c.num_keys << " " << c.bits_per_key;
    EXPECT_EQ(c.size - 5, FastLocalBloomBitsLength(c.num_keys, millibits));
    EXPECT_EQ(std::string("\xff\x00", 2) + static_cast<char>(c.num_probes) +
                  std::string(2, '\0'),
              filter.substr(filter.size() - 5));
    EXPECT_EQ(c.digest, XXH3_64(filter.data(), filter.size()))
        << c.num_keys << " keys at " << c.bits_per_key << " bits/key";
  }
}

TEST(FilterBitsTest, NoFalseNegativesAndAbout1PercentFalsePositives) {
  const int kKeys = 20000;
  const std::string filter = Build(Keys(kKeys), Millibits(10));
  std::unique_ptr<FilterBitsReader> reader = NewFilterBitsReader(filter);
  for (int i = 0; i < kKeys; ++i) {
    ASSERT_TRUE(reader->MayMatch(KeyName(i))) << i;
  }
  int false_positives = 0;
  const int kProbes = 200000;
  for (int i = 0; i < kProbes; ++i) {
    false_positives += reader->MayMatch(KeyName(kKeys + i)) ? 1 : 0;
  }
  const double rate = 100.0 * false_positives / kProbes;
  // RocksDB's figure for 10 bits/key with 6 probes is about 0.95%.
  EXPECT_GT(rate, 0.5);
  EXPECT_LT(rate, 1.6);
}

TEST(FilterBitsTest, BatchMayMatchAgreesWithSingle) {
  const std::string filter = Build(Keys(500), Millibits(4));
  std::unique_ptr<FilterBitsReader> reader = NewFilterBitsReader(filter);
  std::vector<std::string> probes;
  for (int i = 0; i < 1000; i += 3) probes.push_back(KeyName(i));
  std::vector<Slice> slices(probes.begin(), probes.end());
  std::vector<Slice*> ptrs;
  for (Slice& s : slices) ptrs.push_back(&s);
  std::unique_ptr<bool[]> got(new bool[ptrs.size()]);
  reader->MayMatch(static_cast<int>(ptrs.size()), ptrs.data(), got.get());
  int negatives = 0;
  for (size_t i = 0; i < probes.size(); ++i) {
    EXPECT_EQ(reader->MayMatch(probes[i]), got[i]) << probes[i];
    negatives += got[i] ? 0 : 1;
  }
  EXPECT_GT(negatives, 100);              // the batch path really filters
  reader->MayMatch(0, nullptr, nullptr);  // nothing to do
}

TEST(FilterBitsTest, BuilderCountsDistinctConsecutiveKeys) {
  std::unique_ptr<FilterBitsBuilder> builder = NewFastLocalBloomBuilder(10000);
  EXPECT_EQ(0u, builder->EstimateEntriesAdded());
  for (const char* k : {"a", "a", "b", "a", "a", ""}) builder->AddKey(k);
  EXPECT_EQ(4u, builder->EstimateEntriesAdded());
  std::unique_ptr<const char[]> buf;
  Slice filter = builder->Finish(&buf);
  EXPECT_EQ(buf.get(), filter.data());
  EXPECT_EQ(69u, filter.size());
  // Empty again afterwards, and reusable.
  EXPECT_EQ(0u, builder->EstimateEntriesAdded());
  builder->AddKey("a");
  builder->AddKey("b");
  builder->AddKey("");
  std::unique_ptr<const char[]> buf2;
  EXPECT_EQ(filter.ToString(), builder->Finish(&buf2).ToString());
}

TEST(FilterBitsTest, EmptyFilterNeverMatches) {
  std::unique_ptr<FilterBitsBuilder> builder = NewFastLocalBloomBuilder(10000);
  std::unique_ptr<const char[]> buf;
  Slice filter = builder->Finish(&buf);
  EXPECT_EQ(std::string("\xff\x00\x06\x00\x00", 5), filter.ToString());
  for (const Slice& contents : {filter, Slice(), Slice("\xff\x00", 2)}) {
    std::unique_ptr<FilterBitsReader> reader = NewFilterBitsReader(contents);
    EXPECT_FALSE(reader->MayMatch("a"));
    EXPECT_FALSE(reader->MayMatch(""));
  }
}

TEST(FilterBitsTest, ApproximateNumEntriesInvertsSizing) {
  for (int millibits : {1000, 6667, 10000, 23456, 100000}) {
    std::unique_ptr<FilterBitsBuilder> builder =
        NewFastLocalBloomBuilder(millibits);
    EXPECT_EQ(0u, builder->ApproximateNumEntries(5));
    for (size_t bytes : {69, 100, 1285, 4096, 1 << 20}) {
      const size_t n = builder->ApproximateNumEntries(bytes);
      EXPECT_LE(FastLocalBloomBitsLength(n, millibits) + 5, bytes);
      EXPECT_GT(FastLocalBloomBitsLength(n + 1, millibits) + 5, bytes);
    }
  }
}

// Formats other than FastLocalBloom, and damaged ones, must never turn a
// present key into a miss.
TEST(FilterBitsTest, OtherFormatsAlwaysMatch) {
  const std::string good = Build(Keys(100), Millibits(10));
  const size_t len = good.size() - 5;
  auto with_trailer = [&](const std::string& trailer) {
    return good.substr(0, len) + trailer;
  };
  const std::string others[] = {
      with_trailer(std::string("\xfe\x00\x06\x00\x00", 5)),  // Ribbon
      with_trailer(std::string("\x00\x00\x00\x00\x00", 5)),  // always match
      with_trailer(std::string("\x06\x02\x00\x00\x00", 5)),  // legacy Bloom
      with_trailer(std::string("\xff\x01\x06\x00\x00", 5)),  // sub-impl 1
      with_trailer(std::string("\xff\x00\x26\x00\x00", 5)),  // 128-byte lines
      with_trailer(std::string("\xff\x00\x00\x00\x00", 5)),  // 0 probes
      with_trailer(std::string("\xff\x00\x1f\x00\x00", 5)),  // 31 probes
      with_trailer(std::string("\xff\x00\x06\x01\x00", 5)),  // reserved set
      with_trailer(std::string("\xff\x00\x06\x00\x01", 5)),  // reserved set
      good.substr(1),                                        // 127-byte bits
      std::string("\x80\x00\x00\x00\x00\x00", 6),            // unknown
  };
  for (const std::string& contents : others) {
    std::unique_ptr<FilterBitsReader> reader = NewFilterBitsReader(contents);
    for (int i = 0; i < 300; ++i) {
      EXPECT_TRUE(reader->MayMatch(KeyName(i)));
    }
    Slice k("zzz");
    Slice* keys[] = {&k, &k};
    bool out[2] = {false, false};
    reader->MayMatch(2, keys, out);
    EXPECT_TRUE(out[0] && out[1]);
  }
}

// --- Filter blocks of the RocksDB-written spec samples ---------------------
//
// A small reader of just what is needed: footer -> metaindex (the filter
// handle) and index (data block handles) -> the user keys of the data
// blocks. All these samples are uncompressed, format_version 5.

std::string SamplesDir() {
#ifdef ROCKSDB_SPEC_SAMPLES_DIR
  return ROCKSDB_SPEC_SAMPLES_DIR;
#else
  return (std::filesystem::path(__FILE__).parent_path() /
          "../../../shared/specs/samples")
      .lexically_normal()
      .string();
#endif
}

struct Handle {
  uint64_t offset = 0;
  uint64_t size = 0;
};

bool DecodeHandle(Slice* in, Handle* h) {
  return GetVarint64(in, &h->offset) && GetVarint64(in, &h->size);
}

// Calls fn(key, value) for each entry of an uncompressed block.
// has_value_length is false for index blocks with delta-encoded values, in
// which every entry of RocksDB's files is a restart point (full handle).
template <typename Fn>
void ForEachEntry(const Slice& block, bool has_value_length, Fn fn) {
  ASSERT_GE(block.size(), 4u);
  const uint32_t footer = DecodeFixed32(block.data() + block.size() - 4);
  ASSERT_EQ(0u, footer >> 31) << "no data-block hash index expected";
  ASSERT_LE(4 * (1 + uint64_t{footer}), block.size());
  const size_t entries_end = block.size() - 4 * (1 + footer);
  Slice in(block.data(), entries_end);
  std::string key;
  while (!in.empty()) {
    uint32_t shared = 0, non_shared = 0, value_length = 0;
    ASSERT_TRUE(GetVarint32(&in, &shared) && GetVarint32(&in, &non_shared));
    if (has_value_length) {
      ASSERT_TRUE(GetVarint32(&in, &value_length));
    }
    ASSERT_LE(shared, key.size());
    ASSERT_LE(non_shared, in.size());
    key = key.substr(0, shared) + std::string(in.data(), non_shared);
    in.remove_prefix(non_shared);
    if (!has_value_length) {
      ASSERT_EQ(0u, shared);
      value_length = static_cast<uint32_t>(in.size());
    }
    ASSERT_LE(value_length, in.size());
    fn(key, Slice(in.data(), value_length), &in);
    if (has_value_length) in.remove_prefix(value_length);
  }
}

// Reads an SST, returning its filter block and the distinct user keys of
// its data blocks in order.
void ReadSample(const std::string& path, std::string* filter,
                std::vector<std::string>* user_keys) {
  std::ifstream f(path, std::ios::binary);
  ASSERT_TRUE(f.good()) << path;
  std::stringstream ss;
  ss << f.rdbuf();
  const std::string file = ss.str();
  ASSERT_GT(file.size(), 53u);
  Slice footer(file.data() + file.size() - 53 + 1, 40);
  Handle metaindex, index;
  ASSERT_TRUE(DecodeHandle(&footer, &metaindex) &&
              DecodeHandle(&footer, &index));
  auto block = [&](const Handle& h) {
    EXPECT_LE(h.offset + h.size + 5, file.size());
    EXPECT_EQ(0, file[h.offset + h.size]) << "uncompressed block expected";
    return Slice(file.data() + h.offset, h.size);
  };
  filter->clear();
  ForEachEntry(block(metaindex), true,
               [&](const std::string& name, Slice v, Slice*) {
                 if (name == "fullfilter.rocksdb.BuiltinBloomFilter") {
                   Handle h;
                   ASSERT_TRUE(DecodeHandle(&v, &h));
                   *filter = block(h).ToString();
                 }
               });
  ASSERT_FALSE(filter->empty()) << "no filter in " << path;
  user_keys->clear();
  ForEachEntry(block(index), false, [&](const std::string&, Slice, Slice* in) {
    Handle h;
    ASSERT_TRUE(DecodeHandle(in, &h));
    ForEachEntry(block(h), true, [&](const std::string& ikey, Slice, Slice*) {
      ASSERT_GE(ikey.size(), 8u);
      const std::string ukey = ikey.substr(0, ikey.size() - 8);
      if (user_keys->empty() || user_keys->back() != ukey) {
        user_keys->push_back(ukey);
      }
    });
  });
}

class FilterSamplesTest : public testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(SamplesDir() + "/README.md")) {
      GTEST_SKIP() << "spec samples not found at " << SamplesDir();
    }
  }

  // Every key probes positive (singly and in one batch), and rebuilding
  // from the keys at 10 bits/key gives RocksDB's exact bytes.
  void Check(const std::string& rel, size_t expected_keys) {
    std::string filter;
    std::vector<std::string> keys;
    ReadSample(SamplesDir() + "/" + rel, &filter, &keys);
    if (HasFatalFailure()) return;
    ASSERT_EQ(expected_keys, keys.size());
    std::unique_ptr<FilterBitsReader> reader = NewFilterBitsReader(filter);
    std::vector<Slice> slices;
    for (const std::string& k : keys) {
      EXPECT_TRUE(reader->MayMatch(k)) << "key of length " << k.size();
      slices.emplace_back(k);
    }
    std::vector<Slice*> ptrs;
    for (Slice& s : slices) ptrs.push_back(&s);
    std::unique_ptr<bool[]> match(new bool[ptrs.size()]);
    reader->MayMatch(static_cast<int>(ptrs.size()), ptrs.data(), match.get());
    for (size_t i = 0; i < ptrs.size(); ++i) EXPECT_TRUE(match[i]) << i;
    EXPECT_TRUE(Build(keys, Millibits(10)) == filter) << rel;
  }
};

TEST_F(FilterSamplesTest, CompactedBloom) {
  // key000000..key000299 without key000005 and [key000010, key000020).
  Check("07_sst_bloom_nocomp_compacted/000010.sst", 289);
}

TEST_F(FilterSamplesTest, EmptyKey) {
  Check("14_empty_key_bloom/000009.sst", 1);
}

TEST_F(FilterSamplesTest, KeyLengths1To1100) {
  Check("20_bloom_key_lengths_1_to_1100/000009.sst", 1100);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
