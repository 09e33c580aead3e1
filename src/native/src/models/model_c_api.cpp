// C ABI over the classifiers: create, count, predict, save/load weights.
#include <cstring>
#include <memory>

#include "common/errors.h"
#include "models/model_handle.h"

extern "C" {

GN_API int32_t gn_model_create(const gn_model_options* options, gn_model** out) {
  return gn::guard([&] {
    gn::require(options != nullptr && out != nullptr, "options and out must not be null");
    *out = nullptr;
    *out = std::make_unique<gn_model>(*options).release();
  });
}

GN_API void gn_model_destroy(gn_model* model) { delete model; }

GN_API int32_t gn_model_parameter_count(const gn_model* model, int64_t* count) {
  return gn::guard([&] {
    gn::require(model != nullptr && count != nullptr, "model and count must not be null");
    int64_t total = 0;
    for (const auto& parameter : model->network->parameters()) total += parameter.numel();
    *count = total;
  });
}

GN_API int32_t gn_model_is_cuda(const gn_model* model, int32_t* is_cuda) {
  return gn::guard([&] {
    gn::require(model != nullptr && is_cuda != nullptr, "model and is_cuda must not be null");
    *is_cuda = model->device.is_cuda() ? 1 : 0;
  });
}

GN_API int32_t gn_model_predict(gn_model* model, const float* inputs, int64_t batch, int64_t n_mels, int64_t frames,
                                float* logits, int64_t capacity) {
  return gn::guard([&] {
    gn::require(model != nullptr && inputs != nullptr && logits != nullptr, "model, inputs and logits must not be null");
    gn::require(batch > 0 && frames > 0, "batch and frames must be positive");
    if (capacity < batch * model->options.classes) throw gn::buffer_too_small("logits buffer is too small");
    torch::NoGradGuard no_grad;
    model->network->eval();
    const auto result = model->network->forward(model->input(inputs, batch, n_mels, frames)).to(torch::kCPU).contiguous();
    std::memcpy(logits, result.data_ptr<float>(), sizeof(float) * static_cast<size_t>(result.numel()));
  });
}

GN_API int32_t gn_model_save(const gn_model* model, const char* path) {
  return gn::guard([&] {
    gn::require(model != nullptr && path != nullptr, "model and path must not be null");
    torch::serialize::OutputArchive archive;
    model->network->save(archive);
    archive.save_to(path);
  });
}

GN_API int32_t gn_model_load(gn_model* model, const char* path) {
  return gn::guard([&] {
    gn::require(model != nullptr && path != nullptr, "model and path must not be null");
    torch::serialize::InputArchive archive;
    archive.load_from(path, model->device);
    model->network->load(archive);
  });
}
}
