/// What the OCR-damaged files of a build repaired, gathered corpus-wide as each file's analysis is
/// final, so that the build lets go of every file's own table before the merge of the postings:
/// kept per file, they grew the build's peak with the number of damaged files (51 MB at 1 GB of
/// corpus, heaptrack), while words repaired alike in many files are one entry here.
struct RepairedWords {
    /// Each word as written (analyzed without repair) → the terms it was indexed as.
    private(set) var written: [String: Set<String>] = [:]
    /// Each word repaired → its repair; a later file's decision stands.
    private(set) var spellings: [String: String] = [:]

    /// Takes in a damaged file's repairs and decisions; give the files in index order.
    mutating func add(_ analysis: FileAnalysis) {
        written.merge(analysis.repairs) { $0.union($1) }
        for case let (word, repaired?) in analysis.decisions { spellings[word] = repaired }
    }

    /// The repairs as a table of written term → repaired term ids, for marking repaired words in
    /// snippets (`IndexReader.repairs(of:)`).
    func repairTable(terms: [IndexContents.TermEntry]) -> [IndexContents.TermGroup] {
        guard !written.isEmpty else { return [] }
        var ids: [String: UInt32] = [:]
        for (id, term) in terms.enumerated() { ids[String(decoding: term.text, as: UTF8.self)] = UInt32(id) }
        return written.map { written, repaired in
            (key: Array(written.utf8), termIDs: repaired.compactMap { ids[$0] }.sorted())
        }
            .filter { !$0.termIDs.isEmpty }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
    }

    /// The words repaired as a table keyed `written NUL repaired`, sorted, for showing a damaged
    /// passage repaired (`IndexReader.spellingRepair(of:)`).
    func spellingTable() -> [IndexContents.TermGroup] {
        spellings.map { (key: Array($0.key.utf8) + [0] + Array($0.value.utf8), termIDs: [UInt32]()) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
    }
}
