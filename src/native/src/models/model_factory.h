#pragma once

#include <memory>

#include "genres_native.h"
#include "models/classifier.h"

namespace gn::models {

// Builds the architecture an options struct names, on the requested device.
// Parameter initialisation draws from libtorch's process-wide generator: it runs seeded and under a lock, so
// concurrent model creation stays reproducible. Dropout draws from `generator` (the model's own).
std::shared_ptr<Classifier> create_classifier(const gn_model_options& options, const at::Generator& generator);

torch::Device resolve_device(int32_t device);

}  // namespace gn::models
