// C ABI over gn::training::Trainer.
#include <cstring>
#include <memory>

#include "common/errors.h"
#include "training/trainer.h"

struct gn_trainer {
  gn_trainer(gn_model& model, const gn_trainer_options& options) : model(model), impl(model, options) {}
  gn_model& model;
  gn::training::Trainer impl;
};

namespace {

// Logits (or augmented inputs) leave as a plain copy into the caller's buffer; the tensor dies with this call.
void copy_to_caller(const torch::Tensor& output, float* destination, int64_t capacity) {
  const auto result = output.to(torch::kCPU).contiguous();
  if (capacity < result.numel()) throw gn::buffer_too_small("output buffer is too small");
  std::memcpy(destination, result.data_ptr<float>(), sizeof(float) * static_cast<size_t>(result.numel()));
}

}  // namespace

extern "C" {

GN_API int32_t gn_trainer_create(gn_model* model, const gn_trainer_options* options, gn_trainer** out) {
  return gn::guard([&] {
    gn::require(model != nullptr && options != nullptr && out != nullptr, "model, options and out must not be null");
    *out = nullptr;
    *out = std::make_unique<gn_trainer>(*model, *options).release();
  });
}

GN_API void gn_trainer_destroy(gn_trainer* trainer) { delete trainer; }

GN_API int32_t gn_trainer_step(gn_trainer* trainer, const float* inputs, int64_t batch, int64_t n_mels, int64_t frames,
                               const float* targets, int64_t target_count, double* loss, float* logits,
                               int64_t logits_capacity) {
  return gn::guard([&] {
    gn::require(trainer != nullptr && inputs != nullptr && targets != nullptr && loss != nullptr, "arguments must not be null");
    gn::require(batch > 0 && frames > 0, "batch and frames must be positive");
    torch::Tensor output;
    *loss = trainer->impl.step(trainer->model.input(inputs, batch, n_mels, frames),
                               trainer->impl.targets(targets, batch, target_count), logits ? &output : nullptr);
    if (logits != nullptr) copy_to_caller(output, logits, logits_capacity);
  });
}

GN_API int32_t gn_trainer_augment(gn_trainer* trainer, const float* inputs, int64_t batch, int64_t n_mels,
                                  int64_t frames, float* outputs, int64_t capacity) {
  return gn::guard([&] {
    gn::require(trainer != nullptr && inputs != nullptr && outputs != nullptr, "arguments must not be null");
    gn::require(batch > 0 && frames > 0, "batch and frames must be positive");
    copy_to_caller(trainer->impl.augment(trainer->model.input(inputs, batch, n_mels, frames)), outputs, capacity);
  });
}

GN_API int32_t gn_trainer_evaluate(gn_trainer* trainer, const float* inputs, int64_t batch, int64_t n_mels,
                                   int64_t frames, const float* targets, int64_t target_count, double* loss,
                                   float* logits, int64_t logits_capacity) {
  return gn::guard([&] {
    gn::require(trainer != nullptr && inputs != nullptr && targets != nullptr && loss != nullptr, "arguments must not be null");
    gn::require(batch > 0 && frames > 0, "batch and frames must be positive");
    torch::Tensor output;
    *loss = trainer->impl.evaluate(trainer->model.input(inputs, batch, n_mels, frames),
                                   trainer->impl.targets(targets, batch, target_count), logits ? &output : nullptr);
    if (logits != nullptr) copy_to_caller(output, logits, logits_capacity);
  });
}

GN_API int32_t gn_trainer_end_epoch(gn_trainer* trainer, double validation_loss, double* learning_rate) {
  return gn::guard([&] {
    gn::require(trainer != nullptr && learning_rate != nullptr, "trainer and learning_rate must not be null");
    *learning_rate = trainer->impl.end_epoch(validation_loss);
  });
}

GN_API int32_t gn_trainer_learning_rate(const gn_trainer* trainer, double* learning_rate) {
  return gn::guard([&] {
    gn::require(trainer != nullptr && learning_rate != nullptr, "trainer and learning_rate must not be null");
    *learning_rate = trainer->impl.learning_rate();
  });
}

GN_API int32_t gn_trainer_save(const gn_trainer* trainer, const char* path) {
  return gn::guard([&] {
    gn::require(trainer != nullptr && path != nullptr, "trainer and path must not be null");
    trainer->impl.save(path);
  });
}

GN_API int32_t gn_trainer_load(gn_trainer* trainer, const char* path) {
  return gn::guard([&] {
    gn::require(trainer != nullptr && path != nullptr, "trainer and path must not be null");
    trainer->impl.load(path);
  });
}
}
