#include "training/losses.h"

#include "common/errors.h"

namespace gn::training {

torch::Tensor asymmetric_focal_loss(const torch::Tensor& logits, const torch::Tensor& targets, double gamma_positive,
                                    double gamma_negative, double clip) {
  constexpr double eps = 1e-8;
  const auto p = torch::sigmoid(logits);
  const auto p_negative = clip > 0 ? (p - clip).clamp_min(0) : p;
  const auto positive = targets * torch::pow(1 - p, gamma_positive) * torch::log(p.clamp_min(eps));
  const auto negative = (1 - targets) * torch::pow(p_negative, gamma_negative) * torch::log((1 - p_negative).clamp_min(eps));
  return -(positive + negative).sum(1).mean();
}

torch::Tensor cross_entropy(const torch::Tensor& logits, const torch::Tensor& targets, const torch::Tensor& class_weights) {
  if (targets.dim() == 1) {
    auto options = torch::nn::functional::CrossEntropyFuncOptions();
    if (class_weights.defined()) options.weight(class_weights);
    return torch::nn::functional::cross_entropy(logits, targets, options);
  }
  // A probability row per item (mixed-up batches): -sum(t * log_softmax) per item. With class weights an item
  // weighs sum(t * w) and the mean is weighted, which is exactly torch's weighted mean when rows are one-hot.
  const auto per_item = -(targets * torch::log_softmax(logits, 1)).sum(1);
  if (!class_weights.defined()) return per_item.mean();
  const auto item_weights = (targets * class_weights).sum(1);
  return (per_item * item_weights).sum() / item_weights.sum();
}

torch::Tensor compute_loss(const LossSettings& settings, const torch::Tensor& logits, const torch::Tensor& targets) {
  switch (settings.kind) {
    case GN_LOSS_CROSS_ENTROPY:
      return cross_entropy(logits, targets, settings.class_weights);
    case GN_LOSS_BCE: {
      auto options = torch::nn::functional::BinaryCrossEntropyWithLogitsFuncOptions();
      if (settings.class_weights.defined()) options.pos_weight(settings.class_weights);
      return torch::nn::functional::binary_cross_entropy_with_logits(logits, targets, options);
    }
    case GN_LOSS_ASYMMETRIC_FOCAL:
      return asymmetric_focal_loss(logits, targets, settings.gamma_positive, settings.gamma_negative, settings.clip);
    default:
      throw invalid_argument("loss must be cross-entropy, bce or asymmetric-focal");
  }
}

}  // namespace gn::training
