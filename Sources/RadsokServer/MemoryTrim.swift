import SearchIndex

/// Gives memory freed after a burst back to the system while the server is quiet.
///
/// glibc keeps freed memory in its arenas (one per thread that allocated, and every request's
/// work has a thread of its own) rather than returning it, so after a load the server's RSS stayed
/// at its peak (48 → 312 MB, never back). `malloc_trim` returns the free pages at the cost of a
/// few milliseconds (`FreedMemory`, which index builds call between phases), so it runs only every
/// `seconds` and only when no request is at work.
enum MemoryTrim {
    static func run(every seconds: Double, whenIdle isIdle: @escaping @Sendable () -> Bool) async {
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
            if isIdle() { trim() }
        }
    }

    static func trim() { FreedMemory.giveBack() }
}
