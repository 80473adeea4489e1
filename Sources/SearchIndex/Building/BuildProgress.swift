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
