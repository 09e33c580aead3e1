#include "models/cbam.h"

#include <algorithm>

namespace gn::models {

namespace nn = torch::nn;

ChannelAttentionImpl::ChannelAttentionImpl(int64_t channels, int64_t reduction) {
  const int64_t hidden = std::max<int64_t>(1, channels / reduction);
  mlp_ = register_module("mlp", nn::Sequential(nn::Linear(channels, hidden), nn::ReLU(), nn::Linear(hidden, channels)));
}

torch::Tensor ChannelAttentionImpl::forward(const torch::Tensor& x) {
  const auto average = mlp_->forward(x.mean({2, 3}));
  const auto maximum = mlp_->forward(std::get<0>(x.flatten(2).max(2)));
  return x * torch::sigmoid(average + maximum).unsqueeze(-1).unsqueeze(-1);
}

SpatialAttentionImpl::SpatialAttentionImpl(int64_t kernel_size) {
  conv_ = register_module("conv", nn::Conv2d(nn::Conv2dOptions(2, 1, kernel_size).padding(kernel_size / 2).bias(false)));
}

torch::Tensor SpatialAttentionImpl::forward(const torch::Tensor& x) {
  const auto descriptors = torch::cat({x.mean(1, /*keepdim=*/true), std::get<0>(x.max(1, /*keepdim=*/true))}, 1);
  return x * torch::sigmoid(conv_->forward(descriptors));
}

CbamImpl::CbamImpl(int64_t channels, int64_t reduction) {
  channel_ = register_module("channel", ChannelAttention(channels, reduction));
  spatial_ = register_module("spatial", SpatialAttention());
}

torch::Tensor CbamImpl::forward(const torch::Tensor& x) { return spatial_->forward(channel_->forward(x)); }

}  // namespace gn::models
