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
        let utf8 = text.utf8
        var number = 1
        var start = 0
        var offset = 0
        var lineStartIndex = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            if utf8[index] == 0x0A {
                var textEnd = index
                if textEnd > lineStartIndex, utf8[utf8.index(before: textEnd)] == 0x0D { textEnd = utf8.index(before: textEnd) }
                lines.append(Line(number: number, text: String(text[lineStartIndex..<textEnd]), start: start, end: offset))
                number += 1
                start = offset + 1
                lineStartIndex = utf8.index(after: index)
            }
            offset += 1
            index = utf8.index(after: index)
        }
        if lineStartIndex != utf8.endIndex {
            lines.append(Line(number: number, text: String(text[lineStartIndex..<utf8.endIndex]), start: start, end: offset))
        }
        self.lines = lines
    }
}
