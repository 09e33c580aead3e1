#include "common/errors.h"

#include <new>

namespace gn {
namespace {
thread_local std::string last_error;
}

void set_last_error(std::string message) { last_error = std::move(message); }
void clear_last_error() { last_error.clear(); }

int32_t status_from_current_exception() {
  // Called from a catch block only; re-throwing the active exception classifies it.
  try {
    throw;
  } catch (const invalid_argument& e) {
    set_last_error(e.what());
    return GN_INVALID_ARGUMENT;
  } catch (const buffer_too_small& e) {
    set_last_error(e.what());
    return GN_BUFFER_TOO_SMALL;
  } catch (const decode_error& e) {
    set_last_error(e.what());
    return e.status();
  } catch (const std::bad_alloc&) {
    set_last_error("out of memory");
    return GN_OUT_OF_MEMORY;
  } catch (const std::exception& e) {
    set_last_error(e.what());
    return GN_UNKNOWN_ERROR;
  } catch (...) {
    set_last_error("unknown native error");
    return GN_UNKNOWN_ERROR;
  }
}

}  // namespace gn

extern "C" {

GN_API int32_t gn_abi_version(void) { return GN_ABI_VERSION; }

GN_API const char* gn_last_error_message(void) { return gn::last_error.c_str(); }
}
