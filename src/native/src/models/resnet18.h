// ResNet-18 (He et al., 2016) with a one-channel stem for spectrograms.
#pragma once

#include "models/classifier.h"
#include "models/seeded_dropout.h"

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

class ResNet18 : public Classifier {
 public:
  ResNet18(int64_t classes, double dropout, const at::Generator& generator);
  torch::Tensor forward(torch::Tensor input) override;

 private:
  torch::nn::Sequential stem_{nullptr}, layers_{nullptr};
  SeededDropout dropout_{nullptr};
  torch::nn::Linear output_{nullptr};
};

}  // namespace gn::models
