import Foundation
import SearchIndex

/// Where output goes and how it looks: colour, box characters and progress only when a person is
/// watching. Output piped to a file or another program, or asked for with `NO_COLOR`, is plain text
/// that reads the same and greps cleanly.
enum Terminal {
    static let stdoutIsTTY = isatty(STDOUT_FILENO) == 1
    static let stderrIsTTY = isatty(STDERR_FILENO) == 1

    /// Whether stdout gets escapes and box characters: a terminal, and no `NO_COLOR` (set and
    /// non-empty turns colour off, by https://no-color.org).
    static let styled = stdoutIsTTY && !noColor(ProcessInfo.processInfo.environment)

    static func noColor(_ environment: [String: String]) -> Bool {
        !(environment["NO_COLOR"] ?? "").isEmpty
    }

    static func bold(_ s: String) -> String { styled ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    static func dim(_ s: String) -> String { styled ? "\u{1B}[2m\(s)\u{1B}[0m" : s }

    /// The matched words of a snippet in bold yellow when styled, else between « and » as in JSON.
    static func snippet(_ snippet: Snippet) -> String {
        styled ? snippet.rendered(open: "\u{1B}[1;33m", close: "\u{1B}[0m") : snippet.rendered()
    }

    /// Before each line of quoted document text: a bar when styled; plain output indents instead,
    /// so that a quote copied from it is the text as written.
    static var quotePrefix: String { styled ? "│ " : "  " }

    /// Before each line of a decision or proposal shown in place within its section.
    static var marginMark: String { styled ? "▌ " : "> " }

    /// Before the heading of each section shown.
    static var sectionRule: String { styled ? "── " : "-- " }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("radsok: \(message)\n".utf8))
    }

    static func fail(_ message: String, code: Int32) -> Never {
        note(message)
        exit(code)
    }

    /// A progress reporter that redraws a bar on one stderr line on a terminal and says nothing
    /// otherwise (a log file should not fill with redrawn lines).
    static func progressLine() -> (@Sendable (BuildProgress) -> Void)? {
        guard stderrIsTTY else { return nil }
        let bar = ProgressBar()
        return { progress in
            FileHandle.standardError.write(Data("\r\u{1B}[Kradsok: \(bar.line(progress))".utf8))
        }
    }

    static func endProgressLine() {
        if stderrIsTTY { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
