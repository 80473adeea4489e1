import Foundation
import HummingbirdTesting
import RadsokServer
import Testing

/// What happens on the wire, below the routes: a real server on a loopback port and bare sockets.
@Suite("Connections: malformed requests, HTTP/1.0, pipelining, caps and timeouts")
struct ConnectionTests {
    func withConnection(limits: ServerLimits = ServerLimits(),
                        _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        try await withServer(.live, limits: limits) { client in try await body(try #require(client.port)) }
    }

    /// A live server whose test client has made one request: its connection, idle from then on,
    /// is the oldest and the first to make room at the cap.
    func withIdleFirstConnection(limits: ServerLimits, _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        try await withServer(.live, limits: limits) { client in
            #expect(try await client.execute(uri: "/api/health", method: .get).status == .ok)
            try await body(try #require(client.port))
        }
    }

    @Test("requests that cannot be routed get a JSON error with a fitting status, then the connection closes", arguments: [
        ("FOO /api/health HTTP/1.1\r\nHost: x\r\n\r\n", 501),
        ("GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 20_000))\r\n\r\n", 431),
        ("GET /api/search?q=\(String(repeating: "a", count: 9_000)) HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        ("GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n", 400),
        ("GET /api/health HTTP/1.1\r\nNot a header line\r\n\r\n", 400),
        ("POST /api/similar HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nRådet\r\n0\r\n\r\n", 400),
    ])
    func malformed(request: String, status: Int) async throws {
        try await withConnection { port in
            let connection = try RawConnection(port: port)
            connection.send(request)
            let (text, closed) = await connection.read(for: 15)
            let response = try #require(RawResponse.parse(text).first)
            #expect(response.status == status)
            #expect(response.headers["content-type"] == "application/json; charset=utf-8")
            #expect((response.json?["error"] as? String)?.isEmpty == false)
            #expect(closed)
        }
    }

    @Test("HTTP/1.0 without keep-alive is answered and closed; with keep-alive it stays open")
    func http10() async throws {
        try await withConnection { port in
            let once = try RawConnection(port: port)
            once.send("GET /api/health HTTP/1.0\r\n\r\n")
            let (text, closed) = await once.read(for: 15)
            let response = try #require(RawResponse.parse(text).first)
            #expect(response.status == 200)
            #expect(response.headers["connection"]?.lowercased() == "close")
            #expect(closed)

            let kept = try RawConnection(port: port)
            kept.send("GET /api/health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(await kept.responses(1).first?.headers["connection"]?.lowercased() == "keep-alive")
            kept.send("GET /api/health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(await kept.responses(1).first?.status == 200)
        }
    }

    @Test("pipelined requests are answered in order on one connection")
    func pipelining() async throws {
        try await withConnection { port in
            let connection = try RawConnection(port: port)
            connection.send("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\nGET /api/nothing HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /api/search?q=helsedata HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await connection.responses(3).map(\.status) == [200, 404, 200])
        }
    }

    @Test("at the cap, a new connection takes the place of the one idle longest")
    func connectionCapEvictsIdle() async throws {
        var limits = ServerLimits()
        limits.connections = 2
        try await withIdleFirstConnection(limits: limits) { port in
            let health = "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n"
            let oldest = try RawConnection(port: port)
            oldest.send(health)
            #expect(await oldest.responses(1).first?.status == 200)
            let second = try RawConnection(port: port)
            second.send(health)
            #expect(await second.responses(1).first?.status == 200)
            let newcomer = try RawConnection(port: port)
            newcomer.send(health)
            #expect(await newcomer.responses(1).first?.status == 200)
            #expect(await oldest.read(for: 2).closed)
            second.send(health)
            #expect(await second.responses(1).first?.status == 200)
        }
    }

    @Test("when every connection at the cap has a request in progress, one more is answered 503 and closed")
    func connectionCapRefuses() async throws {
        var limits = ServerLimits()
        limits.connections = 2
        try await withIdleFirstConnection(limits: limits) { port in
            var busy: [RawConnection] = []
            for _ in 0..<2 {
                // A head whose body is still coming: a request in progress.
                let connection = try RawConnection(port: port)
                connection.send("POST /api/similar HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nRådet")
                _ = await connection.read(for: 0.3)
                busy.append(connection)
            }
            let extra = try RawConnection(port: port)
            let (text, closed) = await extra.read(for: 15)
            #expect(RawResponse.parse(text).first?.status == 503)
            #expect(closed)
        }
    }

    enum Stall: String, CaseIterable { case idleAfterAnswer, bodyTooSlow }

    @Test("an idle keep-alive connection is closed after idleSeconds; a body sent too slowly after requestReadSeconds",
          arguments: Stall.allCases)
    func stalled(stall: Stall) async throws {
        var limits = ServerLimits()
        limits.idleSeconds = stall == .idleAfterAnswer ? 0.5 : 30
        limits.requestReadSeconds = 1
        try await withConnection(limits: limits) { port in
            let connection = try RawConnection(port: port)
            if stall == .idleAfterAnswer {
                connection.send("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(await connection.responses(1).first?.status == 200)
            } else {
                connection.send("POST /api/similar HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nRådet")
            }
            let started = Date()
            #expect(await connection.read(for: 25).closed)
            // Well before the 30 s idle timeout, however loaded the machine (a full parallel test run
            // on two cores has taken 12 s): the read limit closed it.
            #expect(Date().timeIntervalSince(started) < 20)
        }
    }

    @Test("a client trickling its request a byte at a time is answered 408 and closed after requestReadSeconds")
    func slowloris() async throws {
        var limits = ServerLimits()
        limits.requestReadSeconds = 1
        limits.idleSeconds = 30
        try await withConnection(limits: limits) { port in
            let connection = try RawConnection(port: port)
            let started = Date()
            var closed = false
            var text = ""
            for byte in "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: \(String(repeating: "a", count: 40))" where !closed {
                guard connection.send(String(byte)) else { break }
                let got = await connection.read(for: 0.1)
                text += got.text
                closed = got.closed
            }
            #expect(RawResponse.parse(text).first?.status == 408)
            #expect(closed)
            // Well before the 30 s idle timeout, however loaded the machine: the read limit closed it.
            #expect(Date().timeIntervalSince(started) < 20)
        }
    }
}
