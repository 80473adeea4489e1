import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs one measured step in a process of its own — this benchmark binary again, or a peer's
/// program such as the Tantivy script — so each engine's peak memory (from `wait4`) and cold start
/// are its own.
enum ChildProcess {
    struct Result {
        let status: Int32
        let seconds: Double
        let peakRSSMegabytes: Double
        let output: String
        let errorOutput: String
        let timedOut: Bool

        var succeeded: Bool { status == 0 && !timedOut }

        /// Why a step failed: its timeout, or the last line of its standard error.
        var failureReason: String {
            if timedOut { return String(format: "timed out after %.1f s", seconds) }
            return errorOutput.split(separator: "\n").last.map(String.init) ?? "no message (wait status \(status))"
        }
    }

    static var selfPath: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
    }

    /// Runs `executable` (looked up in PATH unless it holds a slash) with `arguments`. A child
    /// still running after `timeout` seconds is killed with its process group (a script's own
    /// children too), and its result says so.
    static func run(_ arguments: [String], executable: String = selfPath, timeout: Double? = nil) throws -> Result {
        var out: [Int32] = [0, 0]
        var err: [Int32] = [0, 0]
        guard pipe(&out) == 0, pipe(&err) == 0 else { throw FTS5Engine.Failure(description: "pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_adddup2(&actions, err[1], 2)
        posix_spawn_file_actions_addclose(&actions, out[0])
        posix_spawn_file_actions_addclose(&actions, err[0])
        defer { posix_spawn_file_actions_destroy(&actions) }
        // A step with a timeout runs in a process group of its own, so that the kill reaches what
        // it started too; one without stays in ours and stops with ours on Ctrl-C.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        if timeout != nil {
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        defer { posix_spawnattr_destroy(&attributes) }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now()
        let spawned = posix_spawnp(&pid, executable, &actions, &attributes, argv, environ)
        close(out[1])
        close(err[1])
        guard spawned == 0 else {
            close(out[0])
            close(err[0])
            throw FTS5Engine.Failure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        let deadline = timeout.map { start.uptimeNanoseconds + UInt64($0 * 1e9) }
        var collected = PipeCollector(descriptors: [out[0], err[0]])
        let finished = collected.readAll(until: deadline)
        if !finished { kill(-pid, SIGKILL) }
        collected.closeAll()
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = Latency.milliseconds(since: start) / 1000
        return Result(status: status, seconds: seconds, peakRSSMegabytes: Double(usage.ru_maxrss) / 1024,
                      output: collected.text(of: 0), errorOutput: collected.text(of: 1), timedOut: !finished)
    }
}

/// Reads a child's standard output and error together until both close, so that neither pipe
/// fills and stalls the child while the other is read.
private struct PipeCollector {
    var descriptors: [Int32]
    var data: [Data]
    private var unfinished: Set<Int32>

    init(descriptors: [Int32]) {
        self.descriptors = descriptors
        data = descriptors.map { _ in Data() }
        unfinished = Set(descriptors)
    }

    /// Returns false if the deadline (uptime nanoseconds) passed before both pipes closed.
    mutating func readAll(until deadline: UInt64?) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !unfinished.isEmpty {
            var waitMilliseconds: Int32 = -1
            if let deadline {
                let now = DispatchTime.now().uptimeNanoseconds
                guard now < deadline else { return false }
                waitMilliseconds = Int32(min(Int64(Int32.max), Int64((deadline - now) / 1_000_000) + 1))
            }
            var polled = unfinished.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            guard poll(&polled, nfds_t(polled.count), waitMilliseconds) >= 0 || errno == EINTR else { return true }
            for entry in polled where entry.revents != 0 {
                let n = read(entry.fd, &buffer, buffer.count)
                guard n > 0, let slot = descriptors.firstIndex(of: entry.fd) else {
                    unfinished.remove(entry.fd)
                    continue
                }
                data[slot].append(contentsOf: buffer[0..<n])
            }
        }
        return true
    }

    func closeAll() { descriptors.forEach { close($0) } }

    func text(of index: Int) -> String { String(decoding: data[index], as: UTF8.self) }
}
