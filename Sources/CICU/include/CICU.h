#ifndef RADSOK_CICU_H
#define RADSOK_CICU_H

#include <stdint.h>

/// The only door to ICU. Swift cannot import ICU's headers next to Foundation's bundled
/// ICU, nor its versioned symbol macros, so this header speaks plain stdint types only.

/// What a word segment is made of, from ICU's word-break rule status.
enum {
    RADSOK_SEGMENT_NUMBER = 1,
    RADSOK_SEGMENT_LETTER = 2,
    RADSOK_SEGMENT_OTHER_WORD = 3 /* kana, ideographs */
};

/// One word-like segment of a UTF-16 text. `start`/`end` index the original text in UTF-16
/// units; the case-folded, NFC form is `folded[foldedStart ..< foldedStart + foldedLength]`, in
/// UTF-8 bytes (what Swift strings are made of, so building a term string is a copy).
typedef struct {
    int32_t start;
    int32_t end;
    int32_t foldedStart;
    int32_t foldedLength;
    int32_t kind;
} radsok_segment;

/// Splits `text` into word segments (UAX #29 with ICU's Norwegian rules), dropping spaces and
/// punctuation, and writes each segment's full case folding + NFC into `folded` as UTF-8.
///
/// `segmentCapacity` must be at least `length`. Returns the number of segments, or a negative ICU
/// error code; `-RADSOK_FOLDED_OVERFLOW` when `folded` is too small (`9 * length + 64` always
/// suffices).
int32_t radsok_segment_words(const uint16_t *text, int32_t length,
                             radsok_segment *segments, int32_t segmentCapacity,
                             uint8_t *folded, int32_t foldedCapacity);

enum { RADSOK_FOLDED_OVERFLOW = 15 /* U_BUFFER_OVERFLOW_ERROR */ };

/// Full case folding followed by NFC of a short string (a query word, a title).
/// Returns the length written, or a negative ICU error code (including too small a buffer).
int32_t radsok_fold(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity);

/// UTF-8 to UTF-16 (`u_strFromUTF8`): at most `length` units, so `capacity` = `length` suffices.
/// Returns the number of units written, or a negative ICU error code.
int32_t radsok_utf16_from_utf8(const uint8_t *text, int32_t length, uint16_t *out, int32_t capacity);

#endif
