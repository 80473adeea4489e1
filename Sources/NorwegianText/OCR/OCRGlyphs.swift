/// Characters that OCR leaves where a Norwegian letter was — `@ystein` (Øystein), `p&` (på),
/// `|` (I) — kept inside words so that the repair step can see them.
///
/// ICU's word breaking drops `@`, `&` and `|` as punctuation. Before segmentation they are
/// replaced, one UTF-16 unit for one, by letters that never occur in Norwegian text, so offsets
/// stay exact and the word stays whole; the repair step reads the stand-ins.
public enum OCRGlyphs {
    /// Stand-in for `@` before a letter (a damaged Ø).
    public static let at: Unicode.Scalar = "\u{0298}"
    /// Stand-in for `&` next to a letter or alone (a damaged å).
    public static let ampersand: Unicode.Scalar = "\u{0250}"
    /// Stand-in for `|` standing alone (a damaged I).
    public static let bar: Unicode.Scalar = "\u{01C0}"

    /// Replaces the glyphs in place where they stand for letters.
    static func markLetters(in units: inout [UInt16]) {
        func isLetter(_ i: Int) -> Bool {
            guard i >= 0, i < units.count else { return false }
            let u = units[i]
            return (u >= 0x41 && u <= 0x5A) || (u >= 0x61 && u <= 0x7A) || (u >= 0xC0 && u <= 0x24F && u != 0xD7 && u != 0xF7)
        }
        func isSpace(_ i: Int) -> Bool {
            guard i >= 0, i < units.count else { return true }
            let u = units[i]
            return u == 0x20 || u == 0x0A || u == 0x0D || u == 0x09 || u == 0xA0
        }
        for i in units.indices {
            switch units[i] {
            case 0x40 where isLetter(i + 1) && !isLetter(i - 1):
                units[i] = UInt16(at.value)
            case 0x26 where isLetter(i - 1) || isLetter(i + 1) || (isSpace(i - 1) && isSpace(i + 1)):
                units[i] = UInt16(ampersand.value)
            case 0x7C where isSpace(i - 1) && isSpace(i + 1):
                units[i] = UInt16(bar.value)
            default:
                break
            }
        }
    }
}
