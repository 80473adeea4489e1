import Foundation
import HummingbirdTesting
import Testing

@Suite("Paths and error messages")
struct ErrorMessageTests {
    @Test("a case id with its slashes percent-encoded is found like the plain one")
    func encodedCaseID() async throws {
        try await withServer { client in
            let plain = try await client.execute(uri: "/api/cases/2/1/2025", method: .get)
            let encoded = try await client.execute(uri: "/api/cases/2%2F1%2F2025", method: .get)
            #expect(encoded.status == .ok)
            #expect(NSDictionary(dictionary: try object(encoded)).isEqual(to: try object(plain)))
        }
    }

    /// Every kind of error the API gives, with path traversal in several encodings.
    static let failing = [
        "/api/nothing", "/etc/passwd", "/../../etc/passwd", "/api/sections/..%2F..%2Fetc%2Fpasswd:1-2",
        "/api/sections/%2Fetc%2Fpasswd:1-2", "/api/sections/..%252F..%252Fetc%252Fpasswd:1-2", "/api/sections/%2e%2e/x:1-2",
        "/api/sections/%2Ftmp:1-2", "/api/cases/..%2F..%2Fetc%2Fpasswd", "/api/cases/99/9/2099", "/api/search?q=",
        "/api/search?q=helsedata&kind=%2Fetc%2Fpasswd", "/api/search?q=%zz", "/api/search?q=x&limit=-1",
        "/api/similar?text=", "/api/sections/ho21-m%C3%B8te-2025-1.txt:900-901",
    ]

    @Test("no error names a file-system path of the server's, whatever path the request names", arguments: failing)
    func noPaths(uri: String) async throws {
        let served = try ServedCorpus()
        defer { served.remove() }
        try await served.server.makeApplication().test(.router) { client in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status.code >= 400 && response.status.code < 500)
            let message = try #require(try object(response)["error"] as? String)
            let files = FileManager.default
            let folders = [served.root.path, files.temporaryDirectory.path, files.currentDirectoryPath, NSHomeDirectory(),
                           "root:x:0:0"]
            for path in folders {
                #expect(!message.contains(path), "\(message)")
            }
        }
    }
}
