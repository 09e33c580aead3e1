/*
 * genres_native: the C ABI between OrleansGenres (C#) and libtorch (C++).
 *
 * Rules every function follows:
 *  - No C++ exception crosses this boundary. Every function returns a gn_status; on failure the message is
 *    kept per thread and read with gn_last_error_message().
 *  - Buffers are passed as pointer + length (+ shape); the library never keeps a caller's pointer after the
 *    call returns, and never hands a tensor out: objects are opaque handles freed with their *_destroy.
 */
#ifndef GENRES_NATIVE_H
#define GENRES_NATIVE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(GN_BUILDING_LIBRARY)
#define GN_API __attribute__((visibility("default")))
#else
#define GN_API
#endif

/* Bumped whenever a signature or struct layout below changes; the C# side checks it on load. */
#define GN_ABI_VERSION 5

typedef enum gn_status {
  GN_OK = 0,
  GN_INVALID_ARGUMENT = 1,
  GN_OUT_OF_MEMORY = 2,
  GN_TORCH_ERROR = 3,
  GN_BUFFER_TOO_SMALL = 4,
  /* Audio decoding (gn_decoder_*): why an input could not be decoded. */
  GN_DECODE_EMPTY = 10,           /* 0 bytes, or no samples decoded */
  GN_DECODE_INVALID_DATA = 11,    /* not a format libavformat reads, or a broken header */
  GN_DECODE_NO_AUDIO_STREAM = 12, /* readable, but without an audio stream */
  GN_DECODE_TRUNCATED = 13,       /* cut short, or corrupt packets */
  GN_DECODE_NOT_FOUND = 14,       /* the file does not exist or cannot be read */
  GN_DECODE_FAILED = 15,          /* anything else; the message carries libav's words */
  GN_UNKNOWN_ERROR = 99
} gn_status;

GN_API int32_t gn_abi_version(void);

/* The message of the last failed call on this thread ("" when none). Valid until the next call on this thread. */
GN_API const char* gn_last_error_message(void);

/* ---- runtime ---------------------------------------------------------------------------------------------- */

typedef struct gn_runtime_info {
  char torch_version[32];
  int32_t intra_op_threads;
  int32_t cuda_available;
  int32_t cuda_device_count;
  int32_t mkldnn_available;
} gn_runtime_info;

GN_API int32_t gn_runtime_get_info(gn_runtime_info* out);
/*
 * Process-wide set-up, called once at start: libtorch's intra-op threads (it defaults to 1 on some machines)
 * and one OpenBLAS thread (libtorch parallelises around BLAS calls itself).
 */
GN_API int32_t gn_runtime_configure(int32_t threads);

/* ---- log-mel spectrogram ------------------------------------------------------------------------------------ */

enum { GN_MEL_SCALE_SLANEY = 0, GN_MEL_SCALE_HTK = 1 };
enum { GN_FILTER_NORM_NONE = 0, GN_FILTER_NORM_SLANEY = 1 };
enum { GN_PAD_CONSTANT = 0, GN_PAD_REFLECT = 1 };
enum { GN_NORMALIZE_NONE = 0, GN_NORMALIZE_MIN_MAX = 1, GN_NORMALIZE_STANDARDIZE = 2 };

typedef struct gn_mel_options {
  int32_t sample_rate;
  int32_t n_fft;
  int32_t hop_length;
  int32_t win_length;    /* periodic Hann of this length, centred in n_fft; 0 = n_fft */
  int32_t n_mels;
  int32_t mel_scale;     /* GN_MEL_SCALE_* */
  int32_t filter_norm;   /* GN_FILTER_NORM_* */
  int32_t center;        /* 1: pad n_fft/2 each side before framing */
  int32_t pad_mode;      /* GN_PAD_*, used when center = 1 */
  int32_t output_db;     /* 1: decibels, 0: mel power (or magnitude) */
  int32_t normalization; /* GN_NORMALIZE_*, applied per item after dB */
  int32_t reserved;
  double f_min;
  double f_max;          /* <= 0: sample_rate / 2 */
  double power;          /* 2: power spectrum (dB = 10 log10), 1: magnitude (dB = 20 log10) */
  double amin;           /* floor before the logarithm */
  double ref;            /* dB reference value */
  double top_db;         /* > 0: floor at (max - top_db) per item; <= 0: no floor */
} gn_mel_options;

typedef struct gn_mel gn_mel;

GN_API int32_t gn_mel_create(const gn_mel_options* options, gn_mel** out);
GN_API void gn_mel_destroy(gn_mel* mel);
/* Number of frames produced for an input of `samples` samples (0 when the input is too short). */
GN_API int32_t gn_mel_frame_count(const gn_mel* mel, int64_t samples, int64_t* frames);
/* The filterbank, row-major [n_mels, n_fft/2 + 1] float32. */
GN_API int32_t gn_mel_filterbank(const gn_mel* mel, float* out, int64_t capacity);
/*
 * Log-mel of `batch` signals of `samples` samples each (row-major [batch, samples] float32), written row-major
 * to out as [batch, n_mels, frames]. `capacity` is out's length in floats.
 */
GN_API int32_t gn_mel_compute(const gn_mel* mel, const float* signals, int64_t batch, int64_t samples,
                              float* out, int64_t capacity);

/* ---- audio decoding (libavformat, libavcodec, libswresample) ------------------------------------------------ */

/*
 * Mono float32 PCM at a requested rate from the first audio stream of a file, sample for sample what
 * `ffmpeg -i file -map 0:a:0 -ac 1 -ar RATE -f f32le -` writes (same demuxer, decoder, encoder-delay trimming,
 * downmix and resampler). Failures are GN_DECODE_* statuses with a message (without the path) in
 * gn_last_error_message(): at open for input that cannot be decoded at all, at the end of the stream for input that
 * turned out cut short, corrupt or empty. Not checked here: an Ogg stream cut exactly at a page boundary decodes
 * without any sign of damage; the caller checks its last page (C#: OggCompleteness).
 * A handle is used by one thread at a time; libav's messages are collected per handle, never printed.
 */
typedef struct gn_decoder_options {
  int32_t sample_rate;        /* output rate, 1000 to 384000 Hz */
  int32_t fail_on_corruption; /* 1: corrupt packets or a cut-short file end in GN_DECODE_TRUNCATED; 0: keep what decodes */
} gn_decoder_options;

typedef struct gn_decoder gn_decoder;

/* Opens and probes `path` (UTF-8). */
GN_API int32_t gn_decoder_open(const char* path, const gn_decoder_options* options, gn_decoder** out);
/*
 * Decodes up to `capacity` samples into `out`; `written` is 0 at the end of the audio. The end of a bad input is
 * reported as a GN_DECODE_* status instead, on that call and every later one. After any other failure only
 * gn_decoder_close is valid.
 */
GN_API int32_t gn_decoder_read(gn_decoder* decoder, float* out, int64_t capacity, int64_t* written);
/* The duration the container declares for the audio (seconds; negative when none): a claim to check limits early. */
GN_API int32_t gn_decoder_declared_seconds(const gn_decoder* decoder, double* seconds);
GN_API void gn_decoder_close(gn_decoder* decoder);

/* ---- models ------------------------------------------------------------------------------------------------ */

enum { GN_MODEL_CNN = 0, GN_MODEL_RESNET18 = 1, GN_MODEL_RES_TRANSFORMER = 2, GN_MODEL_TEMPORAL_CNN = 3 };
enum { GN_DEVICE_CPU = 0, GN_DEVICE_CUDA = 1, GN_DEVICE_AUTO = 2 };

typedef struct gn_model_options {
  int32_t architecture;  /* GN_MODEL_* */
  int32_t classes;
  int32_t n_mels;
  int32_t attention;     /* cnn: CBAM channel + spatial attention after each block */
  int32_t device;        /* GN_DEVICE_* */
  int32_t reserved;
  double dropout;
  int64_t seed;          /* parameter initialisation */
} gn_model_options;

typedef struct gn_model gn_model;

GN_API int32_t gn_model_create(const gn_model_options* options, gn_model** out);
GN_API void gn_model_destroy(gn_model* model);
GN_API int32_t gn_model_parameter_count(const gn_model* model, int64_t* count);
/* 1 when the model runs on a CUDA device. */
GN_API int32_t gn_model_is_cuda(const gn_model* model, int32_t* is_cuda);
/* Logits [batch, classes] of log-mel inputs [batch, n_mels, frames], in evaluation mode without gradients. */
GN_API int32_t gn_model_predict(gn_model* model, const float* inputs, int64_t batch, int64_t n_mels, int64_t frames,
                                float* logits, int64_t capacity);
/* Weights only (UTF-8 path). */
GN_API int32_t gn_model_save(const gn_model* model, const char* path);
GN_API int32_t gn_model_load(gn_model* model, const char* path);

/* ---- training ---------------------------------------------------------------------------------------------- */

enum { GN_LOSS_CROSS_ENTROPY = 0, GN_LOSS_BCE = 1, GN_LOSS_ASYMMETRIC_FOCAL = 2 };
enum { GN_OPTIMIZER_ADAM = 0, GN_OPTIMIZER_ADAMW = 1 };
enum { GN_SCHEDULE_NONE = 0, GN_SCHEDULE_PLATEAU = 1, GN_SCHEDULE_COSINE = 2 };

typedef struct gn_trainer_options {
  int32_t loss;               /* GN_LOSS_*; cross-entropy takes class indices, the others [batch, classes] 0/1 */
  int32_t optimizer;          /* GN_OPTIMIZER_* */
  int32_t schedule;           /* GN_SCHEDULE_* */
  int32_t epochs;             /* cosine: annealing length */
  int32_t plateau_patience;   /* epochs without improvement before the rate drops */
  int32_t freq_masks;         /* SpecAugment, training batches only */
  int32_t freq_mask_width;
  int32_t time_masks;
  int32_t time_mask_width;
  int32_t freq_shift_bins;    /* key jitter: each training item shifted by up to this many mel bands (0 = off) */
  double learning_rate;
  double weight_decay;
  double grad_clip_norm;      /* <= 0: no clipping */
  double plateau_factor;
  double min_learning_rate;
  double focal_gamma_positive;
  double focal_gamma_negative;
  double focal_clip;          /* probability margin on negatives */
  const float* class_weights;  /* one per class, copied; null = none. BCE: weight of positives;
                                 cross-entropy: weight of each class (weighted mean over items) */
  int64_t class_weight_count;
  int64_t seed;               /* dropout and augmentation randomness */
  double time_stretch;        /* tempo jitter: each training item's rate in [1/(1+x), 1+x] (0 = off, at most 1) */
} gn_trainer_options;

typedef struct gn_trainer gn_trainer;

/* The trainer borrows the model: the model must outlive it. */
GN_API int32_t gn_trainer_create(gn_model* model, const gn_trainer_options* options, gn_trainer** out);
GN_API void gn_trainer_destroy(gn_trainer* trainer);
/* One optimisation step on a batch; targets: [batch] class indices (cross-entropy), or [batch, classes]
 * (0/1 for multi-label losses; a probability row per item for cross-entropy, e.g. mixed-up batches).
 * When logits is not null the training-mode logits [batch, classes] are copied out (for training metrics). */
GN_API int32_t gn_trainer_step(gn_trainer* trainer, const float* inputs, int64_t batch, int64_t n_mels, int64_t frames,
                               const float* targets, int64_t target_count, double* loss, float* logits,
                               int64_t logits_capacity);
/* The augmented batch [batch, n_mels, frames] the next training step would see (key/tempo jitter, then SpecAugment
 * masks); advances the augmentation generator as a step does. For inspecting and testing augmentation settings. */
GN_API int32_t gn_trainer_augment(gn_trainer* trainer, const float* inputs, int64_t batch, int64_t n_mels,
                                  int64_t frames, float* outputs, int64_t capacity);
/* Loss (and logits [batch, classes] when logits is not null) in evaluation mode, no gradients. */
GN_API int32_t gn_trainer_evaluate(gn_trainer* trainer, const float* inputs, int64_t batch, int64_t n_mels,
                                   int64_t frames, const float* targets, int64_t target_count, double* loss,
                                   float* logits, int64_t logits_capacity);
/* Ends an epoch: advances the schedule (plateau uses validation_loss) and reports the new learning rate. */
GN_API int32_t gn_trainer_end_epoch(gn_trainer* trainer, double validation_loss, double* learning_rate);
GN_API int32_t gn_trainer_learning_rate(const gn_trainer* trainer, double* learning_rate);
/* Checkpoint: weights, optimiser, schedule, epochs done and random generator states (UTF-8 path). */
GN_API int32_t gn_trainer_save(const gn_trainer* trainer, const char* path);
GN_API int32_t gn_trainer_load(gn_trainer* trainer, const char* path);

#ifdef __cplusplus
}
#endif

#endif
