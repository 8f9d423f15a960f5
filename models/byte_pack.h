// BytePacker / ByteUnpacker: plain values, strings and vectors of plain
// values to and from one byte string, for state that crosses a process
// boundary (the ranks of a distributed run, pipeline/mpi_run.h).
//
// The format is the machine's own (native byte order and sizes): both ends
// run the same build on one cluster. Each string or vector is its length as
// a u64, then its bytes. Unpacking checks every length against what is left
// and turns ok() false instead of reading past the end.
//
//   std::string bytes;
//   BytePacker pack(bytes);
//   pack.value(std::uint32_t{7}); pack.string("id"); pack.vector(terms);
//   ByteUnpacker unpack(bytes);
//   auto n = unpack.value<std::uint32_t>(); std::string id = unpack.string(); unpack.vector(terms);
//   if (!unpack.ok()) fail();
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace newsmine {

class BytePacker {
 public:
  explicit BytePacker(std::string& out) : out_(out) {}

  template <typename T>
  void value(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void string(std::string_view s) {
    value(static_cast<std::uint64_t>(s.size()));
    out_.append(s);
  }
  template <typename T>
  void vector(const std::vector<T>& v) {
    array(v.data(), v.size());
  }
  // `size` elements from `data`, read back like a vector (or with ByteUnpacker::array).
  template <typename T>
  void array(const T* data, std::size_t size) {
    static_assert(std::is_trivially_copyable_v<T>);
    value(static_cast<std::uint64_t>(size));
    out_.append(reinterpret_cast<const char*>(data), size * sizeof(T));
  }

 private:
  std::string& out_;
};

class ByteUnpacker {
 public:
  explicit ByteUnpacker(std::string_view in) : in_(in) {}

  bool ok() const { return ok_; }
  bool done() const { return pos_ == in_.size(); }

  template <typename T>
  T value() {
    static_assert(std::is_trivially_copyable_v<T>);
    T v{};
    if (const char* p = take(sizeof v)) std::memcpy(&v, p, sizeof v);
    return v;
  }
  std::string string() {
    const auto size = value<std::uint64_t>();
    const char* p = take(size);
    return p ? std::string(p, size) : std::string();
  }
  template <typename T>
  void vector(std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto size = value<std::uint64_t>();
    v.clear();
    if (size > (in_.size() - pos_) / sizeof(T)) {
      ok_ = false;
      return;
    }
    v.resize(size);
    if (size > 0) std::memcpy(v.data(), take(size * sizeof(T)), size * sizeof(T));
  }
  // A packed vector of exactly `size` elements straight into `out` (room for
  // them), without a vector in between; ok() turns false on another size.
  template <typename T>
  void array(T* out, std::uint64_t size) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (value<std::uint64_t>() != size || size > (in_.size() - pos_) / sizeof(T)) {
      ok_ = false;
      return;
    }
    if (size > 0) std::memcpy(out, take(size * sizeof(T)), size * sizeof(T));
  }

 private:
  const char* take(std::uint64_t bytes) {
    if (!ok_ || bytes > in_.size() - pos_) {
      ok_ = false;
      return nullptr;
    }
    const char* p = in_.data() + pos_;
    pos_ += bytes;
    return p;
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace newsmine
