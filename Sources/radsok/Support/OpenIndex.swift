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
}
