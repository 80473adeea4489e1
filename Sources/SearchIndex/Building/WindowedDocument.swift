import CouncilDocuments
import NorwegianText

/// A document's text and sections with its analysis windows (`DocumentWindows`): the tokens of
/// one window at a time, and the UTF-16 bounds of its sections to find their tokens by.
struct WindowedDocument {
    let text: String
    let sections: [Section]
    let windows: [DocumentWindows.Window]
    /// The UTF-16 offset of each window's start: token ranges are UTF-16 offsets in the text.
    private let windowUTF16Starts: [Int]

    init(text: String, sections: [Section], windowBytes: Int) {
        self.text = text
        self.sections = sections
        let windows = DocumentWindows.make(sections, textBytes: text.utf8.count, targetBytes: windowBytes)
        self.windows = windows
        self.windowUTF16Starts = Self.withUTF8(text) { b in
            var starts: [Int] = []
            var offset = 0
            for window in windows {
                starts.append(offset)
                offset += UTF16Count.of(b, window.bytes)
            }
            return starts
        }
    }

    func tokens(ofWindow w: Int, tokenizer: PieceTokenizer) -> [Token] {
        Self.withUTF8(text) { tokenizer.tokenize($0, windows[w].bytes, utf16Start: windowUTF16Starts[w]) }
    }

    /// The UTF-16 range of each section of window `w`, in section order.
    func sectionBounds(ofWindow w: Int) -> [Range<Int>] {
        let window = windows[w]
        let boundaries = Set(sections[window.sections].flatMap { [$0.byteRange.lowerBound, $0.byteRange.upperBound] }).sorted()
        var converted: [Int: Int] = [:]
        Self.withUTF8(text) { b in
            var byteOffset = window.bytes.lowerBound
            var utf16Offset = windowUTF16Starts[w]
            for boundary in boundaries {
                utf16Offset += UTF16Count.of(b, byteOffset..<min(max(boundary, byteOffset), b.count))
                byteOffset = boundary
                converted[boundary] = utf16Offset
            }
        }
        return sections[window.sections].map { converted[$0.byteRange.lowerBound]!..<converted[$0.byteRange.upperBound]! }
    }

    /// The text's UTF-8 without a copy (document texts are native, contiguous strings).
    private static func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = text
        return text.withUTF8(body)
    }
}
