import Foundation

extension CLIRunner {
    /// util-linux `script`, which runs a command on a pseudo-terminal of its own (Swift's Glibc
    /// module does not offer posix_openpt).
    static let script = "/usr/bin/script"
    static var hasTerminal: Bool { FileManager.default.isExecutableFile(atPath: script) }

    /// Runs `radsok` with stdout and stderr on a pseudo-terminal, as in a person's shell, and
    /// returns what the terminal received (both streams, in order) in `stdout`.
    /// - Parameter environment: added to (or, with nil values, removed from) the test's own.
    static func runOnTerminal(_ arguments: [String], environment: [String: String?] = [:]) throws -> Result {
        var variables = ProcessInfo.processInfo.environment
        variables["NO_COLOR"] = nil
        for (key, value) in environment { variables[key] = value }
        let command = ([executable.path] + arguments)
            .map { "'" + $0.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = ["--quiet", "--return", "--command", command.joined(separator: " "), "/dev/null"]
        process.environment = variables
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let received = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: received, as: UTF8.self), stderr: "")
    }
}
