import NorwegianText

/// Finds index terms by their form rather than by analysis: the terms that start with a prefix
/// (`helsedat*`) and those within a few typing errors of a word (`helsedta~`, did-you-mean).
public struct VocabularyMatcher: Sendable {
    public let reader: IndexReader
    /// At most this many terms per pattern, the most widespread first, so that a short prefix
    /// (`h*`) costs what 64 words cost and not what the whole vocabulary costs.
    public var maximumExpansions = 64

    public init(reader: IndexReader) {
        self.reader = reader
    }

    /// The terms that start with `prefix`, as spelled or with æøå folded.
    public func terms(withPrefix prefix: String) -> [Int] {
        var ids = Array(reader.termIDs(withPrefix: prefix))
        let key = NorwegianFolding.foldKey(prefix)
        var seen = Set(ids)
        for id in reader.terms(withFoldKeyPrefix: key) where seen.insert(id).inserted { ids.append(id) }
        return mostWidespread(ids, limit: maximumExpansions)
    }

    /// The edit budget for a word of `letters` letters, as Meilisearch allows typos: none up to
    /// four letters (too many short words are one edit apart), one up to eight, two beyond.
    public static func allowedEdits(letters: Int) -> Int {
        letters <= 4 ? 0 : letters <= 8 ? 1 : 2
    }

    /// Terms within `maximumEdits` edits (insertion, deletion, substitution, swap of neighbours) of
    /// any of `forms`, with the smallest distance found.
    public func terms(near forms: [String], maximumEdits: Int) -> [(id: Int, edits: Int)] {
        guard maximumEdits > 0 else { return [] }
        let patterns = forms.map { Array($0.unicodeScalars.map(\.value)) }
        var found: [Int: Int] = [:]
        var scalars: [UInt32] = []
        var distance = BoundedEditDistance()
        reader.forEachTerm { id, bytes in
            guard let first = bytes.first, first != TitleField.marker else { return }
            let letters = bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            guard patterns.contains(where: { abs($0.count - letters) <= maximumEdits }) else { return }
            scalars.removeAll(keepingCapacity: true)
            for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars { scalars.append(scalar.value) }
            for pattern in patterns {
                if let d = distance.distance(pattern, scalars, maximum: maximumEdits), d < found[id] ?? .max {
                    found[id] = d
                }
            }
        }
        let ranked = found.sorted { a, b in
            if a.value != b.value { return a.value < b.value }
            let (dfA, dfB) = (reader.postingsInfo(a.key).documentFrequency, reader.postingsInfo(b.key).documentFrequency)
            // The term id breaks the last ties: a dictionary's order differs from run to run.
            return dfA != dfB ? dfA > dfB : a.key < b.key
        }
        return ranked.prefix(maximumExpansions).map { ($0.key, $0.value) }
    }

    /// The `limit` terms among `ids` found in the most sections (ties by id, so the choice is stable).
    func mostWidespread(_ ids: [Int], limit: Int) -> [Int] {
        guard ids.count > limit else { return ids }
        let ranked = ids.map { (id: $0, df: reader.postingsInfo($0).documentFrequency) }
            .sorted { $0.df != $1.df ? $0.df > $1.df : $0.id < $1.id }
        return ranked.prefix(limit).map(\.id)
    }
}

/// Optimal-string-alignment distance with a cut-off: gives up as soon as every path exceeds
/// `maximum`, which is what keeps a scan of the whole vocabulary fast.
struct BoundedEditDistance {
    private var previous2: [Int] = []
    private var previous: [Int] = []
    private var current: [Int] = []

    mutating func distance(_ a: [UInt32], _ b: [UInt32], maximum: Int) -> Int? {
        if abs(a.count - b.count) > maximum { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let width = b.count + 1
        previous2 = [Int](repeating: 0, count: width)
        previous = Array(0..<width)
        current = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > maximum { return nil }
            swap(&previous2, &previous)
            swap(&previous, &current)
        }
        let result = previous[b.count]
        return result <= maximum ? result : nil
    }
}
