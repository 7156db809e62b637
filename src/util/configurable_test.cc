// Copyright (c) the rocksdb-cleanroom authors.
//
// Configurable/Customizable base behaviour for objects without registered
// options. Expected statuses and strings were observed on RocksDB 7.8.3
// with an equivalent class.
#include "rocksdb/configurable.h"

#include <gtest/gtest.h>

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "rocksdb/convenience.h"
#include "rocksdb/customizable.h"

namespace ROCKSDB_NAMESPACE {
namespace {

class Plain : public Customizable {
 public:
  static const char* kClassName() { return "Plain"; }
  const char* Name() const override { return kClassName(); }
  const char* NickName() const override { return "nick"; }
  std::string IndividualId() const { return GenerateIndividualId(); }
  std::string ShortName(const std::string& n) const { return GetOptionName(n); }
};

class Wrapper : public Customizable {
 public:
  explicit Wrapper(Plain* inner) : inner_(inner) {}
  static const char* kClassName() { return "Wrapper"; }
  const char* Name() const override { return kClassName(); }
  const Customizable* Inner() const override { return inner_; }

 private:
  Plain* inner_;
};

struct Settings {
  static const char* kName() { return "Settings"; }
  int x = 0;
};

class WithSettings : public Customizable {
 public:
  WithSettings() { RegisterOptions(&settings_, nullptr); }
  const char* Name() const override { return "WithSettings"; }
  Settings settings_;
};

TEST(CustomizableTest, Identity) {
  Plain p;
  EXPECT_EQ("Plain", p.GetId());
  EXPECT_TRUE(p.IsInstanceOf("Plain"));
  EXPECT_TRUE(p.IsInstanceOf("nick"));
  EXPECT_FALSE(p.IsInstanceOf(""));
  EXPECT_FALSE(p.IsInstanceOf("x"));
  const std::string id = p.IndividualId();
  EXPECT_EQ(0u, id.find("Plain@0x"));
  EXPECT_NE(std::string::npos, id.find('#'));
  EXPECT_EQ("opt", p.ShortName("Plain.opt"));
  EXPECT_EQ("other.opt", p.ShortName("other.opt"));
}

TEST(CustomizableTest, CheckedCastSeesThroughInner) {
  Plain p;
  Wrapper w(&p);
  EXPECT_EQ(&p, w.CheckedCast<Plain>());
  EXPECT_EQ(&w, w.CheckedCast<Wrapper>());
  EXPECT_EQ(nullptr, p.CheckedCast<Wrapper>());
  const Wrapper& cw = w;
  EXPECT_EQ(&p, cw.CheckedCast<Plain>());
}

TEST(CustomizableTest, RegisteredOptionsArePointers) {
  WithSettings w;
  EXPECT_EQ(&w.settings_, w.GetOptions<Settings>());
  EXPECT_EQ(nullptr, w.GetOptions<Settings>("nope"));
  Wrapper outer(nullptr);
  EXPECT_EQ(nullptr, outer.GetOptions<Settings>());
}

TEST(CustomizableTest, OptionsWithoutRegisteredOptions) {
  ConfigOptions co;
  Plain c;
  std::string value;
  ASSERT_TRUE(c.GetOption(co, "id", &value).ok());
  EXPECT_EQ("Plain", value);
  EXPECT_EQ("NotFound: Cannot find option: : foo",
            c.GetOption(co, "foo", &value).ToString());
  EXPECT_EQ("", value);  // cleared, as 7.8.3 does
  std::string str = "junk";
  ASSERT_TRUE(c.GetOptionString(co, &str).ok());
  EXPECT_EQ("", str);
  EXPECT_EQ("Plain", c.ToString(co));
  EXPECT_EQ("Plain", c.ToString(co, "pre."));

  EXPECT_EQ("NotFound: Could not find option: : a",
            c.ConfigureFromString(co, "a=1").ToString());
  EXPECT_TRUE(c.ConfigureFromString(co, "").ok());
  EXPECT_EQ("NotFound: Could not find option: : id",
            c.ConfigureFromString(co, "id=Plain").ToString());
  EXPECT_EQ("NotFound: Could not find option: : a",
            c.ConfigureOption(co, "a", "1").ToString());
  std::unordered_map<std::string, std::string> m{{"a", "1"}}, unused;
  EXPECT_TRUE(c.ConfigureFromMap(co, m, &unused).ok());
  EXPECT_EQ(1u, unused.size());
  EXPECT_TRUE(c.ConfigureFromMap(co, m).IsNotFound());

  co.ignore_unknown_options = true;
  EXPECT_TRUE(c.ConfigureFromString(co, "a=1").ok());
  EXPECT_TRUE(c.ConfigureFromMap(co, m).ok());
  co.ignore_unknown_options = false;

  std::unordered_set<std::string> names;
  EXPECT_TRUE(c.GetOptionNames(co, &names).ok());
  EXPECT_TRUE(names.empty());
  Plain d;
  std::string mismatch = "none";
  EXPECT_TRUE(c.AreEquivalent(co, &d, &mismatch));
  EXPECT_EQ("", mismatch);
  Wrapper w(nullptr);
  EXPECT_FALSE(c.AreEquivalent(co, &w, &mismatch));
  EXPECT_EQ("id", mismatch);
  EXPECT_TRUE(c.PrepareOptions(co).ok());
  EXPECT_EQ("", c.GetPrintableOptions());
}

TEST(ConfigurableTest, GetOptionsMapRules) {
  struct Case {
    const char* value;
    const char* default_id;
    const char* id;
    std::unordered_map<std::string, std::string> options;
  };
  // All rows observed on 7.8.3.
  const Case cases[] = {
      {"X", "", "X", {}},
      {" X ", "D", " X ", {}},
      {"id=X;a=1", "", "X", {{"a", "1"}}},
      {"a=1;id=X", "D", "X", {{"a", "1"}}},
      {"a=1", "", "a=1", {}},
      {"a=1", "D", "D", {{"a", "1"}}},
      {"", "", "", {}},
      {"", "D", "D", {}},
      {"id=;a=1", "D", "", {{"a", "1"}}},
      {"{id=X;a=1}", "", "X", {{"a", "1"}}},
      {"id=X;a={b=1;c=2}", "", "X", {{"a", "b=1;c=2"}}},
      {"id = X ; a = 1", "", "X", {{"a", "1"}}},
      {"a=1;;b=2", "D", "a=1;;b=2", {}},
      {"x;a=1", "D", "x;a=1", {}},
      {"a=", "", "a=", {}},
      {"a=", "D", "D", {{"a", ""}}},
      {"=1", "D", "=1", {}},
      {"id=X;a=1;a=2", "", "X", {{"a", "2"}}},
  };
  for (const Case& c : cases) {
    std::string id = "old";
    std::unordered_map<std::string, std::string> options{{"stale", "1"}};
    ASSERT_TRUE(
        Configurable::GetOptionsMap(c.value, c.default_id, &id, &options).ok());
    EXPECT_EQ(c.id, id) << c.value << " / " << c.default_id;
    EXPECT_EQ(c.options, options) << c.value << " / " << c.default_id;
  }
}

TEST(CustomizableTest, StaticHelpers) {
  ConfigOptions co;
  Plain c;
  std::string id;
  std::unordered_map<std::string, std::string> opts;
  ASSERT_TRUE(Customizable::GetOptionsMap(co, &c, "a=1", &id, &opts).ok());
  EXPECT_EQ("Plain", id);
  EXPECT_EQ(1u, opts.size());
  ASSERT_TRUE(Customizable::GetOptionsMap(co, nullptr, "a=1", &id, &opts).ok());
  EXPECT_EQ("a=1", id);
  EXPECT_TRUE(opts.empty());
  ASSERT_TRUE(Customizable::GetOptionsMap(co, &c, "", &id, &opts).ok());
  EXPECT_EQ("", id);
  ASSERT_TRUE(Customizable::GetOptionsMap(co, &c, "Other", &id, &opts).ok());
  EXPECT_EQ("Other", id);

  EXPECT_TRUE(Customizable::ConfigureNewObject(co, nullptr, {}).ok());
  EXPECT_EQ(
      "Invalid argument: Cannot configure null object ",
      Customizable::ConfigureNewObject(co, nullptr, {{"a", "1"}}).ToString());
  EXPECT_TRUE(Customizable::ConfigureNewObject(co, &c, {}).ok());
  EXPECT_EQ("NotFound: Could not find option: : a",
            Customizable::ConfigureNewObject(co, &c, {{"a", "1"}}).ToString());
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
