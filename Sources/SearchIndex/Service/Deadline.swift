import Dispatch

/// The moment a request's work must stop, checked by every step whose cost grows with the data a
/// request touches (ranking, phrase matching, fuzzy expansion, snippets, `similar`).
///
/// A server cannot cancel a computation from outside; it can only stop waiting for it. So the work
/// itself looks at the clock in its loops and gives up with `DeadlineExceeded`: a request past its
/// limit then frees its thread instead of delaying every request queued behind it. Reading the
/// clock costs ~20 ns, so loops check every few hundred steps (`check(every:)`).
public struct Deadline: Sendable, Equatable {
    /// Uptime in nanoseconds after which work stops; `UInt64.max` for no limit.
    public let uptimeNanoseconds: UInt64

    /// No limit: the CLI, tests and the evaluation run to completion.
    public static let never = Deadline(uptimeNanoseconds: .max)

    public init(uptimeNanoseconds: UInt64) {
        self.uptimeNanoseconds = uptimeNanoseconds
    }

    /// `seconds` from now.
    public init(seconds: Double) {
        let now = DispatchTime.now().uptimeNanoseconds
        let span = seconds <= 0 ? 0 : min(Double(UInt64.max - now), seconds * 1e9)
        self.init(uptimeNanoseconds: now + UInt64(span))
    }

    public var isPast: Bool {
        uptimeNanoseconds != .max && DispatchTime.now().uptimeNanoseconds >= uptimeNanoseconds
    }

    /// Throws when the deadline has passed.
    public func check() throws(DeadlineExceeded) {
        if isPast { throw DeadlineExceeded() }
    }

    /// Throws when the deadline has passed, looking at the clock only on every `interval`-th step
    /// (a power of two) so that hot loops pay almost nothing.
    @inline(__always)
    public func check(step: Int, every interval: Int = 256) throws(DeadlineExceeded) {
        if step & (interval - 1) == 0, uptimeNanoseconds != .max { try check() }
    }
}

/// A request ran past its `Deadline` and stopped its own work.
public struct DeadlineExceeded: Error, Sendable, CustomStringConvertible {
    public init() {}
    public var description: String { "the request took longer than its time limit" }
}
