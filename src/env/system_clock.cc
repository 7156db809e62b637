// Copyright (c) the rocksdb-cleanroom authors.
//
// The POSIX clock (SystemClock::Default()) and SystemClockWrapper.

#include "rocksdb/system_clock.h"

#include <errno.h>
#include <sys/time.h>
#include <time.h>

#include <cstdio>

#include "rocksdb/convenience.h"

namespace ROCKSDB_NAMESPACE {

namespace {

uint64_t ClockNanos(clockid_t id) {
  struct timespec ts;
  if (::clock_gettime(id, &ts) != 0) return 0;
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000ull +
         static_cast<uint64_t>(ts.tv_nsec);
}

class PosixClock : public SystemClock {
 public:
  static const char* kClassName() { return "PosixClock"; }
  const char* Name() const override { return kDefaultName(); }
  const char* NickName() const override { return kClassName(); }

  uint64_t NowMicros() override {
    struct timeval tv;
    ::gettimeofday(&tv, nullptr);
    return static_cast<uint64_t>(tv.tv_sec) * 1000000 +
           static_cast<uint64_t>(tv.tv_usec);
  }

  uint64_t NowNanos() override { return ClockNanos(CLOCK_MONOTONIC); }

  uint64_t CPUMicros() override {
    return ClockNanos(CLOCK_THREAD_CPUTIME_ID) / 1000;
  }

  uint64_t CPUNanos() override { return ClockNanos(CLOCK_THREAD_CPUTIME_ID); }

  void SleepForMicroseconds(int micros) override {
    if (micros <= 0) return;
    struct timespec req;
    req.tv_sec = micros / 1000000;
    req.tv_nsec = static_cast<long>(micros % 1000000) * 1000;
    while (::nanosleep(&req, &req) != 0 && errno == EINTR) {
    }
  }

  Status GetCurrentTime(int64_t* unix_time) override {
    time_t now = ::time(nullptr);
    if (now == static_cast<time_t>(-1)) {
      return Status::IOError("GetCurrentTime");
    }
    *unix_time = static_cast<int64_t>(now);
    return Status::OK();
  }

  // Local time as "YYYY/MM/DD-HH:MM:SS " (the trailing space is RocksDB's).
  std::string TimeToString(uint64_t seconds) override {
    time_t t = static_cast<time_t>(seconds);
    struct tm parts;
    if (::localtime_r(&t, &parts) == nullptr) return std::string();
    char buf[64];
    snprintf(buf, sizeof(buf), "%04d/%02d/%02d-%02d:%02d:%02d ",
             parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
             parts.tm_hour, parts.tm_min, parts.tm_sec);
    return buf;
  }
};

}  // namespace

const std::shared_ptr<SystemClock>& SystemClock::Default() {
  // Never destroyed: background threads may read the clock during exit.
  static auto* clock =
      new std::shared_ptr<SystemClock>(std::make_shared<PosixClock>());
  return *clock;
}

Status SystemClock::CreateFromString(const ConfigOptions& config_options,
                                     const std::string& value,
                                     std::shared_ptr<SystemClock>* result) {
  std::string id = value;
  if (id.compare(0, 3, "id=") == 0) id = id.substr(3);
  if (id.empty()) {
    result->reset();
    return Status::OK();
  }
  if (id == kDefaultName() || id == PosixClock::kClassName()) {
    *result = Default();
    return Status::OK();
  }
  if (config_options.ignore_unsupported_options) {
    result->reset();
    return Status::OK();
  }
  return Status::NotSupported("Could not load SystemClock", id);
}

SystemClockWrapper::SystemClockWrapper(const std::shared_ptr<SystemClock>& t)
    : target_(t) {}

Status SystemClockWrapper::PrepareOptions(const ConfigOptions& options) {
  if (target_ == nullptr) target_ = SystemClock::Default();
  return SystemClock::PrepareOptions(options);
}

#ifndef ROCKSDB_LITE
std::string SystemClockWrapper::SerializeOptions(
    const ConfigOptions& config_options, const std::string& header) const {
  return SystemClock::SerializeOptions(config_options, header);
}
#endif  // ROCKSDB_LITE

}  // namespace ROCKSDB_NAMESPACE
