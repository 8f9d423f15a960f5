// OutputFile: a buffered file for writing output, with errors reported.
//
// A full disk or a vanished directory must end the run with a clear message
// rather than leave a silently truncated file, so every write returns a
// Status naming the file.
//
//   OutputFile file;
//   if (Status s = file.open(dir / "similar.jsonl"); !s.ok()) return s;
//   if (Status s = file.write(line); !s.ok()) return s;
//   return file.close();
#pragma once

#include <cstdio>
#include <filesystem>
#include <string_view>

#include "corpus/status.h"

namespace newsmine {

class OutputFile {
 public:
  OutputFile() = default;
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  Status open(const std::filesystem::path& path);
  Status write(std::string_view bytes);
  Status close();  // flushes; the file is complete only when this returns ok

 private:
  Status failure(const char* what) const;

  std::FILE* file_ = nullptr;
  std::filesystem::path path_;
};

}  // namespace newsmine
