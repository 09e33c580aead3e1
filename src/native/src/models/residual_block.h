// The ResNet basic block (two 3x3 conv + BN, identity or 1x1 projection shortcut), shared by ResNet-18 and the
// ResNet+Transformer.
#pragma once

#include <torch/torch.h>

namespace gn::models {

class BasicBlockImpl : public torch::nn::Module {
 public:
  BasicBlockImpl(int64_t in, int64_t out, int64_t stride);
  torch::Tensor forward(const torch::Tensor& x);

 private:
  torch::nn::Conv2d conv1_{nullptr}, conv2_{nullptr};
  torch::nn::BatchNorm2d bn1_{nullptr}, bn2_{nullptr};
  torch::nn::Sequential shortcut_{nullptr};
};
TORCH_MODULE(BasicBlock);

}  // namespace gn::models
