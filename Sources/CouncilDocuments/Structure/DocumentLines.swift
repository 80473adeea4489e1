/// A document's text as numbered lines with their byte offsets, the frame every section is cut
/// from.
public struct DocumentLines: Sendable {
    public struct Line: Sendable {
        /// 1-based.
        public let number: Int
        public let text: String
        /// Byte offsets in the UTF-8 text, without the line break.
        public let start: Int
        public let end: Int

        /// Computed once: the parser asks for every line many times.
        public let isBlank: Bool
        /// A form feed: a page break (a PDF's text gives it a line of its own), which ends a block
        /// as a gap of blank lines does.
        public let isPageBreak: Bool
        /// The first letter after leading decoration (spaces, `-`, `*`, `#`), lowercased ASCII, or 0:
        /// a cheap first test before a line is examined as a possible header.
        public let lead: UInt8
        /// The decision label the line opens with (`DecisionLabel.parse`): read once, as the
        /// sectioner asks a label line up to five times over (a fifth of a build).
        public let label: DecisionLabel?
        /// Whether the line holds a `/`, as every case number does: asked of every line of every
        /// case for the cases it cites, and the byte search of a line's view was a fiftieth of a build.
        public let hasSlash: Bool

        init(number: Int, text: String, start: Int, end: Int) {
            self.number = number
            self.text = text
            self.start = start
            self.end = end
            var lead: UInt8 = 0
            var blank = true
            var nonASCII = false
            for byte in text.utf8 {
                switch byte {
                case 0x20, 0x09, 0x0D, 0x0C: continue
                case 0x2A, 0x2D, 0x23, 0x3E: blank = false
                default:
                    blank = false
                    if byte >= 0x80 { nonASCII = true }
                    if lead == 0 { lead = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
                }
                if lead != 0 { break }
            }
            if nonASCII && lead >= 0x80 { lead = 0 }
            self.isBlank = blank && (!nonASCII || text.allSatisfy(\.isWhitespace))
            self.lead = lead
            self.isPageBreak = blank && text.utf8.contains(0x0C)
            self.label = blank ? nil : DecisionLabel.parse(text)
            var bytes = text
            self.hasSlash = bytes.withUTF8 { $0.firstIndex(of: 0x2F) != nil }
        }

        /// A label and nothing else: never a title.
        var isLabelOnly: Bool { label.map { !$0.hasTextAfter } ?? false }

        /// Short enough to be a heading, a marker or a field line (cheap, in bytes).
        var isShort: Bool { end - start <= 120 }
    }

    public let lines: [Line]

    public init(_ text: String) {
        var lines: [Line] = []
        var text = text
        text.withUTF8 { bytes in
            Self.forEachLine(bytes) { start, textEnd, end in
                let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<textEnd]), as: UTF8.self)
                lines.append(Line(number: lines.count + 1, text: line, start: start, end: end))
            }
        }
        self.lines = lines
    }

    /// Every line of UTF-8 `bytes`, as `start`, `textEnd` and `end` offsets: split at each "\n"
    /// (`end`), the text without a "\r" before it (`textEnd`); a last line without a break runs
    /// to the end. The one way a document is cut into lines, for the sections and the meeting
    /// dates alike.
    static func forEachLine(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int, Int) -> Void) {
        var start = 0
        for end in bytes.indices where bytes[end] == 0x0A {
            body(start, end > start && bytes[end - 1] == 0x0D ? end - 1 : end, end)
            start = end + 1
        }
        if start < bytes.count { body(start, bytes.count, bytes.count) }
    }
}
