import CouncilDocuments
import Foundation

/// Decides, before anything is read, that an update would write the index it replaces again:
/// the same files with the same sizes and times (`IndexStore.isFresh`), made by the same rules, from
/// the same word list and PDF programs, and the index file whole. A build is a function of
/// exactly these, so `radsok index` run twice leaves the second run nothing to do; without this
/// it would merge and write every file's postings again (33 s for 1 GB) to make the same bytes.
enum UpToDateIndex {
    /// The report of a build that has nothing to do, or nil when the index must be built.
    static func report(folder: String, corpus: String, previous: IndexMetadata,
                       builder: IndexBuilder, started: Date) -> BuildReport? {
        guard previous.analysisFingerprint == builder.fingerprint,
              previous.outsideInputs == builder.outsideInputs,
              let files = try? IndexStore.scan(corpus), IndexStore.isFresh(previous, corpus: corpus, files: files, timesToo: true),
              let indexBytes = intactSize(folder: folder) else { return nil }
        var report = BuildReport(files: previous.files.count, sections: previous.sectionCount,
                                 terms: previous.termCount, corpusBytes: previous.corpusBytes, indexBytes: indexBytes,
                                 seconds: Date().timeIntervalSince(started), skipped: [], notes: [])
        report.changes = BuildReport.Changes(from: previous, to: previous.files, reused: 0)
        report.upToDate = true
        if !previous.skipped.isEmpty {
            // Their reasons were told by the build that left them out; the files are as they were.
            report.notes.append(Plural.count(previous.skipped.count, "file") + " left out, as by the last build")
        }
        return report
    }

    /// The index file's size when every block of it reads back whole; nil when any does not, so
    /// that running `radsok index` is always a way to mend a damaged index.
    private static func intactSize(folder: String) -> Int? {
        guard let reader = try? IndexReader.open(folder: folder), (try? reader.loadAll()) != nil else { return nil }
        let path = (folder as NSString).appendingPathComponent(IndexFormat.fileName)
        return (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    }
}
