#include "models/model_data.h"

#include <fstream>
#include <sstream>

namespace newsmine {

ModelData ModelData::embedded() { return ModelData(); }

ModelData ModelData::with_override(std::string directory) {
  ModelData data;
  data.directory_ = std::move(directory);
  return data;
}

Status ModelData::read(std::string_view name, std::string& out) const {
  if (!directory_.empty()) {
    std::ifstream file(directory_ + "/" + std::string(name), std::ios::binary);
    if (file) {
      std::ostringstream bytes;
      bytes << file.rdbuf();
      if (!file.good() && !file.eof()) return Status::error("cannot read model file " + directory_ + "/" + std::string(name));
      out = std::move(bytes).str();
      return {};
    }
  }
  for (const models::EmbeddedFile& file : models::embedded_model_files()) {
    if (file.name == name) {
      out.assign(file.bytes);
      return {};
    }
  }
  return Status::error("no model file named " + std::string(name));
}

std::vector<ModelData::Line> ModelData::content_lines(std::string_view file) {
  std::vector<Line> lines;
  int number = 0;
  while (!file.empty()) {
    ++number;
    std::size_t newline = file.find('\n');
    std::string_view line = file.substr(0, newline);
    file = newline == std::string_view::npos ? std::string_view() : file.substr(newline + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    lines.push_back({number, line});
  }
  return lines;
}

}  // namespace newsmine
