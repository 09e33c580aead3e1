// Common shape of every model: a log-mel batch [batch, 1, n_mels, frames] in, one logit per class out.
#pragma once

#include <torch/torch.h>

namespace gn::models {

class Classifier : public torch::nn::Module {
 public:
  virtual torch::Tensor forward(torch::Tensor input) = 0;
};

}  // namespace gn::models
