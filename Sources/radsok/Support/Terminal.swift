import Foundation

/// Where output goes and how it looks: colour and progress only when a person is watching.
enum Terminal {
    static let stdoutIsTTY = isatty(STDOUT_FILENO) == 1
    static let stderrIsTTY = isatty(STDERR_FILENO) == 1

    static func bold(_ s: String) -> String { stdoutIsTTY ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    static func dim(_ s: String) -> String { stdoutIsTTY ? "\u{1B}[2m\(s)\u{1B}[0m" : s }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("radsok: \(message)\n".utf8))
    }

    static func fail(_ message: String, code: Int32) -> Never {
        note(message)
        exit(code)
    }

    /// A progress reporter that rewrites one stderr line on a terminal and says nothing otherwise.
    static func progressLine() -> (@Sendable (String) -> Void)? {
        guard stderrIsTTY else { return nil }
        return { message in
            FileHandle.standardError.write(Data("\r\u{1B}[Kradsok: indexing… \(message)".utf8))
        }
    }

    static func endProgressLine() {
        if stderrIsTTY { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
