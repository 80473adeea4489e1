/// The C0 control characters that text does not use, and what their share says about a file.
///
/// Text uses tab, line feed, form feed and carriage return; the other 28 C0 codes (NUL among
/// them) are near absent from prose but make up 28/256 ≈ 11% of random or compressed bytes and
/// more of executables and images. A file is binary when a sampled window has more than 5% of
/// them (and more than two, so that one stray NUL in a short note is not taken for evidence). A stray control in
/// text is read as a space, so that none reaches the index, snippets or JSON.
enum ControlCharacters {
    /// Bytes (or UTF-16 units) per sampled window; the start, middle and end of a file are
    /// sampled, so that a text header on binary content or an appended binary block is seen.
    static let window = 4096

    @inline(__always)
    static func isStray<Unit: FixedWidthInteger>(_ unit: Unit) -> Bool {
        unit < 0x20 && unit != 0x09 && unit != 0x0A && unit != 0x0C && unit != 0x0D
    }

    /// True when one of the sampled windows has the share of stray controls of binary data.
    static func looksBinary<Units: RandomAccessCollection>(_ units: Units) -> Bool
    where Units.Element: FixedWidthInteger, Units.Index == Int {
        sampleRanges(count: units.count).contains { range in
            var stray = 0
            for offset in range where isStray(units[units.startIndex + offset]) { stray += 1 }
            return stray > 2 && stray * 20 > range.count
        }
    }

    /// Up to three windows (start, middle, end), not overlapping, as offsets from the start.
    static func sampleRanges(count: Int) -> [Range<Int>] {
        guard count > 3 * window else { return [0..<count] }
        let middle = count / 2 - window / 2
        return [0..<window, middle..<(middle + window), (count - window)..<count]
    }

    /// `text` with every stray control replaced by a space (one byte for one, so the length in
    /// UTF-8 is kept); the text itself when it has none, which is the common case.
    static func replacingStray(in text: String) -> String {
        var text = text
        let found = text.withUTF8 { $0.contains(where: isStray) }
        guard found else { return text }
        var bytes = Array(text.utf8)
        for i in bytes.indices where isStray(bytes[i]) { bytes[i] = 0x20 }
        return String(decoding: bytes, as: UTF8.self)
    }
}
