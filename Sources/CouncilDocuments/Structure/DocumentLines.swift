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

        public var isBlank: Bool { text.allSatisfy(\.isWhitespace) }
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
