// The spectrogram CNN: three Conv→BatchNorm→ReLU→MaxPool→Dropout blocks (32/64/128 channels), optional CBAM
// after each, global average pooling, two fully connected layers.
#pragma once

#include <vector>

#include "models/cbam.h"
#include "models/classifier.h"
#include "models/seeded_dropout.h"

namespace gn::models {

struct SpectrogramCnnOptions {
  int64_t classes = 10;
  std::vector<int64_t> channels{32, 64, 128};
  bool attention = false;
  int64_t attention_reduction = 8;
  double conv_dropout = 0.1;
  int64_t hidden = 128;
  double dropout = 0.3;
};

class SpectrogramCnn : public Classifier {
 public:
  SpectrogramCnn(const SpectrogramCnnOptions& options, const at::Generator& generator);
  torch::Tensor forward(torch::Tensor input) override;

 private:
  torch::nn::Sequential features_{nullptr};
  torch::nn::Linear hidden_{nullptr};
  SeededDropout dropout_{nullptr};
  torch::nn::Linear output_{nullptr};
};

}  // namespace gn::models
