import Foundation
import SearchIndex
import Testing
@testable import RadsokServer

/// Suites whose expectations are about time run one test at a time, so that one's load does not
/// slow another on a two-core machine.
@Suite(.serialized) enum TimedTests {}

extension TimedTests {
    @Suite("Request work: bounded, on threads of its own, stopped at its deadline")
    struct WorkLimiterTests {
        /// Work that takes `seconds` of CPU unless its deadline stops it first.
        static func spin(_ seconds: Double, _ deadline: Deadline) throws -> Int {
            let end = Date().addingTimeInterval(seconds)
            var step = 0
            while Date() < end {
                step += 1
                try deadline.check(step: step)
            }
            return step
        }

        /// Work that holds its thread for `seconds` without using the CPU, unless its deadline stops it.
        static func hold(_ seconds: Double, _ deadline: Deadline) throws -> Int {
            let end = Date().addingTimeInterval(seconds)
            while Date() < end {
                try deadline.check()
                usleep(5_000)
            }
            return 1
        }

        static func seconds(_ work: () async throws -> Void) async -> Double {
            let started = Date()
            try? await work()
            return Date().timeIntervalSince(started)
        }

        @Test("work that checks its deadline stops there and frees its worker")
        func stopsAtDeadline() async throws {
            let limiter = WorkLimiter(workers: 1, waiting: 0, waitSeconds: 1)
            let took = await Self.seconds {
                await #expect(throws: APIError.self) {
                    try await limiter.run(deadline: Deadline(seconds: 0.2)) { try Self.hold(5, $0) }
                }
            }
            #expect(took < 1)
            try await Task.sleep(nanoseconds: 50_000_000)
            #expect(limiter.running == 0)
            #expect(try await limiter.run(deadline: Deadline(seconds: 1)) { _ in 42 } == 42)
        }

        @Test("work that ignores its deadline still gets its 503 on time, and keeps its worker until it ends")
        func watchdog() async throws {
            let limiter = WorkLimiter(workers: 2, waiting: 0, waitSeconds: 1)
            let took = await Self.seconds {
                let error = await #expect(throws: APIError.self) {
                    try await limiter.run(deadline: Deadline(seconds: 0.2)) { _ in try Self.hold(1.5, .never) }
                }
                #expect(error?.status == .serviceUnavailable)
            }
            #expect(took < 1.5)
            #expect(limiter.running == 1)
        }

        @Test("four slow requests do not hold up a fast one")
        func fastBesideSlow() async throws {
            let limiter = WorkLimiter(workers: 8, waiting: 8, waitSeconds: 1)
            let slow = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<4 {
                        group.addTask { _ = try? await limiter.run(deadline: Deadline(seconds: 1.5)) { try Self.spin(1.5, $0) } }
                    }
                    try await group.waitForAll()
                }
            }
            for _ in 0..<40 where limiter.running < 4 { try await Task.sleep(nanoseconds: 50_000_000) }
            #expect(limiter.running == 4)
            // Alone it takes 20 ms; with four others on two cores about 60 ms. (It waited for all four before.)
            let took = await Self.seconds { _ = try await limiter.run(deadline: Deadline(seconds: 3)) { try Self.spin(0.02, $0) } }
            #expect(took < 1)
            try await slow.value
        }

        @Test("past its workers and waiting places a request is busy at once; one waiting gets the next free worker")
        func busy() async throws {
            let limiter = WorkLimiter(workers: 1, waiting: 1, waitSeconds: 5)
            let first = Task { try await limiter.run(deadline: Deadline(seconds: 5)) { _ in try Self.hold(0.5, .never) } }
            for _ in 0..<40 where limiter.running < 1 { try await Task.sleep(nanoseconds: 10_000_000) }
            let second = Task { try await limiter.run(deadline: Deadline(seconds: 5)) { _ in 2 } }
            for _ in 0..<40 where limiter.waitingNow < 1 { try await Task.sleep(nanoseconds: 10_000_000) }
            let took = await Self.seconds {
                let error = await #expect(throws: APIError.self) {
                    try await limiter.run(deadline: Deadline(seconds: 5)) { _ in 3 }
                }
                #expect(error?.message.contains("busy") == true)
            }
            #expect(took < 0.4)
            _ = try await first.value
            #expect(try await second.value == 2)
        }

        @Test("a request waits at most waitSeconds for a worker")
        func waitsBounded() async throws {
            let limiter = WorkLimiter(workers: 1, waiting: 4, waitSeconds: 0.2)
            let first = Task { try await limiter.run(deadline: Deadline(seconds: 5)) { _ in try Self.hold(1, .never) } }
            for _ in 0..<40 where limiter.running < 1 { try await Task.sleep(nanoseconds: 10_000_000) }
            let took = await Self.seconds {
                await #expect(throws: APIError.self) { try await limiter.run(deadline: Deadline(seconds: 5)) { _ in 2 } }
            }
            #expect(took > 0.15 && took < 1.5)
            _ = try await first.value
        }
    }
}
