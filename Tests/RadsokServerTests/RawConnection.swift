import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare TCP connection to a server on the loopback, for what an HTTP client library hides:
/// malformed and HTTP/1.0 requests, pipelining, slow clients, and whether the server closes.
final class RawConnection: Sendable {
    private let socket: Int32

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard socket >= 0, connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    }

    deinit { close(socket) }

    /// Sends `text`; false when the server has closed the connection.
    @discardableResult
    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    /// What the server sends within `seconds`, and whether it closed the connection by then.
    ///
    /// Waits on a thread of its own: blocking one of Swift's few cooperative threads would starve
    /// the server under test, which answers on them.
    func read(for seconds: Double,
              until done: @escaping @Sendable (String) -> Bool = { _ in false }) async -> (text: String, closed: Bool) {
        await withCheckedContinuation { continuation in
            Thread { [self] in continuation.resume(returning: blockingRead(for: seconds, until: done)) }.start()
        }
    }

    private func blockingRead(for seconds: Double, until done: (String) -> Bool) -> (text: String, closed: Bool) {
        var received: [UInt8] = []
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            var poller = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let left = Int32(max(1, end.timeIntervalSinceNow * 1000))
            guard poll(&poller, 1, left) > 0 else { break }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = recv(socket, &chunk, chunk.count, 0)
            if count <= 0 { return (String(decoding: received, as: UTF8.self), true) }
            received += chunk[..<count]
            if done(String(decoding: received, as: UTF8.self)) { break }
        }
        return (String(decoding: received, as: UTF8.self), false)
    }

    /// Reads until `count` whole responses (with Content-Length bodies) have come, or `seconds`.
    func responses(_ count: Int, within seconds: Double = 30) async -> [RawResponse] {
        let text = await read(for: seconds) { RawResponse.parse($0).count >= count }.text
        return RawResponse.parse(text)
    }
}

/// One HTTP response as it came over the wire.
struct RawResponse {
    let statusLine: String
    let headers: [String: String]
    let body: String

    var status: Int { Int(statusLine.split(separator: " ")[1]) ?? 0 }

    /// Whole responses in `text`, in order.
    static func parse(_ text: String) -> [RawResponse] {
        var responses: [RawResponse] = []
        var rest = Substring(text)
        while let split = rest.range(of: "\r\n\r\n") {
            let lines = rest[..<split.lowerBound].components(separatedBy: "\r\n")
            var headers: [String: String] = [:]
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            let length = Int(headers["content-length"] ?? "0") ?? 0
            let body = rest[split.upperBound...].utf8.prefix(length)
            guard body.count == length else { break }
            responses.append(RawResponse(statusLine: lines[0], headers: headers, body: String(decoding: body, as: UTF8.self)))
            rest = Substring(String(decoding: rest[split.upperBound...].utf8.dropFirst(length), as: UTF8.self))
        }
        return responses
    }

    var json: [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
    }
}
