// Copyright (c) the rocksdb-cleanroom authors.
//
// The built-in Statistics ("BasicStatistics") behind CreateDBStatistics().
//
// Counters are sharded: each thread adds to one of a few cache-line aligned
// shards (chosen once per thread), so hot-path recordTick() and
// recordInHistogram() calls are lock-free relaxed atomic adds. Readers sum
// the shards. Operations that must see or change all shards at once
// (setTickerCount, getAndResetTickerCount, Reset, reads) hold
// aggregate_mu_, which the hot path never takes.

#include "rocksdb/statistics.h"

#include <atomic>
#include <cinttypes>
#include <cstdio>
#include <memory>
#include <thread>
#include <vector>

#include "port/mutex.h"
#include "rocksdb/convenience.h"
#include "util/histogram.h"

namespace ROCKSDB_NAMESPACE {

namespace {

constexpr size_t kMaxShards = 16;

size_t ChooseShardCount() {
  size_t cores = std::thread::hardware_concurrency();
  size_t n = 1;
  while (n < cores && n < kMaxShards) n *= 2;
  return n;
}

// A small per-thread number, handed out round-robin, used to pick a shard.
size_t ThisThreadSlot() {
  static std::atomic<size_t> next_slot{0};
  thread_local const size_t slot =
      next_slot.fetch_add(1, std::memory_order_relaxed);
  return slot;
}

class StatisticsImpl : public Statistics {
 public:
  StatisticsImpl() : shard_mask_(ChooseShardCount() - 1) {
    for (size_t i = 0; i <= shard_mask_; i++) {
      shards_.emplace_back(new Shard());
    }
  }

  const char* Name() const override { return "BasicStatistics"; }

  uint64_t getTickerCount(uint32_t type) const override {
    if (type >= TICKER_ENUM_MAX) return 0;
    port::MutexLock l(&aggregate_mu_);
    return SumTicker(type);
  }

  void recordTick(uint32_t type, uint64_t count) override {
    if (get_stats_level() <= StatsLevel::kExceptTickers) return;
    if (type >= TICKER_ENUM_MAX) return;
    MyShard().tickers[type].fetch_add(count, std::memory_order_relaxed);
  }

  void setTickerCount(uint32_t type, uint64_t count) override {
    if (type >= TICKER_ENUM_MAX) return;
    port::MutexLock l(&aggregate_mu_);
    for (auto& shard : shards_) {
      shard->tickers[type].store(0, std::memory_order_relaxed);
    }
    shards_[0]->tickers[type].store(count, std::memory_order_relaxed);
  }

  uint64_t getAndResetTickerCount(uint32_t type) override {
    if (type >= TICKER_ENUM_MAX) return 0;
    port::MutexLock l(&aggregate_mu_);
    uint64_t total = 0;
    for (auto& shard : shards_) {
      total += shard->tickers[type].exchange(0, std::memory_order_relaxed);
    }
    return total;
  }

  void recordInHistogram(uint32_t type, uint64_t value) override {
    if (get_stats_level() <= StatsLevel::kExceptHistogramOrTimers) return;
    if (type >= HISTOGRAM_ENUM_MAX || !HistEnabledForType(type)) return;
    MyShard().histograms[type].Add(value);
  }

  // Callers of the old name get the same behaviour as recordInHistogram().
  void measureTime(uint32_t type, uint64_t value) override {
    recordInHistogram(type, value);
  }

  void histogramData(uint32_t type, HistogramData* const data) const override {
    Histogram h;
    if (type < HISTOGRAM_ENUM_MAX) {
      port::MutexLock l(&aggregate_mu_);
      MergeHistogram(type, &h);
    }
    h.Data(data);
  }

  std::string getHistogramString(uint32_t type) const override {
    Histogram h;
    if (type < HISTOGRAM_ENUM_MAX) {
      port::MutexLock l(&aggregate_mu_);
      MergeHistogram(type, &h);
    }
    return h.ToString();
  }

  Status Reset() override {
    port::MutexLock l(&aggregate_mu_);
    for (auto& shard : shards_) {
      for (auto& t : shard->tickers) t.store(0, std::memory_order_relaxed);
      for (auto& h : shard->histograms) h.Clear();
    }
    return Status::OK();
  }

  // One "<name> COUNT : <n>" line per ticker, then one
  // "<name> P50 : .. P95 : .. P99 : .. P100 : .. COUNT : .. SUM : .." line
  // per enabled histogram.
  std::string ToString() const override {
    std::string out;
    char line[512];
    port::MutexLock l(&aggregate_mu_);
    for (const auto& t : TickersNameMap) {
      snprintf(line, sizeof(line), "%s COUNT : %" PRIu64 "\n", t.second.c_str(),
               SumTicker(t.first));
      out.append(line);
    }
    for (const auto& entry : HistogramsNameMap) {
      if (!HistEnabledForType(entry.first)) continue;
      Histogram h;
      MergeHistogram(entry.first, &h);
      snprintf(line, sizeof(line),
               "%s P50 : %f P95 : %f P99 : %f P100 : %f COUNT : %" PRIu64
               " SUM : %" PRIu64 "\n",
               entry.second.c_str(), h.Median(), h.Percentile(95),
               h.Percentile(99), static_cast<double>(h.max()), h.count(),
               h.sum());
      out.append(line);
    }
    return out;
  }

  bool getTickerMap(std::map<std::string, uint64_t>* stats_map) const override {
    if (stats_map == nullptr) return false;
    stats_map->clear();
    port::MutexLock l(&aggregate_mu_);
    for (const auto& t : TickersNameMap) {
      (*stats_map)[t.second] = SumTicker(t.first);
    }
    return true;
  }

 private:
  struct alignas(64) Shard {
    Shard() {
      for (auto& t : tickers) t.store(0, std::memory_order_relaxed);
    }
    std::atomic<uint64_t> tickers[TICKER_ENUM_MAX];
    ConcurrentHistogram histograms[HISTOGRAM_ENUM_MAX];
  };

  Shard& MyShard() { return *shards_[ThisThreadSlot() & shard_mask_]; }

  uint64_t SumTicker(uint32_t type) const REQUIRES(aggregate_mu_) {
    uint64_t total = 0;
    for (const auto& shard : shards_) {
      total += shard->tickers[type].load(std::memory_order_relaxed);
    }
    return total;
  }

  void MergeHistogram(uint32_t type, Histogram* out) const
      REQUIRES(aggregate_mu_) {
    for (const auto& shard : shards_) shard->histograms[type].MergeInto(out);
  }

  // Constant after construction.
  const size_t shard_mask_;
  std::vector<std::unique_ptr<Shard>> shards_;

  mutable port::Mutex aggregate_mu_;
};

std::string Trim(const std::string& s) {
  const size_t first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return std::string();
  const size_t last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

// Splits "Name" or "id=Name;key=value;..." into the id and the other keys.
void ParseObjectString(const std::string& value, std::string* id,
                       std::vector<std::string>* other_keys) {
  if (value.find('=') == std::string::npos) {
    *id = value;
    return;
  }
  size_t pos = 0;
  while (pos <= value.size()) {
    size_t end = value.find(';', pos);
    if (end == std::string::npos) end = value.size();
    const std::string item = value.substr(pos, end - pos);
    const size_t eq = item.find('=');
    const std::string key = Trim(item.substr(0, eq));
    if (key == "id" && eq != std::string::npos) {
      *id = Trim(item.substr(eq + 1));
    } else if (!key.empty()) {
      other_keys->push_back(key);
    }
    pos = end + 1;
  }
}

}  // namespace

std::shared_ptr<Statistics> CreateDBStatistics() {
  return std::make_shared<StatisticsImpl>();
}

// Only the built-in implementation is known by name: "" and
// "BasicStatistics" (or "id=BasicStatistics") create one, "nullptr" clears
// *result, other names are NotSupported unless the options say to ignore
// unsupported objects (then *result is left alone). BasicStatistics has no
// options, so any key besides "id" is NotFound.
Status Statistics::CreateFromString(const ConfigOptions& opts,
                                    const std::string& value,
                                    std::shared_ptr<Statistics>* result) {
  std::string id;
  std::vector<std::string> other_keys;
  ParseObjectString(value, &id, &other_keys);
  if (id == "nullptr") {
    result->reset();
    return Status::OK();
  }
  if (!id.empty() && id != "BasicStatistics") {
    if (opts.ignore_unsupported_options) return Status::OK();
    return Status::NotSupported("Could not load Statistics: " + id);
  }
  *result = CreateDBStatistics();
  if (!other_keys.empty()) {
    return Status::NotFound("Could not find option: ", other_keys.front());
  }
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
