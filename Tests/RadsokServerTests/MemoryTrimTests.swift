import Foundation
import Synchronization
import Testing
@testable import RadsokServer

@Suite("Memory after a burst")
struct MemoryTrimTests {
    static func residentMB() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
    }

    /// 200 MB in small blocks on a thread of their own, freed but one in fifty, which pin the holes
    /// between them, as long-lived allocations (connections, caches) do in a server; returns the
    /// blocks kept, for the caller to free.
    static func burst() async -> [UInt] {
        let kept = Mutex<[UInt]>([])
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread {
                var blocks: [UnsafeMutableRawPointer] = []
                for _ in 0..<50_000 {
                    let block = malloc(4_000)!
                    memset(block, 1, 4_000)
                    blocks.append(block)
                }
                for (number, block) in blocks.enumerated() where number % 50 != 49 { free(block) }
                kept.withLock { $0 = blocks.enumerated().filter { $0.offset % 50 == 49 }.map { UInt(bitPattern: $0.element) } }
                done.resume()
            }.start()
        }
        return kept.withLock { $0 }
    }

    @Test("memory a request's thread allocated and freed goes back to the system when trimmed")
    func trimGivesBack() async throws {
        // Index builds in tests running beside this one trim too (`FreedMemory`): a burst they gave
        // back before it was measured shows nothing, so it is tried again, up to five times.
        var drops: [Int] = []
        for _ in 0..<5 {
            let baseline = Self.residentMB()
            let kept = await Self.burst()
            let before = Self.residentMB()
            MemoryTrim.trim()
            let after = Self.residentMB()
            for address in kept { free(UnsafeMutableRawPointer(bitPattern: address)) }
            drops.append(before - after)
            if before - baseline > 150 { break }
        }
        #expect(drops.last! > 100, "RSS drops \(drops) MB")
    }
}
