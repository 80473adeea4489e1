import Foundation

/// Async forms of the runner for Swift Testing's async tests. Waiting for a process blocks a
/// thread; done on a thread of the test pool (as sync tests do), enough such waits starve every
/// other test of the run (on two cores, suites with a time limit failed waiting for a thread).
/// These wait on a thread of their own.
extension CLIRunner {
    static func run(_ arguments: [String], in directory: URL? = nil) async throws -> Result {
        try await offPool { try run(arguments, in: directory) }
    }

    static func runOnTerminal(_ arguments: [String], environment: [String: String?] = [:]) async throws -> Result {
        try await offPool { try runOnTerminal(arguments, environment: environment) }
    }

    static func sharedIndex() async throws -> URL {
        try await offPool { try sharedIndex() }
    }

    /// `work` on a new thread, awaited without holding a thread of the cooperative pool.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Swift.Result { try work() }) }.start()
        }
    }
}
