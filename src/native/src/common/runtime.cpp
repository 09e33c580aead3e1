// Runtime facts the host reports at start-up (/readyz, `genres info`) and the thread setting it applies.
#include <cstdio>
#include <cstring>

#include <torch/torch.h>
#include <torch/version.h>

#include "common/errors.h"

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

GN_API int32_t gn_runtime_set_threads(int32_t threads) {
  return gn::guard([&] {
    gn::require(threads > 0, "threads must be positive");
    torch::set_num_threads(threads);
  });
}
}
