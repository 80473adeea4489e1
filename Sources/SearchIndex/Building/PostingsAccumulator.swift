import NorwegianText

/// Collects the term occurrences of a run of consecutive sections and encodes them as postings.
///
/// Occurrences go into flat arrays as they come; encoding groups them by term with a counting
/// sort, so building costs no per-term allocations and no dictionaries of arrays.
struct PostingsAccumulator {
    private(set) var terms: [String] = []
    private var termIDs: [String: UInt32] = [:]
    private var occurrenceTerm: [UInt32] = []
    private var occurrenceSection: [UInt32] = []
    private var occurrencePosition: [UInt32] = []

    mutating func add(_ tokens: ArraySlice<Token>, section: UInt32, positionBase: Int32) {
        for token in tokens {
            let id: UInt32
            if let known = termIDs[token.text] {
                id = known
            } else {
                id = UInt32(terms.count)
                terms.append(token.text)
                termIDs[token.text] = id
            }
            occurrenceTerm.append(id)
            occurrenceSection.append(section)
            occurrencePosition.append(UInt32(bitPattern: token.position - positionBase))
        }
    }

    /// Encoded postings of every term: the first section delta is the absolute section id, so
    /// blocks of consecutive section runs can be joined by re-encoding one number.
    struct Encoded {
        var terms: [String]
        var documentFrequency: [UInt32]
        var firstSection: [UInt32]
        var lastSection: [UInt32]
        var docs: [UInt8]
        var docsRange: [Range<Int>]
        var positions: [UInt8]
        var positionsRange: [Range<Int>]

        static let empty = Encoded(terms: [], documentFrequency: [], firstSection: [], lastSection: [], docs: [],
                                   docsRange: [], positions: [], positionsRange: [])
    }

    func encode() -> Encoded {
        let termCount = terms.count
        var start = [Int](repeating: 0, count: termCount + 1)
        for t in occurrenceTerm { start[Int(t) + 1] += 1 }
        for i in 0..<termCount { start[i + 1] += start[i] }
        var order = [Int32](repeating: 0, count: occurrenceTerm.count)
        var fill = start
        for (i, t) in occurrenceTerm.enumerated() {
            order[fill[Int(t)]] = Int32(i)
            fill[Int(t)] += 1
        }
        var result = Encoded(terms: terms, documentFrequency: [], firstSection: [], lastSection: [], docs: [],
                             docsRange: [], positions: [], positionsRange: [])
        result.documentFrequency.reserveCapacity(termCount)
        var docs = ByteWriter()
        var positions = ByteWriter()
        for t in 0..<termCount {
            let docsStart = docs.bytes.count
            let positionsStart = positions.bytes.count
            var df: UInt32 = 0
            var previousSection: UInt32 = 0
            var first: UInt32 = 0
            var i = start[t]
            let end = start[t + 1]
            while i < end {
                let section = occurrenceSection[Int(order[i])]
                var j = i
                var previousPosition: UInt32 = 0
                var frequency: UInt32 = 0
                var lastWritten: UInt32 = .max
                while j < end, occurrenceSection[Int(order[j])] == section {
                    let position = occurrencePosition[Int(order[j])]
                    if position != lastWritten {
                        positions.varint(position &- previousPosition)
                        previousPosition = position
                        lastWritten = position
                        frequency += 1
                    }
                    j += 1
                }
                if df == 0 { first = section }
                docs.varint(section &- previousSection)
                docs.varint(frequency)
                previousSection = section
                df += 1
                i = j
            }
            result.documentFrequency.append(df)
            result.firstSection.append(first)
            result.lastSection.append(previousSection)
            result.docsRange.append(docsStart..<docs.bytes.count)
            result.positionsRange.append(positionsStart..<positions.bytes.count)
        }
        result.docs = docs.bytes
        result.positions = positions.bytes
        return result
    }
}
