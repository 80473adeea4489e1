import Dispatch

/// Runs CPU-bound work (ranking, snippets) on the global queue rather than on the event loop that
/// accepted the request, and stops waiting for it after `seconds`.
func offload<T: Sendable>(seconds: Double, _ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask {
            try await withCheckedThrowingContinuation { continuation in
                DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
            }
        }
        group.addTask {
            try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw APIError.timedOut }
        return value
    }
}
