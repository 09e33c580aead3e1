// Error handling at the C ABI: every exported function runs its body through gn::guard, which turns any C++
// exception into a status code plus a thread-local message, so nothing ever unwinds into the caller.
#pragma once

#include <stdexcept>
#include <string>

#include "genres_native.h"

namespace gn {

// Thrown for caller mistakes (bad options, short buffers); maps to GN_INVALID_ARGUMENT.
class invalid_argument : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// Thrown when an output buffer is smaller than the result; maps to GN_BUFFER_TOO_SMALL.
class buffer_too_small : public std::length_error {
 public:
  using std::length_error::length_error;
};

// Thrown when audio cannot be decoded; carries one of the GN_DECODE_* statuses, which the caller maps to its kinds.
class decode_error : public std::runtime_error {
 public:
  decode_error(int32_t status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int32_t status() const noexcept { return status_; }

 private:
  int32_t status_;
};

void set_last_error(std::string message);
void clear_last_error();
int32_t status_from_current_exception();

template <typename Body>
int32_t guard(Body&& body) noexcept {
  try {
    clear_last_error();
    body();
    return GN_OK;
  } catch (...) {
    return status_from_current_exception();
  }
}

// Validation helper: throws gn::invalid_argument with `message` when `condition` is false.
inline void require(bool condition, const char* message) {
  if (!condition) throw invalid_argument(message);
}

}  // namespace gn
