// What a gn_model handle owns: the network, its options and its device.
#pragma once

#include <memory>

#include "common/errors.h"
#include "models/model_factory.h"

struct gn_model {
  explicit gn_model(const gn_model_options& opts)
      : options(opts),
        generator(at::make_generator<at::CPUGeneratorImpl>(static_cast<uint64_t>(opts.seed) ^ 0x9E3779B97F4A7C15ULL)),
        network(gn::models::create_classifier(opts, generator)),
        device(gn::models::resolve_device(opts.device)) {}

  // [batch, n_mels, frames] caller memory -> [batch, 1, n_mels, frames] on the model's device (one copy at most).
  torch::Tensor input(const float* data, int64_t batch, int64_t n_mels, int64_t frames) const {
    gn::require(n_mels == options.n_mels, "input n_mels differs from the model's");
    auto borrowed = torch::from_blob(const_cast<float*>(data), {batch, 1, n_mels, frames}, torch::kFloat32);
    return device.is_cpu() ? borrowed : borrowed.to(device);
  }

  gn_model_options options;
  at::Generator generator;  // the model's dropout randomness; saved in training checkpoints
  std::shared_ptr<gn::models::Classifier> network;
  torch::Device device;
};
