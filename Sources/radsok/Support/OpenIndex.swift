import SearchIndex

extension LocationOptions {
    /// The index of the corpus, built or refreshed first when needed, with a note on stderr
    /// saying which corpus when it is not the current folder's, why it is rebuilt, and a progress
    /// bar on a terminal.
    /// - Parameters:
    ///   - whole: read the whole index now (`IndexStore.openFresh`), as `serve` does.
    ///   - forcing: rebuild for this reason, fresh or not.
    func openIndex(whole: Bool = false, forcing: IndexStore.RebuildReason? = nil) throws -> IndexReader {
        // Said once per command: a forced rebuild follows an opening that said it.
        if forcing == nil { noteWhere() }
        do {
            let (reader, report) = try IndexStore.openFresh(
                index: indexPath, corpus: corpusPath, whole: whole, forcing: forcing, progress: Terminal.progressLine(),
                rebuilding: { reason in Terminal.note("building the index (\(reason))") },
                waiting: Terminal.note)
            if let report {
                Terminal.endProgressLine()
                report.warnings.forEach(Terminal.note)
            }
            return reader
        } catch {
            Terminal.endProgressLine()
            throw CommandFailure.failure(error.description)
        }
    }

    /// What `answer` makes of the index; when it finds damage that opening could not see (a
    /// postings page that fails its checksum), the index is rebuilt, as opening rebuilds a
    /// damaged one, and asked again. Nothing is printed from the damaged index: every search
    /// checks for damage before it answers.
    func withIndex<R>(_ answer: (IndexReader) throws -> R) throws -> R {
        let reader = try openIndex()
        do {
            return try answer(reader)
        } catch IndexError.corrupt(let why) {
            // Read whole, so the new index cannot meet late damage of its own.
            return try answer(try openIndex(whole: true, forcing: .unusable("the index is damaged (\(why))")))
        }
    }
}
