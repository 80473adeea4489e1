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

    @Test("memory a request's thread allocated and freed goes back to the system when trimmed")
    func trimGivesBack() async throws {
        let kept = Mutex<[UInt]>([])
        // 200 MB in small blocks, freed, as a burst of requests on their own threads leaves it.
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread {
                var blocks: [UnsafeMutableRawPointer] = []
                for _ in 0..<50_000 {
                    let block = malloc(4_000)!
                    memset(block, 1, 4_000)
                    blocks.append(block)
                }
                // All freed but one in fifty, which pin the holes between them, as long-lived
                // allocations (connections, caches) do in a server.
                for (number, block) in blocks.enumerated() where number % 50 != 49 { free(block) }
                kept.withLock { $0 = blocks.enumerated().filter { $0.offset % 50 == 49 }.map { UInt(bitPattern: $0.element) } }
                done.resume()
            }.start()
        }
        let before = Self.residentMB()
        MemoryTrim.trim()
        let after = Self.residentMB()
        for address in kept.withLock({ $0 }) { free(UnsafeMutableRawPointer(bitPattern: address)) }
        #expect(before - after > 100, "RSS \(before) → \(after) MB")
    }
}
