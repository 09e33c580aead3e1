// Dropout that draws from the model's own generator instead of libtorch's process-wide one, so a training run's
// randomness belongs to the run: two models training in one process (or tests running side by side) cannot
// perturb each other, and a checkpoint can hold the exact state to resume from.
#pragma once

#include <torch/torch.h>

namespace gn::models {

class SeededDropoutImpl : public torch::nn::Module {
 public:
  // channel_wise: zero whole channels (Dropout2d) of [batch, channels, ...] inputs instead of single elements.
  SeededDropoutImpl(double p, bool channel_wise, at::Generator generator);
  torch::Tensor forward(const torch::Tensor& x);

 private:
  double p_;
  bool channel_wise_;
  at::Generator generator_;
};
TORCH_MODULE(SeededDropout);

}  // namespace gn::models
