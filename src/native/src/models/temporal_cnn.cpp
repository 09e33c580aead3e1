#include "models/temporal_cnn.h"

#include "common/errors.h"

namespace gn::models {

namespace nn = torch::nn;

TemporalCnn::TemporalCnn(const TemporalCnnOptions& options, const at::Generator& generator) {
  require(options.kernels.size() == options.pools.size(), "temporal CNN: one pool per kernel");
  input_norm_ = register_module("input_norm", nn::BatchNorm1d(options.n_mels));
  nn::Sequential blocks;
  int64_t in = options.n_mels;
  for (size_t i = 0; i < options.kernels.size(); ++i) {
    const bool last = i + 1 == options.kernels.size();
    const int64_t out = last ? 2 * options.width : options.width;
    const int64_t kernel = options.kernels[i];
    blocks->push_back(nn::Conv1d(nn::Conv1dOptions(in, out, kernel).padding(kernel / 2).bias(false)));
    blocks->push_back(nn::BatchNorm1d(out));
    blocks->push_back(nn::ReLU());
    // ceil_mode: a window shorter than the pooling still leaves one frame
    if (options.pools[i] > 1) blocks->push_back(nn::MaxPool1d(nn::MaxPool1dOptions(options.pools[i]).ceil_mode(true)));
    in = out;
  }
  blocks_ = register_module("blocks", blocks);
  hidden_ = register_module("hidden", nn::Linear(2 * in, options.width));  // mean ‖ max
  dropout_ = register_module("dropout", SeededDropout(options.dropout, /*channel_wise=*/false, generator));
  output_ = register_module("output", nn::Linear(options.width, options.classes));
}

torch::Tensor TemporalCnn::forward(torch::Tensor input) {
  auto x = blocks_->forward(input_norm_->forward(input.squeeze(1)));  // [batch, channels, time]
  x = torch::cat({x.mean(2), std::get<0>(x.max(2))}, 1);
  x = dropout_->forward(torch::relu(hidden_->forward(x)));
  return output_->forward(x);
}

}  // namespace gn::models
