// Copyright (c) the rocksdb-cleanroom authors.
//
// FunctorWrapper: a function bound to a tuple of arguments, called later with
// invoke() (used to schedule work on a thread pool).
#pragma once

#include <functional>
#include <memory>
#include <tuple>
#include <utility>

#include "rocksdb/rocksdb_namespace.h"

namespace ROCKSDB_NAMESPACE {

template <typename... Args>
class FunctorWrapper {
 public:
  // Stores functor and (moved or copied) args until invoke().
  explicit FunctorWrapper(std::function<void(Args...)> functor, Args&&... args)
      : functor_(std::move(functor)), args_(std::forward<Args>(args)...) {}

  // Calls the functor with copies of the stored arguments; may be repeated.
  void invoke() {
    std::apply([this](auto&... a) { functor_(a...); }, args_);
  }

 private:
  std::function<void(Args...)> functor_;
  std::tuple<Args...> args_;
};

}  // namespace ROCKSDB_NAMESPACE
