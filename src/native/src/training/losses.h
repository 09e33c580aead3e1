// The three training losses. Cross-entropy for single-label data; for multi-label data BCE with per-class
// positive weights (rare tags count more) or the asymmetric focal loss (Ridnik et al., 2021).
#pragma once

#include <torch/torch.h>

#include "genres_native.h"

namespace gn::training {

struct LossSettings {
  int32_t kind = GN_LOSS_CROSS_ENTROPY;
  torch::Tensor class_weights;  // optional: BCE weight of positives; cross-entropy weight of each class
  double gamma_positive = 0.0;
  double gamma_negative = 4.0;
  double clip = 0.05;
};

// logits [batch, classes]; targets [batch] long (cross-entropy) or [batch, classes] float.
torch::Tensor compute_loss(const LossSettings& settings, const torch::Tensor& logits, const torch::Tensor& targets);

// Cross-entropy over class ids [batch] or probability rows [batch, classes], optionally class-weighted.
torch::Tensor cross_entropy(const torch::Tensor& logits, const torch::Tensor& targets, const torch::Tensor& class_weights);

// Asymmetric focal loss: positives weighted by (1-p)^γ+, negatives by p_m^γ- with p_m = max(p - clip, 0), so easy
// negatives (most tags are absent) stop dominating. Summed over classes, averaged over the batch.
torch::Tensor asymmetric_focal_loss(const torch::Tensor& logits, const torch::Tensor& targets, double gamma_positive,
                                    double gamma_negative, double clip);

}  // namespace gn::training
