#include "models/seeded_dropout.h"

namespace gn::models {

SeededDropoutImpl::SeededDropoutImpl(double p, bool channel_wise, at::Generator generator)
    : p_(p), channel_wise_(channel_wise), generator_(std::move(generator)) {}

torch::Tensor SeededDropoutImpl::forward(const torch::Tensor& x) {
  if (!is_training() || p_ <= 0) return x;
  auto shape = x.sizes().vec();
  if (channel_wise_) {
    for (size_t i = 2; i < shape.size(); ++i) shape[i] = 1;
  }
  // Masks are drawn on the CPU generator and moved, so CPU and CUDA runs see the same mask sequence.
  const auto keep = torch::rand(shape, generator_, torch::TensorOptions().dtype(torch::kFloat32)).ge(p_);
  return x * keep.to(x.device(), x.scalar_type()) / (1 - p_);
}

}  // namespace gn::models
