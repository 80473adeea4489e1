import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program in a process of its own and waits for it: its output, exit, time and peak
/// memory (from `wait4`). The one way this project starts programs: poppler and Tesseract for
/// PDFs (`ChildTool`), and the benchmark's engines, each measured in a process of its own.
public enum ChildProcess {
    public struct Result: Sendable {
        /// The raw wait status.
        public let status: Int32
        public let seconds: Double
        public let peakRSSMegabytes: Double
        public let outputData: Data
        public let errorData: Data
        public let timedOut: Bool
        /// Stopped for writing more than the output limit.
        public let overflowed: Bool

        public var output: String { String(decoding: outputData, as: UTF8.self) }
        public var errorOutput: String { String(decoding: errorData, as: UTF8.self) }
        /// The signal that ended the child, if one did.
        public var signal: Int32? {
            let low = status & 0x7F
            return low != 0 && low != 0x7F ? low : nil
        }
        public var exitStatus: Int32 { (status >> 8) & 0xFF }
        public var succeeded: Bool { status == 0 && !timedOut && !overflowed }

        /// Why it failed: its time limit, or the last line of its standard error.
        public var failureReason: String {
            if timedOut { return String(format: "timed out after %.1f s", seconds) }
            return errorOutput.split(separator: "\n").last.map(String.init) ?? "no message (wait status \(status))"
        }
    }

    public struct StartFailure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs `executable` (looked up in PATH unless it holds a slash) with `arguments`, and with
    /// `environment` added to this process's. A child still running after `timeout` seconds, or
    /// writing more than `outputLimit` bytes to either pipe, is killed with its process group (what
    /// it started too), and its result says so.
    public static func run(_ arguments: [String], executable: String, timeout: Double? = nil,
                           environment: [String: String] = [:], outputLimit: Int? = nil) throws(StartFailure) -> Result {
        var out: [Int32] = [0, 0]
        var err: [Int32] = [0, 0]
        guard pipe(&out) == 0, pipe(&err) == 0 else { throw StartFailure(description: "pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_adddup2(&actions, err[1], 2)
        posix_spawn_file_actions_addclose(&actions, out[0])
        posix_spawn_file_actions_addclose(&actions, err[0])
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // A child with a limit runs in a process group of its own, so that the kill reaches what
        // it started too; one without stays in ours and stops with ours on Ctrl-C.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        if timeout != nil || outputLimit != nil {
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        defer { posix_spawnattr_destroy(&attributes) }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { $1 }
        let envp: [UnsafeMutablePointer<CChar>?] = merged.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now()
        let spawned = posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
        close(out[1])
        close(err[1])
        guard spawned == 0 else {
            close(out[0])
            close(err[0])
            throw StartFailure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        let deadline = timeout.map { start.uptimeNanoseconds + UInt64($0 * 1e9) }
        var collected = PipeCollector(descriptors: [out[0], err[0]], limit: outputLimit)
        let ending = collected.readAll(until: deadline)
        if ending != .closed { kill(-pid, SIGKILL) }
        collected.closeAll()
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return Result(status: status, seconds: seconds, peakRSSMegabytes: Double(usage.ru_maxrss) / 1024,
                      outputData: collected.data[0], errorData: collected.data[1],
                      timedOut: ending == .timedOut, overflowed: ending == .overflowed)
    }
}

/// Reads a child's standard output and error together until both close, so that neither pipe
/// fills and stalls the child while the other is read.
private struct PipeCollector {
    enum Ending { case closed, timedOut, overflowed }

    let descriptors: [Int32]
    let limit: Int?
    var data: [Data]
    private var unfinished: Set<Int32>

    init(descriptors: [Int32], limit: Int?) {
        self.descriptors = descriptors
        self.limit = limit
        data = descriptors.map { _ in Data() }
        unfinished = Set(descriptors)
    }

    /// Reads until both pipes close, the deadline (uptime nanoseconds) passes, or a pipe brings
    /// more than the limit.
    mutating func readAll(until deadline: UInt64?) -> Ending {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !unfinished.isEmpty {
            var waitMilliseconds: Int32 = -1
            if let deadline {
                let now = DispatchTime.now().uptimeNanoseconds
                guard now < deadline else { return .timedOut }
                waitMilliseconds = Int32(min(Int64(Int32.max), Int64((deadline - now) / 1_000_000) + 1))
            }
            var polled = unfinished.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            guard poll(&polled, nfds_t(polled.count), waitMilliseconds) >= 0 || errno == EINTR else { return .closed }
            for entry in polled where entry.revents != 0 {
                let n = read(entry.fd, &buffer, buffer.count)
                guard n > 0, let slot = descriptors.firstIndex(of: entry.fd) else {
                    unfinished.remove(entry.fd)
                    continue
                }
                data[slot].append(contentsOf: buffer[0..<n])
                if let limit, data[slot].count > limit { return .overflowed }
            }
        }
        return .closed
    }

    func closeAll() { descriptors.forEach { close($0) } }
}
