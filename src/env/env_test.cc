// Copyright (c) the rocksdb-cleanroom authors.
//
// Env-level contracts: defaults, EnvOptions, Optimize*(), the adapters that
// let an EnvWrapper's overrides reach the engine through GetFileSystem(),
// factories, clock and ThreadStatus names.

#include "rocksdb/env.h"

#include <unistd.h>

#include <atomic>
#include <regex>

#include "gtest/gtest.h"
#include "rocksdb/convenience.h"
#include "rocksdb/file_system.h"
#include "rocksdb/options.h"
#include "rocksdb/system_clock.h"
#include "rocksdb/thread_status.h"

namespace ROCKSDB_NAMESPACE {
namespace {

TEST(EnvTest, DefaultObjects) {
  Env* env = Env::Default();
  EXPECT_EQ(env, Env::Default());
  EXPECT_STREQ("PosixEnv", env->Name());
  EXPECT_EQ(FileSystem::Default(), env->GetFileSystem());
  EXPECT_STREQ("PosixFileSystem", env->GetFileSystem()->Name());
  EXPECT_STREQ("DefaultClock", SystemClock::Default()->Name());
  EXPECT_NE(nullptr, env->GetThreadStatusUpdater());
  std::vector<ThreadStatus> threads;
  EXPECT_TRUE(env->GetThreadList(&threads).ok());
  EXPECT_EQ("Low", Env::PriorityToString(Env::LOW));
  EXPECT_EQ("Bottom", Env::PriorityToString(Env::BOTTOM));
  EXPECT_EQ("High", Env::PriorityToString(Env::HIGH));
  EXPECT_EQ("User", Env::PriorityToString(Env::USER));
}

TEST(EnvTest, EnvOptionsDefaultsFollowDBOptions) {
  EnvOptions e;
  EXPECT_FALSE(e.use_mmap_reads);
  EXPECT_FALSE(e.use_mmap_writes);
  EXPECT_TRUE(e.allow_fallocate);
  EXPECT_TRUE(e.set_fd_cloexec);
  EXPECT_TRUE(e.fallocate_with_keep_size);
  EXPECT_EQ(1024u * 1024, e.random_access_max_buffer_size);
  EXPECT_EQ(1024u * 1024, e.writable_file_max_buffer_size);

  DBOptions db;
  db.allow_mmap_reads = true;
  db.use_direct_io_for_flush_and_compaction = true;
  db.bytes_per_sync = 77;
  EnvOptions from_db(db);
  EXPECT_TRUE(from_db.use_mmap_reads);
  EXPECT_TRUE(from_db.use_direct_writes);
  EXPECT_EQ(77u, from_db.bytes_per_sync);

  FileOptions fo(from_db);
  EXPECT_EQ(ChecksumType::kCRC32c, fo.handoff_checksum_type);
  EXPECT_EQ(77u, fo.bytes_per_sync);
}

TEST(EnvTest, OptimizeRules) {
  Env* env = Env::Default();
  EnvOptions in;
  in.use_direct_reads = true;
  in.use_direct_writes = true;
  in.use_mmap_writes = true;
  in.fallocate_with_keep_size = false;
  in.bytes_per_sync = 7;
  EnvOptions r = env->OptimizeForLogRead(in);
  EXPECT_FALSE(r.use_direct_reads);
  EXPECT_TRUE(r.use_direct_writes);
  DBOptions db;
  db.wal_bytes_per_sync = 99;
  EnvOptions w = env->OptimizeForLogWrite(in, db);
  EXPECT_EQ(99u, w.bytes_per_sync);
  EXPECT_FALSE(w.use_mmap_writes);
  EXPECT_FALSE(w.use_direct_writes);
  EXPECT_TRUE(w.use_direct_reads);
  EXPECT_TRUE(w.fallocate_with_keep_size);
  EnvOptions m = env->OptimizeForManifestWrite(in);
  EXPECT_EQ(7u, m.bytes_per_sync);
  EXPECT_FALSE(m.use_direct_writes);
  EXPECT_TRUE(m.fallocate_with_keep_size);
}

TEST(EnvTest, ClockAndHost) {
  Env* env = Env::Default();
  uint64_t a = env->NowNanos();
  env->SleepForMicroseconds(2000);
  uint64_t b = env->NowNanos();
  EXPECT_GE(b - a, 2000000u);
  int64_t now = 0;
  ASSERT_TRUE(env->GetCurrentTime(&now).ok());
  EXPECT_NEAR(static_cast<double>(now),
              static_cast<double>(env->NowMicros() / 1000000), 2.0);
  EXPECT_TRUE(
      std::regex_match(env->TimeToString(1700000000),
                       std::regex(R"(\d{4}/\d\d/\d\d-\d\d:\d\d:\d\d )")));
  std::string host;
  ASSERT_TRUE(env->GetHostNameString(&host).ok());
  EXPECT_FALSE(host.empty());
  char tiny[3];
  ASSERT_TRUE(env->GetHostName(tiny, sizeof(tiny)).ok());
  EXPECT_EQ(host.substr(0, 2), std::string(tiny));
  std::string id1 = env->GenerateUniqueId();
  std::string id2 = env->GenerateUniqueId();
  EXPECT_NE(id1, id2);
  EXPECT_TRUE(std::regex_match(
      id1, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
                      "[0-9a-f]{12}")))
      << id1;
}

// An EnvWrapper overriding one method: the engine, which uses
// GetFileSystem(), must still go through the override.
class CountingEnv : public EnvWrapper {
 public:
  explicit CountingEnv(Env* base) : EnvWrapper(base) {}
  const char* Name() const override { return "CountingEnv"; }
  Status NewWritableFile(const std::string& f, std::unique_ptr<WritableFile>* r,
                         const EnvOptions& o) override {
    ++writable_opens;
    return EnvWrapper::NewWritableFile(f, r, o);
  }
  uint64_t NowMicros() override { return 42; }
  std::atomic<int> writable_opens{0};
};

TEST(EnvTest, WrapperOverridesReachFileSystemAndClock) {
  CountingEnv env(Env::Default());
  EXPECT_STREQ("LegacyFileSystem", env.GetFileSystem()->Name());
  std::string dir;
  ASSERT_TRUE(env.GetTestDirectory(&dir).ok());
  std::string fname = dir + "/env_test_wrapper_" + std::to_string(::getpid());

  std::unique_ptr<FSWritableFile> f;
  ASSERT_TRUE(env.GetFileSystem()
                  ->NewWritableFile(fname, FileOptions(), &f, nullptr)
                  .ok());
  EXPECT_EQ(1, env.writable_opens.load());
  ASSERT_TRUE(f->Append("abc", IOOptions(), nullptr).ok());
  EXPECT_EQ(3u, f->GetFileSize(IOOptions(), nullptr));
  ASSERT_TRUE(f->Close(IOOptions(), nullptr).ok());
  std::string data;
  ASSERT_TRUE(ReadFileToString(env.GetFileSystem().get(), fname, &data).ok());
  EXPECT_EQ("abc", data);

  // Errors cross the adapters unchanged.
  std::unique_ptr<FSSequentialFile> s;
  IOStatus io = env.GetFileSystem()->NewSequentialFile(
      fname + ".missing", FileOptions(), &s, nullptr);
  EXPECT_TRUE(io.IsPathNotFound());

  EXPECT_EQ(42u, env.GetSystemClock()->NowMicros());
  ASSERT_TRUE(env.DeleteFile(fname).ok());
}

TEST(EnvTest, CompositeEnvUsesGivenFileSystem) {
  std::unique_ptr<Env> mem(NewMemEnv(Env::Default()));
  std::unique_ptr<Env> composite = NewCompositeEnv(mem->GetFileSystem());
  EXPECT_STREQ("CompositeEnv", composite->Name());
  ASSERT_TRUE(WriteStringToFile(composite.get(), "v", "/c/file").ok());
  std::string data;
  ASSERT_TRUE(ReadFileToString(mem.get(), "/c/file", &data).ok());
  EXPECT_EQ("v", data);
  // Thread pools are shared with Env::Default().
  EXPECT_EQ(Env::Default()->GetBackgroundThreads(Env::LOW),
            composite->GetBackgroundThreads(Env::LOW));
}

TEST(EnvTest, CreateFromString) {
  ConfigOptions config;
  Env* env = nullptr;
  std::shared_ptr<Env> guard;
  ASSERT_TRUE(Env::CreateFromString(config, "", &env, &guard).ok());
  EXPECT_EQ(Env::Default(), env);
  ASSERT_TRUE(Env::CreateFromString(config, "DefaultEnv", &env, &guard).ok());
  EXPECT_EQ(Env::Default(), env);
  ASSERT_TRUE(Env::CreateFromString(config, "MockEnv", &env, &guard).ok());
  EXPECT_STREQ("MockEnv", env->Name());
  EXPECT_EQ(guard.get(), env);
  Status s = Env::LoadEnv("MockEnv", &env);
  EXPECT_TRUE(s.IsInvalidArgument());

  s = Env::CreateFromUri(config, "DefaultEnv", "DefaultFileSystem", &env,
                         &guard);
  EXPECT_EQ("Invalid argument: cannot specify both fs_uri and env_uri",
            s.ToString());

  std::shared_ptr<FileSystem> fs;
  ASSERT_TRUE(
      FileSystem::CreateFromString(config, "PosixFileSystem", &fs).ok());
  EXPECT_EQ(FileSystem::Default(), fs);
  std::shared_ptr<SystemClock> clock;
  ASSERT_TRUE(
      SystemClock::CreateFromString(config, "DefaultClock", &clock).ok());
  EXPECT_EQ(SystemClock::Default(), clock);
}

TEST(ThreadStatusTest, NamesAndDecoding) {
  EXPECT_EQ("High Pri",
            ThreadStatus::GetThreadTypeName(ThreadStatus::HIGH_PRIORITY));
  EXPECT_EQ("Bottom Pri",
            ThreadStatus::GetThreadTypeName(ThreadStatus::BOTTOM_PRIORITY));
  EXPECT_EQ("Compaction",
            ThreadStatus::GetOperationName(ThreadStatus::OP_COMPACTION));
  EXPECT_EQ("", ThreadStatus::GetOperationName(ThreadStatus::NUM_OP_TYPES));
  EXPECT_EQ(
      "FlushJob::WriteLevel0Table",
      ThreadStatus::GetOperationStageName(ThreadStatus::STAGE_FLUSH_WRITE_L0));
  EXPECT_EQ("Mutex Wait",
            ThreadStatus::GetStateName(ThreadStatus::STATE_MUTEX_WAIT));
  EXPECT_EQ("Manual/Deletion/Trivial", ThreadStatus::GetOperationPropertyName(
                                           ThreadStatus::OP_COMPACTION, 2));
  EXPECT_EQ("",
            ThreadStatus::GetOperationPropertyName(ThreadStatus::OP_FLUSH, 3));

  EXPECT_EQ("", ThreadStatus::MicrosToString(0));
  EXPECT_EQ("9999 us", ThreadStatus::MicrosToString(9999));
  EXPECT_EQ("123.456 ms", ThreadStatus::MicrosToString(123456));
  EXPECT_EQ("10.500 sec", ThreadStatus::MicrosToString(10500000));
  EXPECT_EQ("10:0.000 M:S", ThreadStatus::MicrosToString(600000000));
  EXPECT_EQ("25:01:1.000 H:M:S", ThreadStatus::MicrosToString(90061000000ull));

  uint64_t props[ThreadStatus::kNumOperationProperties] = {
      7, (3ull << 32) | 4, 2 | 8, 100, 200, 300};
  auto m = ThreadStatus::InterpretOperationProperties(
      ThreadStatus::OP_COMPACTION, props);
  EXPECT_EQ(3u, m["BaseInputLevel"]);
  EXPECT_EQ(4u, m["OutputLevel"]);
  EXPECT_EQ(1u, m["IsManual"]);
  EXPECT_EQ(0u, m["IsDeletion"]);
  EXPECT_EQ(1u, m["IsTrivialMove"]);
  EXPECT_EQ(9u, m.size());
  EXPECT_TRUE(ThreadStatus::InterpretOperationProperties(
                  ThreadStatus::OP_UNKNOWN, props)
                  .empty());
}

}  // namespace
}  // namespace ROCKSDB_NAMESPACE
