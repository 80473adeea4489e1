/// Where the sentences of a block of Norwegian text end: after `.`, `!`, `?` or `…` (and any
/// closing quote or bracket) when the next word starts a sentence — a capital, a digit or an
/// opening quote — and the word before the full stop is not an abbreviation or an initial.
/// "bl.a. Helsedirektoratet", "P. M. Sandset" and "1. januar" are not ends; "fra 20191. Gruppen"
/// is (a footnote number glued to a year, as PDF text gives it).
///
/// ICU's sentence iterator would do as much, but without suppressions for Norwegian
/// abbreviations it ends a sentence at every "bl.a." before a name; this is that rule with them.
struct SentenceSpans {
    /// Common Norwegian abbreviations written with a full stop (Språkrådet's list, the ones a
    /// council's papers use), lowercased, without their final full stop.
    static let abbreviations: Set<String> = [
        "bl.a", "f.eks", "jf", "jfr", "nr", "mv", "m.v", "m.m", "dvs", "d.v.s", "ca", "kl", "pkt", "evt", "ev",
        "osv", "etc", "mht", "m.h.t", "iht", "i.h.t", "vs", "ref", "tlf", "prof", "dr", "avd", "inkl", "ekskl",
        "hhv", "vedr", "ang", "red", "mill", "mrd", "kr", "st", "s", "f", "t.o.m", "f.o.m", "o.l", "e.l", "adm",
        "dir", "sek", "pr", "ifm", "i.f.m", "mnd", "kap", "bl", "etg", "gt",
    ]

    /// The end index of every sentence of `text`, in order; the last is `text.endIndex` unless the
    /// text is only spaces.
    static func ends(in text: Substring) -> [String.Index] {
        var ends: [String.Index] = []
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            guard c == "." || c == "!" || c == "?" || c == "…" else { i = text.index(after: i); continue }
            var end = text.index(after: i)
            while end < text.endIndex, ".!?…)]»”’\"'".contains(text[end]) { end = text.index(after: end) }
            var next = end
            while next < text.endIndex, text[next].isWhitespace { next = text.index(after: next) }
            defer { i = end }
            guard next > end else { continue }
            if next == text.endIndex { break }
            guard startsSentence(text[next]), c != "." || !isAbbreviation(before: i, in: text) else { continue }
            ends.append(end)
        }
        var last = text.endIndex
        while last > text.startIndex, text[text.index(before: last)].isWhitespace { last = text.index(before: last) }
        if last > (ends.last ?? text.startIndex) { ends.append(last) }
        return ends
    }

    private static func startsSentence(_ c: Character) -> Bool {
        c.isUppercase || c.isNumber || "«“\"'(•–-".contains(c)
    }

    /// Whether the word ending at the full stop `stop` is an abbreviation or a one-letter initial.
    private static func isAbbreviation(before stop: String.Index, in text: Substring) -> Bool {
        var start = stop
        while start > text.startIndex {
            let previous = text.index(before: start)
            guard !text[previous].isWhitespace, !"(«“\"".contains(text[previous]) else { break }
            start = previous
        }
        let word = text[start..<stop].lowercased()
        if word.count == 1, word.first!.isLetter { return true }
        return abbreviations.contains(word)
    }
}
