/// A run of whole sentences of one section: the unit of prior wording, with its place for a
/// citation.
public struct Passage: Sendable, Hashable {
    /// Index of the file in the index's file list.
    public let fileIndex: Int
    /// 1-based inclusive line numbers in the file: from the line the first sentence starts on to
    /// the line the last one ends on.
    public let lines: ClosedRange<Int>
    /// Exactly as written, from the first sentence's first character to the last one's end.
    public let asWritten: Substring
}

/// Cuts a section's text into passages a writer can quote: each starts where a paragraph or a
/// sentence starts and ends where a sentence (or its paragraph) ends, and holds as many whole
/// sentences as fit in `maximumCharacters`; a longer sentence is a passage of its own.
///
/// Paragraphs are found by their lines, not by blank lines alone: text converted from PDF has
/// blank lines inside sentences ("… for forskning og" ⏎⏎ "innovasjon innenfor …") and none
/// between paragraphs. A blank line ends a paragraph unless the next line goes on in lower case
/// or the line before ends in a comma or a hyphen; a bullet starts an item of its own; a line
/// without a letter (a page number) ends a paragraph and is left out.
struct PassageCutter {
    var maximumCharacters = 600
    /// Fragments of fewer words (headings, page numbers) are left out.
    var minimumWords = 8

    func passages(of text: String, firstLine: Int, fileIndex: Int) -> [Passage] {
        let lineStarts = Self.lineStarts(text)
        func line(of index: String.Index) -> Int {
            var low = 0, high = lineStarts.count
            while low < high {
                let mid = (low + high) / 2
                if lineStarts[mid] <= index { low = mid + 1 } else { high = mid }
            }
            return firstLine + low - 1
        }
        var result: [Passage] = []
        func emit(_ range: Range<String.Index>) {
            let written = text[range]
            guard written.split(whereSeparator: \.isWhitespace).count >= minimumWords else { return }
            let last = text.index(before: range.upperBound)
            result.append(Passage(fileIndex: fileIndex, lines: line(of: range.lowerBound)...line(of: last), asWritten: written))
        }
        for block in paragraphs(text, lineStarts: lineStarts) {
            var start = block.lowerBound
            var end = start
            for sentenceEnd in SentenceSpans.ends(in: text[block]) {
                if end > start, text.utf8.distance(from: start, to: sentenceEnd) > maximumCharacters {
                    emit(start..<end)
                    start = Self.skippingSpaces(text, from: end)
                }
                end = sentenceEnd
            }
            if end > start { emit(start..<end) }
        }
        return result
    }

    /// The paragraphs of `text`, each from its first non-space character to its last.
    private func paragraphs(_ text: String, lineStarts: [String.Index]) -> [Range<String.Index>] {
        var blocks: [Range<String.Index>] = []
        var current: Range<String.Index>?
        var sawBlank = false
        for (n, start) in lineStarts.enumerated() {
            let end = n + 1 < lineStarts.count ? text.index(before: lineStarts[n + 1]) : text.endIndex
            let line = text[start..<end]
            guard let first = line.firstIndex(where: { !$0.isWhitespace }) else { sawBlank = true; continue }
            // A line without a letter (a page number, a rule, a time) is no part of a sentence.
            guard line.contains(where: \.isLetter) else {
                if let open = current { blocks.append(open) }
                current = nil
                continue
            }
            let last = line.lastIndex(where: { !$0.isWhitespace }).map(text.index(after:))!
            if let open = current, !startsParagraph(line[first...], afterBlank: sawBlank, previous: text[open]) {
                current = open.lowerBound..<last
            } else {
                if let open = current { blocks.append(open) }
                current = first..<last
            }
            sawBlank = false
        }
        if let open = current { blocks.append(open) }
        return blocks
    }

    private func startsParagraph(_ line: Substring, afterBlank: Bool, previous: Substring) -> Bool {
        if QuotableText.bulletLength(line) > 0 { return true }
        guard afterBlank, let first = line.first else { return false }
        if first.isLowercase { return false }
        return previous.last.map { $0 != "," && $0 != "-" } ?? true
    }

    private static func lineStarts(_ text: String) -> [String.Index] {
        var starts = [text.startIndex]
        var i = text.startIndex
        while let newline = text[i...].firstIndex(of: "\n") {
            i = text.index(after: newline)
            starts.append(i)
        }
        return starts
    }

    private static func skippingSpaces(_ text: String, from index: String.Index) -> String.Index {
        text[index...].firstIndex { !$0.isWhitespace } ?? text.endIndex
    }
}
