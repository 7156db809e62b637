// Copyright (c) the rocksdb-cleanroom authors.
//
// Clang thread-safety annotations (-Wthread-safety). They expand to nothing
// on other compilers. Fields name the mutex that guards them with
// GUARDED_BY(mu_); functions that must be called with it held say
// REQUIRES(mu_); see ../shared/STYLE.md section 8.
#pragma once

#if defined(__clang__)
#define ROCKSDB_THREAD_ANNOTATION(x) __attribute__((x))
#else
#define ROCKSDB_THREAD_ANNOTATION(x)
#endif

#define CAPABILITY(x) ROCKSDB_THREAD_ANNOTATION(capability(x))
#define SCOPED_CAPABILITY ROCKSDB_THREAD_ANNOTATION(scoped_lockable)
#define GUARDED_BY(x) ROCKSDB_THREAD_ANNOTATION(guarded_by(x))
#define PT_GUARDED_BY(x) ROCKSDB_THREAD_ANNOTATION(pt_guarded_by(x))
#define ACQUIRED_BEFORE(...) ROCKSDB_THREAD_ANNOTATION(acquired_before(__VA_ARGS__))
#define ACQUIRED_AFTER(...) ROCKSDB_THREAD_ANNOTATION(acquired_after(__VA_ARGS__))
#define REQUIRES(...) ROCKSDB_THREAD_ANNOTATION(requires_capability(__VA_ARGS__))
#define REQUIRES_SHARED(...) \
  ROCKSDB_THREAD_ANNOTATION(requires_shared_capability(__VA_ARGS__))
#define ACQUIRE(...) ROCKSDB_THREAD_ANNOTATION(acquire_capability(__VA_ARGS__))
#define ACQUIRE_SHARED(...) \
  ROCKSDB_THREAD_ANNOTATION(acquire_shared_capability(__VA_ARGS__))
#define RELEASE(...) ROCKSDB_THREAD_ANNOTATION(release_capability(__VA_ARGS__))
#define RELEASE_SHARED(...) \
  ROCKSDB_THREAD_ANNOTATION(release_shared_capability(__VA_ARGS__))
#define TRY_ACQUIRE(...) \
  ROCKSDB_THREAD_ANNOTATION(try_acquire_capability(__VA_ARGS__))
#define EXCLUDES(...) ROCKSDB_THREAD_ANNOTATION(locks_excluded(__VA_ARGS__))
#define ASSERT_CAPABILITY(x) ROCKSDB_THREAD_ANNOTATION(assert_capability(x))
#define RETURN_CAPABILITY(x) ROCKSDB_THREAD_ANNOTATION(lock_returned(x))
#define NO_THREAD_SAFETY_ANALYSIS \
  ROCKSDB_THREAD_ANNOTATION(no_thread_safety_analysis)
