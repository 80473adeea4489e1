import NorwegianText

/// Finds index terms by their form rather than by analysis: the terms that start with a prefix
/// (`helsedat*`) and those within a few typing errors of a word (`helsedta~`, did-you-mean).
public struct VocabularyMatcher: Sendable {
    public let reader: IndexReader
    /// At most this many terms per pattern, the most widespread first, so that a short prefix
    /// (`h*`) costs what 64 words cost and not what the whole vocabulary costs.
    public var maximumExpansions = 64
    /// A scan of the vocabulary stops when this passes (what it found so far is returned).
    public var deadline = Deadline.never

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
        var stopped = false
        reader.forEachTerm { id, bytes in
            if id & 1023 == 0, !stopped { stopped = deadline.isPast }
            guard !stopped, let first = bytes.first, first != TitleField.marker else { return }
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
