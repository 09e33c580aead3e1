#include "models/model_factory.h"

#include <mutex>

#include "common/errors.h"
#include "models/res_transformer.h"
#include "models/resnet18.h"
#include "models/spectrogram_cnn.h"
#include "models/temporal_cnn.h"

namespace gn::models {

torch::Device resolve_device(int32_t device) {
  switch (device) {
    case GN_DEVICE_CPU:
      return torch::kCPU;
    case GN_DEVICE_CUDA:
      require(torch::cuda::is_available(), "CUDA was requested but no CUDA device is usable");
      return torch::kCUDA;
    case GN_DEVICE_AUTO:
      return torch::cuda::is_available() ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
    default:
      throw invalid_argument("device must be cpu, cuda or auto");
  }
}

namespace {

// Options of a network whose layers are sized by the mel band count: the fields the C options decide, the rest
// left at the network's defaults.
template <typename Options>
Options sized_by_mels(const gn_model_options& options) {
  Options sized;
  sized.classes = options.classes;
  sized.n_mels = options.n_mels;
  sized.dropout = options.dropout;
  return sized;
}

}  // namespace

std::shared_ptr<Classifier> create_classifier(const gn_model_options& options, const at::Generator& generator) {
  require(options.classes >= 1, "classes must be at least 1");
  require(options.n_mels >= 8, "n_mels must be at least 8");
  require(options.dropout >= 0 && options.dropout < 1, "dropout must be in [0, 1)");
  static std::mutex initialisation;  // guards libtorch's process-wide generator, not state of ours
  std::lock_guard<std::mutex> lock(initialisation);
  torch::manual_seed(static_cast<uint64_t>(options.seed));
  std::shared_ptr<Classifier> model;
  switch (options.architecture) {
    case GN_MODEL_CNN: {
      SpectrogramCnnOptions cnn;
      cnn.classes = options.classes;
      cnn.attention = options.attention != 0;
      cnn.dropout = options.dropout;
      model = std::make_shared<SpectrogramCnn>(cnn, generator);
      break;
    }
    case GN_MODEL_RESNET18:
      model = std::make_shared<ResNet18>(options.classes, options.dropout, generator);
      break;
    case GN_MODEL_RES_TRANSFORMER:
      model = std::make_shared<ResTransformer>(sized_by_mels<ResTransformerOptions>(options), generator);
      break;
    case GN_MODEL_TEMPORAL_CNN:
      model = std::make_shared<TemporalCnn>(sized_by_mels<TemporalCnnOptions>(options), generator);
      break;
    default:
      throw invalid_argument("architecture must be cnn, resnet18, res-transformer or temporal-cnn");
  }
  model->to(resolve_device(options.device));
  return model;
}

}  // namespace gn::models
