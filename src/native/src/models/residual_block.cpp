#include "models/residual_block.h"

namespace gn::models {

namespace nn = torch::nn;

BasicBlockImpl::BasicBlockImpl(int64_t in, int64_t out, int64_t stride) {
  conv1_ = register_module("conv1", nn::Conv2d(nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false)));
  bn1_ = register_module("bn1", nn::BatchNorm2d(out));
  conv2_ = register_module("conv2", nn::Conv2d(nn::Conv2dOptions(out, out, 3).padding(1).bias(false)));
  bn2_ = register_module("bn2", nn::BatchNorm2d(out));
  nn::Sequential shortcut;
  if (stride != 1 || in != out) {
    shortcut->push_back(nn::Conv2d(nn::Conv2dOptions(in, out, 1).stride(stride).bias(false)));
    shortcut->push_back(nn::BatchNorm2d(out));
  }
  shortcut_ = register_module("shortcut", shortcut);
}

torch::Tensor BasicBlockImpl::forward(const torch::Tensor& x) {
  auto y = torch::relu(bn1_->forward(conv1_->forward(x)));
  y = bn2_->forward(conv2_->forward(y));
  return torch::relu(y + (shortcut_->is_empty() ? x : shortcut_->forward(x)));
}

}  // namespace gn::models
