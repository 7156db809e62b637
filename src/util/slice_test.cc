// Copyright (c) the rocksdb-cleanroom authors.
//
// Slice, PinnableSlice, Cleanable and SharedCleanablePtr. Hex, DecodeHex,
// SliceParts and cleanup-order expectations were observed on RocksDB 7.8.3.
#include "rocksdb/slice.h"

#include <gtest/gtest.h>

#include <string>

#include "rocksdb/cleanable.h"

namespace ROCKSDB_NAMESPACE {
namespace {

TEST(SliceTest, CompareAndPrefixes) {
  EXPECT_LT(Slice("a").compare("b"), 0);
  EXPECT_GT(Slice("b").compare("a"), 0);
  EXPECT_EQ(0, Slice("abc").compare("abc"));
  EXPECT_LT(Slice("ab").compare("abc"), 0);
  EXPECT_GT(Slice("abc").compare("ab"), 0);
  EXPECT_LT(Slice("").compare("a"), 0);
  // Bytes compare unsigned.
  EXPECT_GT(Slice("\xff", 1).compare(Slice("\x01", 1)), 0);
  EXPECT_TRUE(Slice("hello").starts_with("he"));
  EXPECT_TRUE(Slice("hello").starts_with(""));
  EXPECT_FALSE(Slice("he").starts_with("hello"));
  EXPECT_TRUE(Slice("hello").ends_with("llo"));
  EXPECT_FALSE(Slice("hello").ends_with("hel"));
  EXPECT_EQ(2u, Slice("abcd").difference_offset("abxy"));
  EXPECT_EQ(2u, Slice("ab").difference_offset("abxy"));
  EXPECT_EQ(0u, Slice("").difference_offset("a"));
  EXPECT_TRUE(Slice("ab") == Slice(std::string("ab")));
  EXPECT_TRUE(Slice("ab") != Slice("abc"));
}

TEST(SliceTest, EditingAndConversions) {
  Slice s("hello world");
  s.remove_prefix(6);
  EXPECT_EQ("world", s.ToString());
  s.remove_suffix(2);
  EXPECT_EQ("wor", s.ToString());
  EXPECT_EQ('o', s[1]);
  EXPECT_EQ("wor", std::string(s.ToStringView()));
  s.clear();
  EXPECT_TRUE(s.empty());
  EXPECT_EQ(0u, Slice(static_cast<const char*>(nullptr)).size());
  const std::string binary("a\0b", 3);
  EXPECT_EQ(3u, Slice(binary).ToString().size());
}

TEST(SliceTest, ToStringHexIsUpperCase) {
  EXPECT_EQ("01ABFF207A", Slice("\x01\xab\xff z", 5).ToString(true));
  EXPECT_EQ("", Slice().ToString(true));
}

TEST(SliceTest, DecodeHex) {
  struct Case {
    const char* hex;
    bool ok;
    std::string out;  // contents of the result afterwards
  };
  const Case cases[] = {
      {"", true, ""},
      {"01AB", true, "\x01\xab"},
      {"01ab", true, "\x01\xab"},
      {"AbCd", true, "\xab\xcd"},
      {"abcdef01", true, "\xab\xcd\xef\x01"},
      {"0", false, "pre"},  // odd length: result untouched
      {"012", false, "pre"},
      {"0g", false, ""},  // bad digit: result keeps what was decoded
      {"010g", false, "\x01"},
      {"0102zz", false, "\x01\x02"},
  };
  for (const Case& c : cases) {
    std::string result = "pre";
    EXPECT_EQ(c.ok, Slice(c.hex).DecodeHex(&result)) << c.hex;
    EXPECT_EQ(c.out, result) << c.hex;
  }
  std::string round;
  ASSERT_TRUE(
      Slice(Slice("\x00\x7f\x80\xff", 4).ToString(true)).DecodeHex(&round));
  EXPECT_EQ(std::string("\x00\x7f\x80\xff", 4), round);
}

TEST(SliceTest, SlicePartsAppendToBuffer) {
  const Slice parts[3] = {"ab", "", "cde"};
  std::string buf = "zz";
  Slice joined(SliceParts(parts, 3), &buf);
  // 7.8.3 appends to whatever the buffer held.
  EXPECT_EQ("zzabcde", joined.ToString());
  EXPECT_EQ("zzabcde", buf);
  std::string empty_buf;
  EXPECT_TRUE(Slice(SliceParts(), &empty_buf).empty());
}

std::string* g_log = nullptr;
void Record(void* a, void* b) {
  g_log->append(static_cast<const char*>(a));
  g_log->append(static_cast<const char*>(b));
  g_log->append(",");
}

class CleanableTest : public testing::Test {
 protected:
  CleanableTest() { g_log = &log_; }
  ~CleanableTest() override { g_log = nullptr; }
  static void* Arg(const char* s) { return const_cast<char*>(s); }
  std::string log_;
};

TEST_F(CleanableTest, RunsFirstThenNewestFirst) {
  {
    Cleanable c;
    EXPECT_FALSE(c.HasCleanups());
    c.RegisterCleanup(Record, Arg("a"), Arg("1"));
    c.RegisterCleanup(Record, Arg("a"), Arg("2"));
    c.RegisterCleanup(Record, Arg("a"), Arg("3"));
    EXPECT_TRUE(c.HasCleanups());
  }
  EXPECT_EQ("a1,a3,a2,", log_);  // the order 7.8.3 uses
}

TEST_F(CleanableTest, DelegateKeepsRocksDBOrder) {
  Cleanable a, b;
  a.RegisterCleanup(Record, Arg("a"), Arg("1"));
  a.RegisterCleanup(Record, Arg("a"), Arg("2"));
  b.RegisterCleanup(Record, Arg("b"), Arg("1"));
  b.RegisterCleanup(Record, Arg("b"), Arg("2"));
  a.DelegateCleanupsTo(&b);
  EXPECT_FALSE(a.HasCleanups());
  b.Reset();
  EXPECT_EQ("b1,a2,a1,b2,", log_);
  EXPECT_FALSE(b.HasCleanups());
  b.Reset();  // nothing runs twice
  EXPECT_EQ("b1,a2,a1,b2,", log_);
}

TEST_F(CleanableTest, MoveTransfersCleanups) {
  {
    Cleanable a;
    a.RegisterCleanup(Record, Arg("a"), Arg("1"));
    Cleanable b(std::move(a));
    EXPECT_FALSE(a.HasCleanups());  // NOLINT(bugprone-use-after-move)
    EXPECT_TRUE(b.HasCleanups());
    Cleanable c;
    c.RegisterCleanup(Record, Arg("c"), Arg("1"));
    c = std::move(b);  // c's own cleanup runs now (7.8.3 would drop it)
    EXPECT_EQ("c1,", log_);
  }
  EXPECT_EQ("c1,a1,", log_);
}

TEST_F(CleanableTest, NullFunctionIgnored) {
  Cleanable c;
  c.RegisterCleanup(nullptr, nullptr, nullptr);
  EXPECT_FALSE(c.HasCleanups());
}

TEST_F(CleanableTest, SharedCleanablePtrRunsAfterLastReference) {
  {
    SharedCleanablePtr s;
    EXPECT_EQ(nullptr, s.get());
    s.Allocate();
    s->RegisterCleanup(Record, Arg("s"), Arg("1"));
    Cleanable target;
    s.RegisterCopyWith(&target);
    SharedCleanablePtr s2 = s;
    s.Reset();
    EXPECT_EQ("", log_);
    s2.Reset();
    EXPECT_EQ("", log_);
    target.Reset();
    EXPECT_EQ("s1,", log_);
  }
  {
    SharedCleanablePtr s;
    s.Allocate();
    (*s).RegisterCleanup(Record, Arg("m"), Arg("1"));
    Cleanable target;
    s.MoveAsCleanupTo(&target);
    EXPECT_EQ(nullptr, s.get());
    SharedCleanablePtr moved = std::move(s);
    EXPECT_EQ(nullptr, moved.get());
  }
  EXPECT_EQ("s1,m1,", log_);
}

TEST_F(CleanableTest, PinnableSlicePinAndReset) {
  std::string external = "world";
  PinnableSlice p;
  EXPECT_FALSE(p.IsPinned());
  p.PinSlice(external, Record, Arg("p"), Arg("1"));
  EXPECT_TRUE(p.IsPinned());
  EXPECT_EQ(external.data(), p.data());
  p.remove_prefix(1);
  p.remove_suffix(1);
  EXPECT_EQ("orl", p.ToString());
  EXPECT_EQ("world", external);  // pinned data is never modified
  p.Reset();
  EXPECT_EQ("p1,", log_);
  EXPECT_FALSE(p.IsPinned());
  EXPECT_EQ(0u, p.size());

  p.PinSelf("hello");
  EXPECT_FALSE(p.IsPinned());
  EXPECT_EQ("hello", *p.GetSelf());
  p.remove_prefix(1);
  EXPECT_EQ("ello", *p.GetSelf());  // self-backed: the buffer shrinks
  p.remove_suffix(1);
  EXPECT_EQ("ell", p.ToString());
  p.Reset();
  EXPECT_EQ("ell", *p.GetSelf());  // Reset keeps the buffer contents

  p.GetSelf()->assign("direct");
  p.PinSelf();
  EXPECT_EQ("direct", p.ToString());

  Cleanable owner;
  owner.RegisterCleanup(Record, Arg("o"), Arg("1"));
  p.Reset();
  p.PinSlice(external, &owner);
  EXPECT_FALSE(owner.HasCleanups());
  p.Reset();
  EXPECT_EQ("p1,o1,", log_);
}

TEST_F(CleanableTest, PinnableSliceMoves) {
  PinnableSlice p1;
  p1.PinSelf("hello");
  PinnableSlice p2(std::move(p1));
  EXPECT_EQ("hello", p2.ToString());
  EXPECT_EQ(p2.GetSelf()->data(), p2.data());
  EXPECT_FALSE(p2.IsPinned());
  EXPECT_EQ(0u, p1.size());  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ("", *p1.GetSelf());

  std::string external = "world";
  PinnableSlice p3;
  p3.PinSlice(external, Record, Arg("p"), Arg("3"));
  PinnableSlice p4;
  p4.PinSelf("x");
  p4 = std::move(p3);
  EXPECT_EQ("world", p4.ToString());
  EXPECT_TRUE(p4.IsPinned());
  EXPECT_TRUE(p4.HasCleanups());
  EXPECT_FALSE(p3.IsPinned());  // NOLINT(bugprone-use-after-move)
  EXPECT_FALSE(p3.HasCleanups());

  // A caller-supplied buffer travels with the move.
  std::string user_buf;
  PinnableSlice p5(&user_buf);
  p5.PinSelf("ub");
  PinnableSlice p6(std::move(p5));
  EXPECT_EQ(&user_buf, p6.GetSelf());
  EXPECT_EQ("ub", p6.ToString());
  EXPECT_NE(&user_buf, p5.GetSelf());  // NOLINT(bugprone-use-after-move)

  // A value in the source's own buffer lands in the target's own buffer.
  PinnableSlice p7;
  p7.PinSelf("seven");
  PinnableSlice p8(&user_buf);
  p8 = std::move(p7);
  EXPECT_EQ("seven", p8.ToString());
  EXPECT_NE(&user_buf, p8.GetSelf());
  EXPECT_EQ("ub", user_buf);

  p4.Reset();
  EXPECT_EQ("p3,", log_);
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
