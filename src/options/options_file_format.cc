// Copyright (c) the rocksdb-cleanroom authors.
//
// OPTIONS file writer and reader (format spec section 6; layout in the
// header). The reader collects each section's name=value pairs, then
// applies them through the same option tables the string parsers use.
// Its error texts are RocksDB 7.8.3's, observed with Debian's library.
#include "options/options_file_format.h"

#include <map>

#include "options/options_parser.h"
#include "rocksdb/table.h"
#include "rocksdb/version.h"
#include "util/options_type.h"

namespace ROCKSDB_NAMESPACE {

namespace {

const char kVersionSection[] = "Version";
const char kDBSection[] = "DBOptions";
const char kCFSection[] = "CFOptions";
const char kTablePrefix[] = "TableOptions/";

// Writes "  name=value\n" for every printed field of a table.
std::string SectionBody(const OptionStruct& table, const void* object) {
  ConfigOptions config_options;
  config_options.delimiter = "\n";
  std::string out;
  PrintOptionStruct(config_options, table, object, "  ", &out)
      .PermitUncheckedError();  // only unknown enum values fail; skip them
  return out + "  \n";
}

// The table options struct of a factory and its table, if it has one.
const OptionStruct* TableOptionsOf(const TableFactory* factory,
                                   const void** options) {
  if (factory == nullptr) return nullptr;
  for (const OptionStruct* s :
       {&BlockBasedTableOptionStruct(), &PlainTableOptionStruct(),
        &CuckooTableOptionStruct()}) {
    *options = factory->GetOptions<void>(s->name);
    if (*options != nullptr) return s;
  }
  return nullptr;
}

// --- Reader -----------------------------------------------------------------

Status LineError(const std::string& message, int line) {
  return Status::InvalidArgument(
      "[RocksDBOptionsParser Error] ",
      message + " (at line " + std::to_string(line) + ")");
}

// Drops a comment ('#' not escaped by '\') and the surrounding blanks.
std::string TrimAndRemoveComment(const std::string& line) {
  size_t cut = std::string::npos;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || line[i - 1] != '\\')) {
      cut = i;
      break;
    }
  }
  std::string kept = line.substr(0, cut);
  size_t b = 0;
  size_t e = kept.size();
  while (b < e && isspace(static_cast<unsigned char>(kept[b]))) ++b;
  while (e > b && isspace(static_cast<unsigned char>(kept[e - 1]))) --e;
  return kept.substr(b, e - b);
}

// "7.8.3" -> {7, 8, 3}; false unless only digits and dots.
bool ParseVersion(const std::string& text, std::vector<int>* parts) {
  parts->assign(1, 0);
  for (char c : text) {
    if (c == '.') {
      parts->push_back(0);
    } else if (c >= '0' && c <= '9') {
      parts->back() = parts->back() * 10 + (c - '0');
    } else {
      return false;
    }
  }
  return true;
}

struct Section {
  enum Kind { kNone, kVersion, kDB, kCF, kTable } kind = kNone;
  std::string argument;  // family name of CF/Table sections
  std::string factory;   // Table sections: "BlockBasedTable" etc.
  OptionsMap options;
};

// Parses "[Title]" or "[Title "argument"]".
Status ParseSectionHeader(const std::string& line, Section* section) {
  const std::string inner = line.substr(1, line.size() - 2);
  const size_t space = inner.find(' ');
  const std::string title = inner.substr(0, space);
  std::string argument;
  if (space != std::string::npos) {
    argument = TrimAndRemoveComment(inner.substr(space + 1));
    if (argument.size() < 2 || argument.front() != '"' ||
        argument.back() != '"') {
      return Status::InvalidArgument("Unknown section " + line);
    }
    argument = UnescapeOptionString(argument.substr(1, argument.size() - 2));
  }
  section->argument = argument;
  if (title == kVersionSection) {
    section->kind = Section::kVersion;
  } else if (title == kDBSection) {
    section->kind = Section::kDB;
  } else if (title == kCFSection && space != std::string::npos) {
    section->kind = Section::kCF;
  } else if (title.compare(0, sizeof(kTablePrefix) - 1, kTablePrefix) == 0 &&
             space != std::string::npos) {
    section->kind = Section::kTable;
    section->factory = title.substr(sizeof(kTablePrefix) - 1);
  } else {
    return Status::InvalidArgument("Unknown section " + line);
  }
  return Status::OK();
}

Status CheckVersionSection(const OptionsMap& options, bool* newer) {
  *newer = false;
  auto it = options.find("rocksdb_version");
  if (it != options.end()) {
    std::vector<int> v;
    if (!ParseVersion(it->second, &v)) {
      return Status::InvalidArgument(
          "A valid rocksdb_version can only contains dots and numbers.");
    }
    v.resize(3, 0);
    const std::vector<int> ours = {ROCKSDB_MAJOR, ROCKSDB_MINOR, ROCKSDB_PATCH};
    *newer = v > ours;
  }
  it = options.find("options_file_version");
  if (it != options.end()) {
    std::vector<int> v;
    if (!ParseVersion(it->second, &v)) {
      return Status::InvalidArgument(
          "A valid options_file_version can only contains dots and numbers.");
    }
    if (v[0] < 1) {
      return Status::InvalidArgument(
          "A valid options_file_version must be at least 1.");
    }
  }
  return Status::OK();
}

// Applies a TableOptions/<factory> section to a family's table factory.
Status ApplyTableSection(const ConfigOptions& config_options,
                         const Section& section, ColumnFamilyOptions* cf) {
  if (section.factory == TableFactory::kBlockBasedTableName()) {
    BlockBasedTableOptions options;
    const BlockBasedTableOptions* current =
        cf->table_factory == nullptr
            ? nullptr
            : cf->table_factory->GetOptions<BlockBasedTableOptions>();
    if (current != nullptr) options = *current;
    Status s =
        ConfigureOptionStruct(config_options, BlockBasedTableOptionStruct(),
                              section.options, &options, nullptr);
    if (s.ok()) cf->table_factory.reset(NewBlockBasedTableFactory(options));
    return s;
  }
  if (section.factory == TableFactory::kPlainTableName()) {
    PlainTableOptions options;
    Status s = ConfigureOptionStruct(config_options, PlainTableOptionStruct(),
                                     section.options, &options, nullptr);
    if (s.ok()) cf->table_factory.reset(NewPlainTableFactory(options));
    return s;
  }
  if (section.factory == TableFactory::kCuckooTableName()) {
    CuckooTableOptions options;
    Status s = ConfigureOptionStruct(config_options, CuckooTableOptionStruct(),
                                     section.options, &options, nullptr);
    if (s.ok()) cf->table_factory.reset(NewCuckooTableFactory(options));
    return s;
  }
  // A factory this build cannot create: the family has none, as in RocksDB.
  cf->table_factory.reset();
  return Status::OK();
}

}  // namespace

std::string RenderOptionsFileText(
    const DBOptions& db_options, const std::vector<std::string>& cf_names,
    const std::vector<ColumnFamilyOptions>& cf_options) {
  std::string out =
      "# This is a RocksDB option file.\n"
      "#\n"
      "# For detailed file format spec, please refer to the example file\n"
      "# in examples/rocksdb_option_file_example.ini\n"
      "#\n\n";
  out += "[Version]\n  rocksdb_version=" + std::to_string(ROCKSDB_MAJOR) + "." +
         std::to_string(ROCKSDB_MINOR) + "." + std::to_string(ROCKSDB_PATCH) +
         "\n  options_file_version=1.1\n";
  out += "\n[DBOptions]\n" + SectionBody(DBOptionStruct(), &db_options);
  for (size_t i = 0; i < cf_names.size() && i < cf_options.size(); ++i) {
    const std::string name = EscapeOptionString(cf_names[i]);
    const ColumnFamilyOptions& cf = cf_options[i];
    out +=
        "\n[CFOptions \"" + name + "\"]\n" + SectionBody(CFOptionStruct(), &cf);
    const void* table_options = nullptr;
    const OptionStruct* table =
        TableOptionsOf(cf.table_factory.get(), &table_options);
    if (table != nullptr) {
      out += "[TableOptions/" + std::string(cf.table_factory->Name()) + " \"" +
             name + "\"]\n" + SectionBody(*table, table_options);
    }
  }
  return out;
}

Status ParseOptionsFileText(const ConfigOptions& config_options,
                            const std::string& text, DBOptions* db_options,
                            std::vector<ColumnFamilyDescriptor>* cf_descs) {
  std::vector<Section> sections;
  Section current;
  int line_number = 0;
  bool has_version = false;
  bool has_db = false;
  std::vector<std::string> families;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    const std::string line = TrimAndRemoveComment(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_number;
    if (line.empty()) continue;
    if (line.front() == '[' && line.back() == ']') {
      Section next;
      Status s = ParseSectionHeader(line, &next);
      if (!s.ok()) return s;
      if (next.kind == Section::kVersion) {
        if (has_version) {
          return LineError(
              "More than one Version section found in the option config "
              "file.",
              line_number);
        }
        has_version = true;
      } else if (next.kind == Section::kDB) {
        if (has_db) {
          return LineError(
              "More than one DBOption section found in the option config "
              "file",
              line_number);
        }
        has_db = true;
      } else if (next.kind == Section::kCF) {
        const bool is_default = next.argument == kDefaultColumnFamilyName;
        if (families.empty() && !is_default) {
          return LineError(
              "Default column family must be the first CFOptions section in "
              "the option config file",
              line_number);
        }
        if (!families.empty() && is_default) {
          return LineError(
              "Default column family must be the first CFOptions section in "
              "the optio/n config file",
              line_number);
        }
        for (const std::string& f : families) {
          if (f == next.argument) {
            return LineError(
                "Two identical column families found in option config file",
                line_number);
          }
        }
        families.push_back(next.argument);
      } else if (next.kind == Section::kTable) {
        bool found = false;
        for (const std::string& f : families) found |= f == next.argument;
        if (!found) {
          return LineError(
              "Does not find a matched column family name in TableOptions "
              "section.  Column Family Name:" +
                  next.argument,
              line_number);
        }
      }
      sections.push_back(std::move(current));
      current = std::move(next);
      continue;
    }
    const size_t eq = line.find('=');
    if (eq == std::string::npos) {
      return LineError("A valid statement must have a '='.", line_number);
    }
    if (current.kind == Section::kNone) continue;  // outside any section
    current.options[TrimAndRemoveComment(line.substr(0, eq))] =
        TrimAndRemoveComment(line.substr(eq + 1));
  }
  sections.push_back(std::move(current));

  // Apply: the Version section decides whether unknown names are fatal.
  bool newer = false;
  for (const Section& s : sections) {
    if (s.kind != Section::kVersion) continue;
    Status st = CheckVersionSection(s.options, &newer);
    if (!st.ok()) return st;
  }
  ConfigOptions apply = config_options;
  apply.ignore_unknown_options = config_options.ignore_unknown_options && newer;
  if (!has_db) {
    return Status::Corruption(
        "A RocksDB Option file must have a single DBOptions section");
  }
  if (families.empty()) {
    return Status::Corruption(
        "A RocksDB Option file must have a single CFOptions:default section");
  }
  DBOptions db;
  std::vector<ColumnFamilyDescriptor> cfs;
  for (const Section& s : sections) {
    Status st;
    if (s.kind == Section::kDB) {
      st = GetDBOptionsFromMap(apply, DBOptions(), s.options, &db);
    } else if (s.kind == Section::kCF) {
      ColumnFamilyOptions cf;
      st = GetColumnFamilyOptionsFromMap(apply, ColumnFamilyOptions(),
                                         s.options, &cf);
      cfs.emplace_back(s.argument, cf);
    } else if (s.kind == Section::kTable) {
      for (ColumnFamilyDescriptor& d : cfs) {
        if (d.name == s.argument) st = ApplyTableSection(apply, s, &d.options);
      }
    }
    if (!st.ok()) return st;
  }
  *db_options = db;
  *cf_descs = std::move(cfs);
  return Status::OK();
}

}  // namespace ROCKSDB_NAMESPACE
