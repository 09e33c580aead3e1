// A temporal CNN (after Dieleman & Schrauwen, 2014, and Pons et al., 2017): the mel bands are the input channels
// of 1-D convolutions over time, so every filter sees the whole spectrum at once and learns timbre-and-rhythm
// patterns rather than local time-frequency shapes; mean and max pooling over all of time summarise a window of
// any length. Cheap (~0.1 M multiply-adds per input frame at 128 mels, most in the first block), so long windows
// (10-20 s of a song) train quickly on a CPU.
#pragma once

#include <vector>

#include "models/classifier.h"
#include "models/seeded_dropout.h"

namespace gn::models {

struct TemporalCnnOptions {
  int64_t classes = 10;
  int64_t n_mels = 128;
  int64_t width = 128;                        // channels of the first three blocks; the last has twice as many
  std::vector<int64_t> kernels{5, 3, 3, 3};   // one block per entry
  std::vector<int64_t> pools{4, 2, 2, 1};     // max pooling over time after each block (1 = none)
  double dropout = 0.5;
};

class TemporalCnn : public Classifier {
 public:
  TemporalCnn(const TemporalCnnOptions& options, const at::Generator& generator);
  torch::Tensor forward(torch::Tensor input) override;

 private:
  torch::nn::BatchNorm1d input_norm_{nullptr};  // per-band standardisation, learned
  torch::nn::Sequential blocks_{nullptr};
  torch::nn::Linear hidden_{nullptr};
  SeededDropout dropout_{nullptr};
  torch::nn::Linear output_{nullptr};
};

}  // namespace gn::models
