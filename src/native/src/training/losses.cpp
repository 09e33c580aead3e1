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

torch::Tensor compute_loss(const LossSettings& settings, const torch::Tensor& logits, const torch::Tensor& targets) {
  switch (settings.kind) {
    case GN_LOSS_CROSS_ENTROPY:
      // Class ids, or a probability row per item (mixed-up batches): -sum(t * log_softmax) averaged over items.
      if (targets.dim() == 2) return -(targets * torch::log_softmax(logits, 1)).sum(1).mean();
      return torch::nn::functional::cross_entropy(logits, targets);
    case GN_LOSS_BCE: {
      auto options = torch::nn::functional::BinaryCrossEntropyWithLogitsFuncOptions();
      if (settings.positive_weights.defined()) options.pos_weight(settings.positive_weights);
      return torch::nn::functional::binary_cross_entropy_with_logits(logits, targets, options);
    }
    case GN_LOSS_ASYMMETRIC_FOCAL:
      return asymmetric_focal_loss(logits, targets, settings.gamma_positive, settings.gamma_negative, settings.clip);
    default:
      throw invalid_argument("loss must be cross-entropy, bce or asymmetric-focal");
  }
}

}  // namespace gn::training
