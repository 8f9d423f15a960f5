// Status: the outcome of an operation that can fail because of its input.
//
// Failures caused by data (a malformed record, an unreadable file, a bad rule in
// a model file) are values, not exceptions or exits: callers decide whether a
// failure is fatal. Modelled on RE2's ok()/error() and sentencepiece's Status.
//
//   Status s = load_something(path);
//   if (!s.ok()) report(s.message());
#pragma once

#include <string>
#include <utility>

namespace newsmine {

class Status {
 public:
  Status() = default;  // success
  static Status error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return failed_ == false; }
  const std::string& message() const { return message_; }

 private:
  explicit Status(std::string message) : failed_(true), message_(std::move(message)) {}
  bool failed_ = false;
  std::string message_;
};

}  // namespace newsmine
