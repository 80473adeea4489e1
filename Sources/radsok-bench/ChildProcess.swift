import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs this benchmark binary again for one measured step, so each engine's peak memory (from
/// `wait4`) and cold start are its own.
enum ChildProcess {
    struct Result {
        let status: Int32
        let seconds: Double
        let peakRSSMegabytes: Double
        let output: String
    }

    static var selfPath: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
    }

    static func run(_ arguments: [String]) throws -> Result {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw FTS5Engine.Failure(description: "pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        defer { posix_spawn_file_actions_destroy(&actions) }
        let path = selfPath
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now()
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { throw FTS5Engine.Failure(description: "spawn failed") }
        close(fds[1])
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fds[0], &buffer, buffer.count)
            if n <= 0 { break }
            output.append(contentsOf: buffer[0..<n])
        }
        close(fds[0])
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = Latency.milliseconds(since: start) / 1000
        return Result(status: status, seconds: seconds, peakRSSMegabytes: Double(usage.ru_maxrss) / 1024,
                      output: String(decoding: output, as: UTF8.self))
    }
}
