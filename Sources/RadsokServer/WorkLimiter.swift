import Foundation
import SearchIndex
import Synchronization

/// Runs requests' CPU-bound work (ranking, snippets, prior wording) on threads of its own, a
/// bounded number at once, each until its `Deadline`.
///
/// Not on the event loops, which must keep accepting and answering, and not on the global queue
/// or Swift's cooperative pool, which on Linux have about one thread per core: there, two slow
/// requests on two cores held every thread and a 2 ms search waited 42 s behind them. Here each
/// job has a thread, so the system shares the cores among all running jobs and a fast job
/// finishes in a few times its own cost; at most `workers` run at once, at most `waiting` more
/// wait (each up to `waitSeconds`), and any beyond that are answered "busy" at once.
final class WorkLimiter: Sendable {
    let workers: Int
    let waiting: Int
    let waitSeconds: Double
    private let state = Mutex(State())

    private struct State {
        var running = 0
        var queue: [(id: UInt64, slot: CheckedContinuation<Void, any Error>)] = []
        var nextID: UInt64 = 0
    }

    init(workers: Int, waiting: Int, waitSeconds: Double) {
        self.workers = max(1, workers)
        self.waiting = max(0, waiting)
        self.waitSeconds = waitSeconds
    }

    convenience init(_ limits: ServerLimits) {
        self.init(workers: limits.workers, waiting: limits.waiting, waitSeconds: limits.waitSeconds)
    }

    /// Jobs running now.
    var running: Int { state.withLock { $0.running } }
    /// Requests waiting for a worker now.
    var waitingNow: Int { state.withLock { $0.queue.count } }

    /// Runs `work` on a thread of its own once a worker is free, and answers 503 when none frees
    /// in time or when `deadline` passes first. `work` is handed the deadline and is expected to
    /// stop itself by it (with `DeadlineExceeded`, answered 503 too); if it does not, the client
    /// still gets its 503 a moment after the deadline, while the job keeps its worker until it ends.
    func run<T: Sendable>(deadline: Deadline, _ work: @escaping @Sendable (Deadline) throws -> T) async throws -> T {
        try await acquire()
        let outcome = Outcome<T>()
        Thread { [self] in
            let result = Result { try work(deadline) }
            release()
            outcome.finish(result)
        }.start()
        let watchdog = Task {
            try await Task.sleep(nanoseconds: Self.nanoseconds(until: deadline) + 250_000_000)
            outcome.finish(.failure(APIError.timedOut))
        }
        defer { watchdog.cancel() }
        do {
            return try await outcome.value()
        } catch is DeadlineExceeded {
            throw APIError.timedOut
        }
    }

    // MARK: Slots

    private func acquire() async throws {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        let timer = Task { [self] in
            try await Task.sleep(nanoseconds: UInt64(waitSeconds * 1e9))
            giveUp(id)
        }
        defer { timer.cancel() }
        try await withCheckedThrowingContinuation { (slot: CheckedContinuation<Void, any Error>) in
            enum Admission { case now, queued, busy }
            let admission = state.withLock { state -> Admission in
                if state.running < workers {
                    state.running += 1
                    return .now
                }
                guard state.queue.count < waiting else { return .busy }
                state.queue.append((id, slot))
                return .queued
            }
            switch admission {
            case .now: slot.resume()
            case .queued: break
            case .busy: slot.resume(throwing: APIError.busy)
            }
        }
    }

    /// A waiting request whose time to wait ran out: answered busy, unless a slot came first.
    private func giveUp(_ id: UInt64) {
        let slot = state.withLock { state in
            state.queue.firstIndex { $0.id == id }.map { state.queue.remove(at: $0).slot }
        }
        slot?.resume(throwing: APIError.busy)
    }

    /// A job ended: its slot goes to the longest waiting request, or back to the pool.
    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            if state.queue.isEmpty {
                state.running -= 1
                return nil
            }
            return state.queue.removeFirst().slot
        }
        next?.resume()
    }

    private static func nanoseconds(until deadline: Deadline) -> UInt64 {
        let now = DispatchTime.now().uptimeNanoseconds
        guard deadline != .never else { return UInt64(Int64.max) }
        return deadline.uptimeNanoseconds > now ? deadline.uptimeNanoseconds - now : 0
    }
}

/// The result of one job, given once: by the job's thread or by the watchdog, whichever is first.
private final class Outcome<T: Sendable>: Sendable {
    private let state = Mutex<(result: Result<T, any Error>?, waiter: CheckedContinuation<T, any Error>?)>((nil, nil))

    func finish(_ result: Result<T, any Error>) {
        let waiter = state.withLock { state -> CheckedContinuation<T, any Error>? in
            guard state.result == nil else { return nil }
            state.result = result
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(with: result)
    }

    func value() async throws -> T {
        try await withCheckedThrowingContinuation { waiter in
            let ready = state.withLock { state -> Result<T, any Error>? in
                if let result = state.result { return result }
                state.waiter = waiter
                return nil
            }
            if let ready { waiter.resume(with: ready) }
        }
    }
}
