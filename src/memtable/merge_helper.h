// Copyright (c) the rocksdb-cleanroom authors.
//
// FullMergeOperands moved to util/ so the table layer can use it too; this
// header keeps the memtable-side include working.
#pragma once

#include "util/merge_helper.h"
