// CBAM (Woo et al., 2018): channel attention, then spatial attention, each a learned multiplicative mask.
#pragma once

#include <torch/torch.h>

namespace gn::models {

// Average- and max-pooled channel descriptors through one shared bottleneck MLP.
class ChannelAttentionImpl : public torch::nn::Module {
 public:
  ChannelAttentionImpl(int64_t channels, int64_t reduction);
  torch::Tensor forward(const torch::Tensor& x);

 private:
  torch::nn::Sequential mlp_{nullptr};
};
TORCH_MODULE(ChannelAttention);

// Channel-wise mean and max maps, one 7x7 convolution, a sigmoid mask over time-frequency.
class SpatialAttentionImpl : public torch::nn::Module {
 public:
  explicit SpatialAttentionImpl(int64_t kernel_size = 7);
  torch::Tensor forward(const torch::Tensor& x);

 private:
  torch::nn::Conv2d conv_{nullptr};
};
TORCH_MODULE(SpatialAttention);

class CbamImpl : public torch::nn::Module {
 public:
  CbamImpl(int64_t channels, int64_t reduction);
  torch::Tensor forward(const torch::Tensor& x);

 private:
  ChannelAttention channel_{nullptr};
  SpatialAttention spatial_{nullptr};
};
TORCH_MODULE(Cbam);

}  // namespace gn::models
