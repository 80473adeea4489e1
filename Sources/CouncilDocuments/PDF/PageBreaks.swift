import Foundation

/// The pages of a document's text: a form feed (U+000C) starts a new page, as in pdftotext's
/// output (where `PDFExtraction` gives it a line of its own) and in text files printed from a
/// page layout (where it starts the first line of the page).
///
/// Either way the text at and after a form feed is on the next page, so the page of a byte is one
/// more than the form feeds up to it, and the page of a line one more than those on it and before.
/// A text without a form feed is one page, and a hit in it has no page to show.
public struct PageBreaks: Sendable, Equatable {
    /// UTF-8 offsets of the form feeds, ascending.
    public let offsets: [Int]
    /// The 1-based line of each form feed.
    public let lines: [Int]

    /// A text without a form feed (most) costs one `memchr`: each hit's document is looked at
    /// for pages when the hit is shown.
    public init(_ text: String) {
        var text = text
        (offsets, lines) = text.withUTF8 { bytes -> ([Int], [Int]) in
            guard let base = bytes.baseAddress, memchr(base, 0x0C, bytes.count) != nil else { return ([], []) }
            var offsets: [Int] = []
            var lines: [Int] = []
            var line = 1
            for (offset, byte) in bytes.enumerated() {
                if byte == 0x0A { line += 1 }
                if byte == 0x0C {
                    offsets.append(offset)
                    lines.append(line)
                }
            }
            return (offsets, lines)
        }
    }

    public var hasPages: Bool { !offsets.isEmpty }
    public var pageCount: Int { offsets.count + 1 }

    /// The 1-based page of the byte at a UTF-8 offset.
    public func page(at offset: Int) -> Int { 1 + Self.count(offsets, atMost: offset) }

    /// The 1-based page of a 1-based line.
    public func page(ofLine line: Int) -> Int { 1 + Self.count(lines, atMost: line) }

    /// The pages the text of a byte range stands on, from its first to its last visible byte
    /// (blank lines and a page break at either end belong to no page of the range); nil for a
    /// text without pages.
    public func pages(of range: Range<Int>, in text: String) -> ClosedRange<Int>? {
        guard hasPages else { return nil }
        var text = text
        return text.withUTF8 { bytes -> ClosedRange<Int>? in
            let upper = min(range.upperBound, bytes.count)
            var first = min(range.lowerBound, upper)
            while first < upper, Self.isBlank(bytes[first]) { first += 1 }
            var last = upper - 1
            while last >= first, Self.isBlank(bytes[last]) { last -= 1 }
            guard first <= last else { return nil }
            return page(at: first)...page(at: last)
        }
    }

    /// The pages of a run of lines; nil for a text without pages.
    public func pages(ofLines range: ClosedRange<Int>) -> ClosedRange<Int>? {
        guard hasPages else { return nil }
        return page(ofLine: range.lowerBound)...max(page(ofLine: range.lowerBound), page(ofLine: range.upperBound))
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C
    }

    /// How many of the ascending `values` are at most `limit`.
    private static func count(_ values: [Int], atMost limit: Int) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] <= limit { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
