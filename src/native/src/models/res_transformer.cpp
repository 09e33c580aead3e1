#include "models/res_transformer.h"

#include <cmath>

#include "common/errors.h"

namespace gn::models {

namespace nn = torch::nn;

SwiGluImpl::SwiGluImpl(int64_t in, int64_t hidden) {
  projection_ = register_module("projection", nn::Linear(in, 2 * hidden));
}

torch::Tensor SwiGluImpl::forward(const torch::Tensor& x) {
  const auto halves = projection_->forward(x).chunk(2, -1);
  return torch::silu(halves[0]) * halves[1];
}

EncoderLayerImpl::EncoderLayerImpl(int64_t d_model, int64_t heads, int64_t feedforward, double dropout,
                                   const at::Generator& generator) {
  // Attention-weight dropout off: libtorch applies it with the process-wide generator.
  attention_ = register_module("attention", nn::MultiheadAttention(nn::MultiheadAttentionOptions(d_model, heads).dropout(0.0)));
  linear1_ = register_module("linear1", nn::Linear(d_model, feedforward));
  linear2_ = register_module("linear2", nn::Linear(feedforward, d_model));
  norm1_ = register_module("norm1", nn::LayerNorm(nn::LayerNormOptions({d_model})));
  norm2_ = register_module("norm2", nn::LayerNorm(nn::LayerNormOptions({d_model})));
  dropout_ = register_module("dropout", SeededDropout(dropout, /*channel_wise=*/false, generator));
}

torch::Tensor EncoderLayerImpl::forward(const torch::Tensor& x) {
  const auto attended = std::get<0>(attention_->forward(x, x, x));
  auto y = norm1_->forward(x + dropout_->forward(attended));
  const auto fed = linear2_->forward(dropout_->forward(torch::relu(linear1_->forward(y))));
  return norm2_->forward(y + dropout_->forward(fed));
}

ResTransformer::ResTransformer(const ResTransformerOptions& options, const at::Generator& generator) : options_(options) {
  require(!options.channels.empty(), "res-transformer needs at least one channel entry");
  require(options.d_model % options.heads == 0, "d_model must be divisible by heads");
  nn::Sequential convs;
  convs->push_back(nn::Conv2d(nn::Conv2dOptions(1, options.channels[0], 3).padding(1).bias(false)));
  convs->push_back(nn::BatchNorm2d(options.channels[0]));
  convs->push_back(nn::ReLU());
  int64_t in = options.channels[0];
  int64_t mels = options.n_mels;
  for (const int64_t out : options.channels) {
    convs->push_back(BasicBlock(in, out, 2));
    in = out;
    mels = (mels + 1) / 2;  // stride 2, padding 1, kernel 3
  }
  convs_ = register_module("convs", convs);
  to_sequence_ = register_module("to_sequence", nn::Linear(in * mels, options.d_model));
  cls_token_ = register_parameter("cls_token", torch::randn({1, 1, options.d_model}) * 0.02);
  encoder_ = register_module("encoder", EncoderLayer(options.d_model, options.heads, options.feedforward, options.dropout, generator));
  norm_ = register_module("norm", nn::LayerNorm(nn::LayerNormOptions({options.d_model})));
  head_ = register_module("head", SwiGlu(options.d_model, options.head_hidden));
  dropout_ = register_module("dropout", SeededDropout(options.dropout, /*channel_wise=*/false, generator));
  output_ = register_module("output", nn::Linear(options.head_hidden, options.classes));
}

torch::Tensor ResTransformer::sinusoidal_positions(int64_t length, int64_t dim, const torch::TensorOptions& options) {
  const auto position = torch::arange(length, options).unsqueeze(1);
  const auto frequencies = torch::exp(torch::arange(0, dim, 2, options) * (-std::log(10000.0) / static_cast<double>(dim)));
  auto encoding = torch::zeros({length, dim}, options);
  encoding.slice(1, 0, dim, 2) = torch::sin(position * frequencies);
  encoding.slice(1, 1, dim, 2) = torch::cos(position * frequencies.slice(0, 0, dim / 2));
  return encoding;
}

torch::Tensor ResTransformer::forward(torch::Tensor input) {
  require(input.size(2) == options_.n_mels, "res-transformer: input n_mels differs from the model's");
  auto x = convs_->forward(input);                               // [B, C, M', T']
  x = x.permute({0, 3, 1, 2}).flatten(2);                        // [B, T', C*M']
  x = to_sequence_->forward(x);                                  // [B, T', d]
  x = x + sinusoidal_positions(x.size(1), options_.d_model, x.options());
  x = torch::cat({cls_token_.expand({x.size(0), 1, options_.d_model}), x}, 1);  // CLS first
  x = encoder_->forward(x.transpose(0, 1));                      // libtorch 1.13: [S, B, d]
  auto cls = norm_->forward(x[0]);                               // [B, d]
  return output_->forward(dropout_->forward(head_->forward(cls)));
}

}  // namespace gn::models
