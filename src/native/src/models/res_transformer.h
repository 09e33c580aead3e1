// A compact ResNet+Transformer (~125k parameters at 80 mels): residual conv blocks summarise local
// time-frequency patterns, the frequency axis is folded into features so time becomes a sequence, sinusoidal
// positions and a learned CLS token go in, one Transformer encoder layer mixes the whole window, and the CLS
// output goes through LayerNorm → SwiGLU → dropout → linear.
#pragma once

#include <vector>

#include "models/classifier.h"
#include "models/residual_block.h"
#include "models/seeded_dropout.h"

namespace gn::models {

struct ResTransformerOptions {
  int64_t classes = 10;
  int64_t n_mels = 80;
  std::vector<int64_t> channels{16, 24, 40};  // stem, then one stride-2 residual block per entry
  int64_t d_model = 64;
  int64_t heads = 4;
  int64_t feedforward = 256;
  int64_t head_hidden = 96;
  double dropout = 0.1;
};

// SwiGLU (Shazeer, 2020): silu(x W) ⊙ (x V).
class SwiGluImpl : public torch::nn::Module {
 public:
  SwiGluImpl(int64_t in, int64_t hidden);
  torch::Tensor forward(const torch::Tensor& x);

 private:
  torch::nn::Linear projection_{nullptr};  // both halves in one matrix
};
TORCH_MODULE(SwiGlu);

// A post-norm Transformer encoder layer (as torch.nn.TransformerEncoderLayer, same parameters) whose dropouts draw
// from the model's generator; libtorch's own layer draws from the process-wide one.
class EncoderLayerImpl : public torch::nn::Module {
 public:
  EncoderLayerImpl(int64_t d_model, int64_t heads, int64_t feedforward, double dropout, const at::Generator& generator);
  torch::Tensor forward(const torch::Tensor& x);  // [sequence, batch, d_model]

 private:
  torch::nn::MultiheadAttention attention_{nullptr};
  torch::nn::Linear linear1_{nullptr}, linear2_{nullptr};
  torch::nn::LayerNorm norm1_{nullptr}, norm2_{nullptr};
  SeededDropout dropout_{nullptr};
};
TORCH_MODULE(EncoderLayer);

class ResTransformer : public Classifier {
 public:
  ResTransformer(const ResTransformerOptions& options, const at::Generator& generator);
  torch::Tensor forward(torch::Tensor input) override;

 private:
  static torch::Tensor sinusoidal_positions(int64_t length, int64_t dim, const torch::TensorOptions& options);

  ResTransformerOptions options_;
  torch::nn::Sequential convs_{nullptr};
  torch::nn::Linear to_sequence_{nullptr};
  torch::Tensor cls_token_;
  EncoderLayer encoder_{nullptr};
  torch::nn::LayerNorm norm_{nullptr};
  SwiGlu head_{nullptr};
  SeededDropout dropout_{nullptr};
  torch::nn::Linear output_{nullptr};
};

}  // namespace gn::models
