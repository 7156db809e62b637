// Copyright (c) the rocksdb-cleanroom authors.
//
// SystemClock: the engine's only source of wall-clock and monotonic time and
// of sleeping, so that tests can substitute a mock clock.
#pragma once
#include <stdint.h>

#include <memory>

#include "rocksdb/customizable.h"
#include "rocksdb/rocksdb_namespace.h"
#include "rocksdb/status.h"

#ifdef _WIN32
#undef GetCurrentTime
#endif

namespace ROCKSDB_NAMESPACE {
struct ConfigOptions;

// Time services. Implementations are thread-safe.
class SystemClock : public Customizable {
 public:
  ~SystemClock() override {}

  static const char* Type() { return "SystemClock"; }
  // Builds a clock from its name (only the default clock is known).
  static Status CreateFromString(const ConfigOptions& options,
                                 const std::string& value,
                                 std::shared_ptr<SystemClock>* result);
  virtual const char* Name() const override = 0;

  // Name under which the default clock registers itself.
  static const char* kDefaultName() { return "DefaultClock"; }

  // The process-wide clock of the host OS; never null, never freed.
  static const std::shared_ptr<SystemClock>& Default();

  // Wall-clock microseconds since the epoch.
  virtual uint64_t NowMicros() = 0;

  // Monotonic nanoseconds from an arbitrary origin; meaningful only as
  // differences within one process.
  virtual uint64_t NowNanos() { return NowMicros() * 1000; }

  // CPU time consumed by the calling thread; 0 means unsupported.
  virtual uint64_t CPUMicros() { return 0; }
  virtual uint64_t CPUNanos() { return CPUMicros() * 1000; }

  // Blocks the calling thread for about `micros` microseconds.
  virtual void SleepForMicroseconds(int micros) = 0;

  // Seconds since the epoch (UTC); *unix_time is untouched on failure.
  virtual Status GetCurrentTime(int64_t* unix_time) = 0;

  // Formats seconds-since-epoch in local time for logs.
  virtual std::string TimeToString(uint64_t time) = 0;
};

// A SystemClock that forwards everything except Name() to another clock.
class SystemClockWrapper : public SystemClock {
 public:
  explicit SystemClockWrapper(const std::shared_ptr<SystemClock>& t);

  uint64_t NowMicros() override { return target_->NowMicros(); }
  uint64_t NowNanos() override { return target_->NowNanos(); }
  uint64_t CPUMicros() override { return target_->CPUMicros(); }
  uint64_t CPUNanos() override { return target_->CPUNanos(); }
  virtual void SleepForMicroseconds(int micros) override {
    return target_->SleepForMicroseconds(micros);
  }
  Status GetCurrentTime(int64_t* unix_time) override {
    return target_->GetCurrentTime(unix_time);
  }
  std::string TimeToString(uint64_t time) override {
    return target_->TimeToString(time);
  }

  Status PrepareOptions(const ConfigOptions& options) override;
#ifndef ROCKSDB_LITE
  std::string SerializeOptions(const ConfigOptions& config_options,
                               const std::string& header) const override;
#endif  // ROCKSDB_LITE
  const Customizable* Inner() const override { return target_.get(); }

 protected:
  std::shared_ptr<SystemClock> target_;
};

}  // namespace ROCKSDB_NAMESPACE
