import CouncilDocuments

/// A document cut into windows for analysis: runs of whole sections (a decision inside its case
/// stays with its case) in text order, covering the whole text, the text between sections too.
///
/// A document is analysed window by window so that what analysis allocates per byte of text —
/// ICU's segment buffer alone is 20 bytes per UTF-16 unit, the tokens some 5 bytes per byte —
/// is bounded by a window, not by the document: a 200 MB file took 6 GB analysed whole.
/// A window is cut only where no section spans the cut and no later section in the sectioner's
/// order starts before it, so each window holds a run of sections that is consecutive in that
/// order, and sections are still numbered and their postings added in that order.
enum DocumentWindows {
    struct Window: Equatable {
        /// Byte range in the UTF-8 text.
        var bytes: Range<Int>
        /// Indices into the document's sections.
        var sections: Range<Int>
    }

    /// Windows of at least `targetBytes` (the last may be shorter) for a text of `textBytes`.
    static func make(_ sections: [Section], textBytes: Int, targetBytes: Int) -> [Window] {
        // The lowest start among each section and all after it: the sectioner appends a decision
        // after the parts of its case, so a cut between two parts would leave it behind the cut.
        var laterStart = [Int](repeating: .max, count: sections.count + 1)
        for i in sections.indices.reversed() { laterStart[i] = min(laterStart[i + 1], sections[i].byteRange.lowerBound) }
        var windows: [Window] = []
        var start = 0, first = 0, end = 0
        for (i, section) in sections.enumerated() {
            let lower = section.byteRange.lowerBound
            if i > first, lower >= end, laterStart[i] >= lower, lower - start >= targetBytes {
                windows.append(Window(bytes: start..<lower, sections: first..<i))
                start = lower
                first = i
            }
            end = max(end, section.byteRange.upperBound)
        }
        windows.append(Window(bytes: start..<max(start, textBytes), sections: first..<sections.count))
        return windows
    }
}
