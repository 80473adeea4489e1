import SearchIndex

extension LocationOptions {
    /// The index of the corpus, built or refreshed first when needed, with a note on stderr
    /// saying which corpus when it is not the current folder's, why it is rebuilt, and a progress
    /// bar on a terminal.
    /// - Parameter whole: read the whole index now (`IndexStore.openFresh`), as `serve` does.
    func openIndex(whole: Bool = false) throws -> IndexReader {
        noteWhere()
        do {
            let (reader, report) = try IndexStore.openFresh(
                index: indexPath, corpus: corpusPath, whole: whole, progress: Terminal.progressLine(),
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
            Terminal.note("building the index (the index is damaged (\(why)))")
            do {
                let (rebuilt, report) = try IndexStore.rebuild(index: indexPath, corpus: corpusPath,
                                                               progress: Terminal.progressLine(), waiting: Terminal.note)
                Terminal.endProgressLine()
                report.warnings.forEach(Terminal.note)
                return try answer(rebuilt)
            } catch let error as IndexError {
                Terminal.endProgressLine()
                throw CommandFailure.failure(error.description)
            }
        }
    }
}
