#include "training/trainer.h"

#include "common/errors.h"

namespace gn::training {
namespace {

std::unique_ptr<torch::optim::Optimizer> make_optimizer(gn_model& model, const gn_trainer_options& o) {
  auto parameters = model.network->parameters();
  switch (o.optimizer) {
    case GN_OPTIMIZER_ADAM:
      return std::make_unique<torch::optim::Adam>(parameters, torch::optim::AdamOptions(o.learning_rate).weight_decay(o.weight_decay));
    case GN_OPTIMIZER_ADAMW:
      return std::make_unique<torch::optim::AdamW>(parameters, torch::optim::AdamWOptions(o.learning_rate).weight_decay(o.weight_decay));
    default:
      throw invalid_argument("optimizer must be adam or adamw");
  }
}

ScheduleSettings schedule_settings(const gn_trainer_options& o) {
  require(o.schedule >= GN_SCHEDULE_NONE && o.schedule <= GN_SCHEDULE_COSINE, "schedule must be none, plateau or cosine");
  ScheduleSettings s;
  s.kind = o.schedule;
  s.base_rate = o.learning_rate;
  s.min_rate = o.min_learning_rate;
  s.plateau_factor = o.plateau_factor > 0 ? o.plateau_factor : 0.5;
  s.plateau_patience = o.plateau_patience;
  s.epochs = o.epochs;
  return s;
}

}  // namespace

Trainer::Trainer(gn_model& model, const gn_trainer_options& options)
    : model_(model),
      options_(options),
      schedule_(schedule_settings(options)),
      augment_generator_(at::make_generator<at::CPUGeneratorImpl>(static_cast<uint64_t>(options.seed) + 1)) {
  require(options.learning_rate > 0, "learning rate must be positive");
  require(options.weight_decay >= 0, "weight decay must not be negative");
  loss_.kind = options.loss;
  loss_.gamma_positive = options.focal_gamma_positive;
  loss_.gamma_negative = options.focal_gamma_negative;
  loss_.clip = options.focal_clip;
  if (options.class_weights != nullptr && options.class_weight_count > 0) {
    require(options.class_weight_count == model.options.classes, "one class weight per class is needed");
    require(options.loss != GN_LOSS_ASYMMETRIC_FOCAL, "the asymmetric focal loss takes no class weights");
    loss_.class_weights = torch::from_blob(const_cast<float*>(options.class_weights), {options.class_weight_count},
                                           torch::kFloat32).clone().to(model.device);
    require((loss_.class_weights > 0).all().item<bool>(), "class weights must be positive");
    options_.class_weights = nullptr;  // copied above; never keep the caller's pointer
  }
  augment_.freq_masks = options.freq_masks;
  augment_.freq_mask_width = options.freq_mask_width;
  augment_.time_masks = options.time_masks;
  augment_.time_mask_width = options.time_mask_width;
  require(options.freq_shift_bins >= 0 && options.time_stretch >= 0 && options.time_stretch <= 1,
          "frequency shift must not be negative and time stretch must be in [0, 1]");
  jitter_.max_shift_bins = options.freq_shift_bins;
  jitter_.max_stretch = options.time_stretch;
  {
    // The run's seed decides dropout too (the model's generator), not only its initialisation.
    std::lock_guard<std::mutex> lock(model.generator.mutex());
    model.generator.set_current_seed(static_cast<uint64_t>(options.seed));
  }
  optimizer_ = make_optimizer(model, options);
}

torch::Tensor Trainer::targets(const float* data, int64_t batch, int64_t count) const {
  const auto borrowed = torch::from_blob(const_cast<float*>(data), {count}, torch::kFloat32);
  if (loss_.kind == GN_LOSS_CROSS_ENTROPY && count == batch) {
    return borrowed.to(torch::kLong).to(model_.device);
  }
  require(count == batch * model_.options.classes,
          loss_.kind == GN_LOSS_CROSS_ENTROPY
              ? "cross-entropy takes one class index per item or a probability row [batch, classes]"
              : "multi-label targets must be [batch, classes]");
  return borrowed.view({batch, model_.options.classes}).to(model_.device);
}

torch::Tensor Trainer::augment(const torch::Tensor& inputs) {
  return spec_augment(key_tempo_jitter(inputs, jitter_, augment_generator_), augment_, augment_generator_);
}

double Trainer::step(const torch::Tensor& inputs, const torch::Tensor& targets, torch::Tensor* logits) {
  model_.network->train();
  optimizer_->zero_grad();
  const auto augmented = augment(inputs);
  const auto output = model_.network->forward(augmented);
  if (logits != nullptr) *logits = output.detach();
  auto loss = compute_loss(loss_, output, targets);
  loss.backward();
  if (options_.grad_clip_norm > 0) {
    torch::nn::utils::clip_grad_norm_(model_.network->parameters(), options_.grad_clip_norm);
  }
  optimizer_->step();
  return loss.item<double>();
}

double Trainer::evaluate(const torch::Tensor& inputs, const torch::Tensor& targets, torch::Tensor* logits) {
  torch::NoGradGuard no_grad;
  model_.network->eval();
  const auto output = model_.network->forward(inputs);
  if (logits != nullptr) *logits = output;
  return compute_loss(loss_, output, targets).item<double>();
}

double Trainer::end_epoch(double validation_loss) {
  schedule_.end_epoch(validation_loss);
  apply_learning_rate();
  return schedule_.rate();
}

void Trainer::apply_learning_rate() {
  for (auto& group : optimizer_->param_groups()) group.options().set_lr(schedule_.rate());
}

void Trainer::save(const std::string& path) const {
  torch::serialize::OutputArchive archive;
  torch::serialize::OutputArchive model_archive, optimizer_archive;
  model_.network->save(model_archive);
  optimizer_->save(optimizer_archive);
  archive.write("model", model_archive);
  archive.write("optimizer", optimizer_archive);
  schedule_.save(archive);
  {
    std::lock_guard<std::mutex> lock(model_.generator.mutex());
    archive.write("rng_model", model_.generator.get_state());
  }
  archive.write("rng_augment", augment_generator_.get_state());
  archive.save_to(path);
}

void Trainer::load(const std::string& path) {
  torch::serialize::InputArchive archive;
  archive.load_from(path, model_.device);
  torch::serialize::InputArchive model_archive, optimizer_archive;
  archive.read("model", model_archive);
  archive.read("optimizer", optimizer_archive);
  model_.network->load(model_archive);
  optimizer_->load(optimizer_archive);
  schedule_.load(archive);
  torch::Tensor state;
  archive.read("rng_model", state);
  {
    std::lock_guard<std::mutex> lock(model_.generator.mutex());
    model_.generator.set_state(state);
  }
  archive.read("rng_augment", state);
  augment_generator_.set_state(state);
  apply_learning_rate();
}

}  // namespace gn::training
