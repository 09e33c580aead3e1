// Runtime facts the host reports at start-up (/readyz, `genres info`) and the thread setting it applies.
#include <dlfcn.h>

#include <cstdio>
#include <cstring>

#include <torch/torch.h>
#include <torch/version.h>

#include "common/errors.h"

namespace {

// Debian's libtorch calls BLAS through libblas.so.3; with OpenBLAS behind it (the set-up installs it), OpenBLAS
// starts its own thread pool next to libtorch's OpenMP one and the two fight over the cores (measured here: a
// batched log-mel ran 3x slower with 2+2 threads than with 1). libtorch already parallelises around BLAS calls,
// so OpenBLAS is told to use one thread. Looked up at run time in the already-loaded library (the host loads us
// with RTLD_LOCAL, so RTLD_DEFAULT would not see it); other BLAS builds simply lack it.
void limit_blas_threads() {
  using set_threads_fn = void (*)(int);
  void* openblas = dlopen("libopenblas.so.0", RTLD_LAZY | RTLD_NOLOAD);
  if (openblas == nullptr) return;
  if (auto set_threads = reinterpret_cast<set_threads_fn>(dlsym(openblas, "openblas_set_num_threads"))) {
    set_threads(1);
  }
  dlclose(openblas);  // balances the reference RTLD_NOLOAD took; the library stays loaded
}

}  // namespace

extern "C" {

GN_API int32_t gn_runtime_get_info(gn_runtime_info* out) {
  return gn::guard([&] {
    gn::require(out != nullptr, "out must not be null");
    std::memset(out, 0, sizeof(*out));
    std::snprintf(out->torch_version, sizeof(out->torch_version), "%d.%d.%d", TORCH_VERSION_MAJOR,
                  TORCH_VERSION_MINOR, TORCH_VERSION_PATCH);
    out->intra_op_threads = static_cast<int32_t>(torch::get_num_threads());
    out->cuda_available = torch::cuda::is_available() ? 1 : 0;
    out->cuda_device_count = static_cast<int32_t>(torch::cuda::device_count());
    out->mkldnn_available = at::hasMKLDNN() ? 1 : 0;
  });
}

GN_API int32_t gn_runtime_configure(int32_t threads) {
  return gn::guard([&] {
    gn::require(threads > 0, "threads must be positive");
    limit_blas_threads();
    torch::set_num_threads(threads);
  });
}
}
