import Foundation

/// Runs an outside program (poppler, Tesseract) in a child process with a time and a memory limit.
///
/// A malformed or hostile PDF can hang a parser or make it eat all memory; in a child process that
/// costs one file, not the build or the server. The limit on address space is set by the shell
/// that `exec`s the tool (`ulimit -v`), so it holds from the tool's first allocation; the time limit
/// is the caller's wall clock, enforced with SIGTERM and then SIGKILL.
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

    /// Runs the tool with `arguments`; returns its standard output (at most `outputLimit` bytes are
    /// kept: a tool writing more is stopped as failed).
    public func run(_ arguments: [String], outputLimit: Int = 256 << 20) throws(Failure) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // $1 is the limit in KiB, the rest is the command: no argument is ever parsed by the shell.
        process.arguments = ["-c", "ulimit -v \"$1\" 2>/dev/null; shift; exec \"$@\"", "sh",
                             String(max(1, memoryBytes / 1024)), executable] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment.merge(self.environment) { $1 }
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do {
            try process.run()
        } catch {
            throw .cannotStart(error.localizedDescription)
        }
        // Both pipes are drained while the child runs: a child blocked on a full pipe never ends.
        let collected = PipeCollector(output: output, errors: errors, limit: outputLimit)
        if done.wait(timeout: .now() + seconds) == .timedOut {
            process.terminate()
            if done.wait(timeout: .now() + 1) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                done.wait()
            }
            collected.finish()
            throw .timedOut(seconds: seconds)
        }
        let (bytes, message, overflowed) = collected.finish()
        if process.terminationReason == .uncaughtSignal { throw .killed(signal: process.terminationStatus) }
        guard process.terminationStatus == 0 else {
            throw .failed(status: process.terminationStatus, message: Self.lastLine(message))
        }
        if overflowed { throw .failed(status: 0, message: "wrote more than \(outputLimit >> 20) MB") }
        return bytes
    }

    /// The last non-empty line a tool wrote to stderr: its reason, in a few words.
    static func lastLine(_ bytes: [UInt8]) -> String {
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

/// Reads a child's stdout and stderr on threads of their own until both close.
///
/// Safe to share across the threads: every field is written by its reader thread before the
/// group leaves, and read by `finish` only after waiting on the group.
private final class PipeCollector: @unchecked Sendable {
    private var output: [UInt8] = []
    private var errors: [UInt8] = []
    private var overflowed = false
    private let group = DispatchGroup()

    init(output: Pipe, errors: Pipe, limit: Int) {
        group.enter()
        Thread.detachNewThread { [self] in
            let handle = output.fileHandleForReading
            while let chunk = try? handle.read(upToCount: 1 << 16), !chunk.isEmpty {
                if self.output.count + chunk.count <= limit { self.output += chunk } else { self.overflowed = true }
            }
            group.leave()
        }
        group.enter()
        Thread.detachNewThread { [self] in
            let handle = errors.fileHandleForReading
            while let chunk = try? handle.read(upToCount: 1 << 16), !chunk.isEmpty {
                self.errors = Array((self.errors + chunk).suffix(4096))
            }
            group.leave()
        }
    }

    @discardableResult
    func finish() -> (output: [UInt8], errors: [UInt8], overflowed: Bool) {
        group.wait()
        return (output, errors, overflowed)
    }
}
