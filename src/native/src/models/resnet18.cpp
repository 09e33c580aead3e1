#include "models/resnet18.h"

namespace gn::models {

namespace nn = torch::nn;

ResNet18::ResNet18(int64_t classes, double dropout, const at::Generator& generator) {
  stem_ = register_module("stem", nn::Sequential(
      nn::Conv2d(nn::Conv2dOptions(1, 64, 7).stride(2).padding(3).bias(false)), nn::BatchNorm2d(64), nn::ReLU(),
      nn::MaxPool2d(nn::MaxPool2dOptions(3).stride(2).padding(1))));
  nn::Sequential layers;
  int64_t in = 64;
  for (const int64_t out : {64, 128, 256, 512}) {
    const int64_t stride = out == 64 ? 1 : 2;
    layers->push_back(BasicBlock(in, out, stride));
    layers->push_back(BasicBlock(out, out, 1));
    in = out;
  }
  layers_ = register_module("layers", layers);
  dropout_ = register_module("dropout", SeededDropout(dropout, /*channel_wise=*/false, generator));
  output_ = register_module("output", nn::Linear(512, classes));
}

torch::Tensor ResNet18::forward(torch::Tensor input) {
  auto x = layers_->forward(stem_->forward(input)).mean({2, 3});
  return output_->forward(dropout_->forward(x));
}

}  // namespace gn::models
