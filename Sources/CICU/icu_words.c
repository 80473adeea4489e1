#include "CICU.h"

#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uchar.h>

/* Opening a break iterator costs tens of microseconds: keep one per thread. */
static _Thread_local UBreakIterator *cachedIterator = NULL;

static UBreakIterator *wordIterator(UErrorCode *status) {
    if (cachedIterator == NULL) {
        cachedIterator = ubrk_open(UBRK_WORD, "nb", NULL, 0, status);
        if (U_FAILURE(*status)) {
            cachedIterator = NULL;
        }
    }
    return cachedIterator;
}

/* Characters below U+0300 are stable under NFC, so most Norwegian words skip normalization. */
static int needsNormalization(const UChar *s, int32_t length) {
    for (int32_t i = 0; i < length; i++) {
        if (s[i] >= 0x300) return 1;
    }
    return 0;
}

int32_t radsok_fold(const uint16_t *text, int32_t length, uint16_t *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = u_strFoldCase((UChar *)out, capacity, (const UChar *)text, length, U_FOLD_CASE_DEFAULT, &status);
    if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING) {
        return U_FAILURE(status) ? -(int32_t)status : n;
    }
    if (!needsNormalization((const UChar *)out, n)) {
        return n;
    }
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return -(int32_t)status;
    UChar scratch[256];
    if (n > 256) return n; /* absurdly long word: keep the folded form as it is */
    for (int32_t i = 0; i < n; i++) scratch[i] = out[i];
    int32_t m = unorm2_normalize(nfc, scratch, n, (UChar *)out, capacity, &status);
    if (U_FAILURE(status)) return -(int32_t)status;
    return m;
}

int32_t radsok_segment_words(const uint16_t *text, int32_t length,
                             radsok_segment *segments, int32_t segmentCapacity,
                             uint8_t *folded, int32_t foldedCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = wordIterator(&status);
    if (bi == NULL) return -(int32_t)(U_FAILURE(status) ? status : U_INTERNAL_PROGRAM_ERROR);
    ubrk_setText(bi, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -(int32_t)status;

    int32_t count = 0;
    int32_t foldedUsed = 0;
    int32_t start = ubrk_first(bi);
    for (int32_t end = ubrk_next(bi); end != UBRK_DONE; start = end, end = ubrk_next(bi)) {
        int32_t rule = ubrk_getRuleStatus(bi);
        int32_t kind;
        if (rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT) kind = RADSOK_SEGMENT_NUMBER;
        else if (rule >= UBRK_WORD_LETTER && rule < UBRK_WORD_LETTER_LIMIT) kind = RADSOK_SEGMENT_LETTER;
        else if (rule >= UBRK_WORD_KANA && rule < UBRK_WORD_IDEO_LIMIT) kind = RADSOK_SEGMENT_OTHER_WORD;
        else continue;
        if (count >= segmentCapacity) return -(int32_t)U_BUFFER_OVERFLOW_ERROR;
        UChar scratch[512];
        int32_t wordLength = end - start;
        if (wordLength > 160) wordLength = 160; /* no real word is longer; keep the fold bounded */
        int32_t m = radsok_fold(text + start, wordLength, scratch, 512);
        if (m < 0) return m;
        int32_t n = 0;
        UErrorCode conversion = U_ZERO_ERROR;
        u_strToUTF8((char *)(folded + foldedUsed), foldedCapacity - foldedUsed, &n, scratch, m, &conversion);
        if (conversion == U_BUFFER_OVERFLOW_ERROR || conversion == U_STRING_NOT_TERMINATED_WARNING) {
            if (foldedUsed + n > foldedCapacity) return -(int32_t)U_BUFFER_OVERFLOW_ERROR;
        } else if (U_FAILURE(conversion)) {
            return -(int32_t)conversion;
        }
        segments[count].start = start;
        segments[count].end = end;
        segments[count].foldedStart = foldedUsed;
        segments[count].foldedLength = n;
        segments[count].kind = kind;
        foldedUsed += n;
        count++;
    }
    return count;
}

int32_t radsok_utf16_from_utf8(const uint8_t *text, int32_t length, uint16_t *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = 0;
    u_strFromUTF8((UChar *)out, capacity, &n, (const char *)text, length, &status);
    if (U_FAILURE(status)) return -(int32_t)status;
    return n;
}
