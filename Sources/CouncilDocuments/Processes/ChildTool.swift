import Foundation

/// Runs an outside program (poppler, Tesseract) as a `ChildProcess` with a time and a memory limit.
///
/// A malformed or hostile PDF can hang a parser or make it eat all memory; in a child process that
/// costs one file, not the build or the server. The limit on address space is set by the shell
/// that `exec`s the tool (`ulimit -v`), so it holds from the tool's first allocation; the time limit
/// kills the child's process group.
public struct ChildTool: Sendable {
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case timedOut(seconds: Double)
        case killed(signal: Int32)
        case failed(status: Int32, message: String)
        case cannotStart(String)

        public var description: String {
            switch self {
            case .timedOut(let seconds): "took longer than \(Int(seconds)) s"
            case .killed(let signal) where signal == SIGKILL || signal == SIGSEGV || signal == SIGABRT:
                "crashed or ran out of memory (signal \(signal))"
            case .killed(let signal): "stopped by signal \(signal)"
            case .failed(let status, let message): message.isEmpty ? "exit status \(status)" : message
            case .cannotStart(let reason): "cannot start: \(reason)"
            }
        }
    }

    public let executable: String
    public var seconds: Double
    public var memoryBytes: Int
    /// Extra environment for the child (`OMP_THREAD_LIMIT=1`: Tesseract would otherwise take every
    /// core while the build's own threads use them).
    public var environment: [String: String] = [:]

    public init(executable: String, seconds: Double, memoryBytes: Int) {
        self.executable = executable
        self.seconds = seconds
        self.memoryBytes = memoryBytes
    }

    /// Runs the tool with `arguments`; returns its standard output (a tool writing more than
    /// `outputLimit` bytes is stopped as failed).
    public func run(_ arguments: [String], outputLimit: Int = 256 << 20) throws(Failure) -> [UInt8] {
        // $1 is the limit in KiB, the rest is the command: no argument is ever parsed by the shell.
        let shell = ["-c", "ulimit -v \"$1\" 2>/dev/null; shift; exec \"$@\"", "sh", String(max(1, memoryBytes / 1024)),
                     executable] + arguments
        let result: ChildProcess.Result
        do {
            result = try ChildProcess.run(shell, executable: "/bin/sh", timeout: seconds, environment: environment,
                                          outputLimit: outputLimit)
        } catch {
            throw .cannotStart(error.description)
        }
        if result.timedOut { throw .timedOut(seconds: seconds) }
        if result.overflowed { throw .failed(status: 0, message: "wrote more than \(outputLimit >> 20) MB") }
        if let signal = result.signal { throw .killed(signal: signal) }
        guard result.exitStatus == 0 else {
            throw .failed(status: result.exitStatus, message: Self.lastLine(result.errorData))
        }
        return Array(result.outputData)
    }

    /// The last non-empty line a tool wrote to stderr: its reason, in a few words.
    static func lastLine(_ bytes: Data) -> String {
        let text = String(decoding: bytes.suffix(2000), as: UTF8.self)
        return text.split(whereSeparator: \.isNewline).last.map { String($0.prefix(200)) } ?? ""
    }

    /// The path of `name` on PATH, if it is there and executable.
    public static func locate(_ name: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        for folder in (path ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
