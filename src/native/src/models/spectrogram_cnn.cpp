#include "models/spectrogram_cnn.h"

namespace gn::models {

namespace nn = torch::nn;

SpectrogramCnn::SpectrogramCnn(const SpectrogramCnnOptions& options, const at::Generator& generator) {
  nn::Sequential features;
  int64_t in = 1;
  for (const int64_t out : options.channels) {
    features->push_back(nn::Conv2d(nn::Conv2dOptions(in, out, 3).padding(1).bias(false)));
    features->push_back(nn::BatchNorm2d(out));
    features->push_back(nn::ReLU());
    features->push_back(nn::MaxPool2d(2));
    features->push_back(SeededDropout(options.conv_dropout, /*channel_wise=*/true, generator));
    if (options.attention) features->push_back(Cbam(out, options.attention_reduction));
    in = out;
  }
  features_ = register_module("features", features);
  hidden_ = register_module("hidden", nn::Linear(in, options.hidden));
  dropout_ = register_module("dropout", SeededDropout(options.dropout, /*channel_wise=*/false, generator));
  output_ = register_module("output", nn::Linear(options.hidden, options.classes));
}

torch::Tensor SpectrogramCnn::forward(torch::Tensor input) {
  auto x = features_->forward(input).mean({2, 3});  // global average pooling
  x = dropout_->forward(torch::relu(hidden_->forward(x)));
  return output_->forward(x);
}

}  // namespace gn::models
