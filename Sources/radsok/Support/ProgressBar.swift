import Foundation
import SearchIndex

/// The text of the progress bar `radsok index` redraws on a terminal: files and megabytes done,
/// the rate, and the time left at that rate. Each phase of a build (reading, repairing) runs over
/// its own files, so each is timed on its own: the first from the bar's making, a later one from
/// the last report of the phase before it.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private var phase: BuildProgress.Phase = .reading
    private var phaseStarted: Date
    private var lastReport: Date
    /// Columns of the bar itself.
    static let width = 20

    init(now: Date = Date()) {
        phaseStarted = now
        lastReport = now
    }

    func line(_ progress: BuildProgress, now: Date = Date()) -> String {
        lock.withLock {
            if progress.phase != phase {
                phase = progress.phase
                phaseStarted = lastReport
            }
            lastReport = now
            return Self.line(progress, seconds: now.timeIntervalSince(phaseStarted))
        }
    }

    static func line(_ progress: BuildProgress, seconds: Double) -> String {
        let share = progress.totalBytes > 0 ? Double(progress.bytes) / Double(progress.totalBytes) : 1
        let filled = min(width, Int((share * Double(width)).rounded()))
        var parts = ["\(progress.phase.rawValue) [" + String(repeating: "=", count: filled)
                     + String(repeating: " ", count: width - filled) + "]",
                     "\(progress.files)/\(progress.totalFiles) " + Plural.noun(progress.totalFiles, "file"),
                     String(format: "%.1f/%.1f MB", Double(progress.bytes) / 1e6, Double(progress.totalBytes) / 1e6)]
        if seconds > 0.05, progress.bytes > 0 {
            let rate = Double(progress.bytes) / seconds
            parts.append(String(format: "%.1f MB/s", rate / 1e6))
            let left = Double(progress.totalBytes - progress.bytes) / rate
            parts.append(String(format: "%.0f s left", left.rounded(.up)))
        }
        if let ocr = progress.ocr { parts.append("OCR \(ocr.file) page \(ocr.page)/\(ocr.pages)") }
        return parts.joined(separator: " · ")
    }
}
