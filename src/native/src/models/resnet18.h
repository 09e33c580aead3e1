// ResNet-18 (He et al., 2016) with a one-channel stem for spectrograms.
#pragma once

#include "models/classifier.h"
#include "models/residual_block.h"
#include "models/seeded_dropout.h"

namespace gn::models {

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
