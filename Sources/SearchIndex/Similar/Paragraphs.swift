/// A paragraph of a section: the unit of prior wording, with its place for a citation.
public struct Paragraph: Sendable, Hashable {
    /// Index of the file in the index's file list.
    public let fileIndex: Int
    /// 1-based inclusive line numbers in the file.
    public let lines: ClosedRange<Int>
    /// As written, lines joined by newlines.
    public let text: String
}

/// Cuts section text into paragraphs: at blank lines, and a run of lines longer than
/// `maximumLines` (text converted from PDF often has no blank lines) at the line ending a
/// sentence nearest the middle. Fragments of fewer than `minimumWords` words (headings, page
/// numbers) are left out.
struct ParagraphSplitter {
    var maximumLines = 8
    var minimumWords = 8

    func paragraphs(of text: String, firstLine: Int, fileIndex: Int) -> [Paragraph] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var result: [Paragraph] = []
        var start: Int?
        func flush(_ end: Int) {
            guard let s = start else { return }
            split(lines, s..<end, into: &result, firstLine: firstLine, fileIndex: fileIndex)
            start = nil
        }
        for (i, line) in lines.enumerated() {
            if line.allSatisfy(\.isWhitespace) { flush(i) } else if start == nil { start = i }
        }
        flush(lines.count)
        return result
    }

    private func split(_ lines: [Substring], _ range: Range<Int>, into result: inout [Paragraph], firstLine: Int, fileIndex: Int) {
        if range.count > maximumLines {
            let middle = range.lowerBound + range.count / 2
            let ends = range.dropLast().filter { lines[$0].trimmingTrailingSpaces.last.map { ".:!?".contains($0) } ?? false }
            let cut = (ends.min { abs($0 - middle) < abs($1 - middle) } ?? middle - 1) + 1
            if cut > range.lowerBound, cut < range.upperBound {
                split(lines, range.lowerBound..<cut, into: &result, firstLine: firstLine, fileIndex: fileIndex)
                split(lines, cut..<range.upperBound, into: &result, firstLine: firstLine, fileIndex: fileIndex)
                return
            }
        }
        let text = lines[range].joined(separator: "\n")
        guard text.split(whereSeparator: \.isWhitespace).count >= minimumWords else { return }
        result.append(Paragraph(fileIndex: fileIndex, lines: (firstLine + range.lowerBound)...(firstLine + range.upperBound - 1), text: text))
    }
}

private extension Substring {
    var trimmingTrailingSpaces: Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[startIndex..<end]
    }
}
