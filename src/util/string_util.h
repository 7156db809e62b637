// Copyright (c) the rocksdb-cleanroom authors.
//
// String helpers: number formatting and parsing, escaping for logs and
// error messages, splitting and trimming.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rocksdb/slice.h"

namespace ROCKSDB_NAMESPACE {

// Appends the decimal form of num.
void AppendNumberTo(std::string* str, uint64_t num);

// Appends value with printable ASCII kept and every other byte written as
// \xNN (two lower-case hex digits).
void AppendEscapedStringTo(std::string* str, const Slice& value);

// The decimal form of num.
std::string NumberToString(uint64_t num);

// value escaped as by AppendEscapedStringTo.
std::string EscapeString(const Slice& value);

// Human-readable byte count: "123B", "1.50KB", "2.00MB", "3.00GB"...
std::string BytesToHumanString(uint64_t bytes);

// Parses a decimal number at the front of *in, consuming the digits.
// False if there is no digit or the value overflows uint64_t.
bool ConsumeDecimalNumber(Slice* in, uint64_t* val);

// Splits s at every delim ("a,,b" gives "a", "", "b"; "" gives nothing).
std::vector<std::string> StringSplit(const std::string& s, char delim);

// s without leading and trailing whitespace.
std::string TrimString(const std::string& s);

// True iff s starts / ends with the given text.
bool StartsWith(const std::string& s, const std::string& prefix);
bool EndsWith(const std::string& s, const std::string& suffix);

// Upper-case hex of data[0, n), two digits per byte.
std::string ToHex(const char* data, size_t n);

// printf-style formatting into a std::string.
std::string StringPrintf(const char* format, ...)
    __attribute__((format(printf, 1, 2)));
void StringAppendF(std::string* dst, const char* format, ...)
    __attribute__((format(printf, 2, 3)));

}  // namespace ROCKSDB_NAMESPACE
