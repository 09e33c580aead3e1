/*
 * genres_native: the C ABI between OrleansGenres (C#) and FFmpeg's libraries (C++): in-process audio decoding, which
 * no .NET library does for MP3, Vorbis, Opus, FLAC and AAC alike. The ML engine is TorchSharp (src/OrleansGenres.Torch).
 *
 * Rules every function follows:
 *  - No C++ exception crosses this boundary. Every function returns a gn_status; on failure the message is
 *    kept per thread and read with gn_last_error_message().
 *  - Buffers are passed as pointer + length (+ shape); the library never keeps a caller's pointer after the
 *    call returns: objects are opaque handles freed with their *_close.
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
#define GN_ABI_VERSION 6

typedef enum gn_status {
  GN_OK = 0,
  GN_INVALID_ARGUMENT = 1,
  GN_OUT_OF_MEMORY = 2,
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

#ifdef __cplusplus
}
#endif

#endif
