import Synchronization

/// How far a build has come, reported after each run of files (about `IndexBuilder.chunkBytes`)
/// is analysed: enough for a progress bar with a rate and the time left, at no cost per file.
public struct BuildProgress: Sendable, Equatable, CustomStringConvertible {
    /// The pass over the files: every file is read once; OCR-damaged ones are analysed again
    /// with repair once the lexicon of the clean ones is known.
    public enum Phase: String, Sendable {
        case reading, repairing
    }

    public let phase: Phase
    /// Files and bytes of this phase done so far, and in all. Bytes are the listed file sizes.
    public let files: Int
    public let totalFiles: Int
    public let bytes: Int
    public let totalBytes: Int
    /// A scanned PDF page being OCR'd, which takes seconds a page: told per page, between the
    /// reports per run, so that a long OCR pass shows it is moving.
    public var ocr: OCRPage? = nil

    public struct OCRPage: Sendable, Equatable {
        public let file: String
        /// The n-th of the file's pages to OCR, of `pages` to OCR.
        public let page: Int
        public let pages: Int
    }

    public var description: String { "\(phase.rawValue) \(files)/\(totalFiles) " + Plural.noun(totalFiles, "file") }
}

/// Adds up the runs finished so far, from any thread, into the next report.
struct ProgressTally: Sendable {
    let phase: BuildProgress.Phase
    let totalFiles: Int
    let totalBytes: Int
    var files = 0
    var bytes = 0

    init(phase: BuildProgress.Phase, runs: [(files: Int, bytes: Int)]) {
        self.phase = phase
        totalFiles = runs.reduce(0) { $0 + $1.files }
        totalBytes = runs.reduce(0) { $0 + $1.bytes }
    }

    mutating func finished(_ run: (files: Int, bytes: Int)) -> BuildProgress {
        files += run.files
        bytes += run.bytes
        return BuildProgress(phase: phase, files: files, totalFiles: totalFiles, bytes: bytes, totalBytes: totalBytes)
    }
}

/// Passes reports on, keeping the last, so that a scanned page's OCR is told with the figures of
/// the runs finished so far (OCR happens inside a run, between its reports).
final class ProgressRelay: Sendable {
    private let report: @Sendable (BuildProgress) -> Void
    private let last: Mutex<BuildProgress>

    init(_ report: @escaping @Sendable (BuildProgress) -> Void, files: Int, bytes: Int) {
        self.report = report
        last = Mutex(BuildProgress(phase: .reading, files: 0, totalFiles: files, bytes: 0, totalBytes: bytes))
    }

    @Sendable func tell(_ progress: BuildProgress) {
        last.withLock { $0 = progress }
        report(progress)
    }

    func ocr(file: String, page: Int, pages: Int) {
        var progress = last.withLock { $0 }
        progress.ocr = .init(file: file, page: page, pages: pages)
        report(progress)
    }
}
