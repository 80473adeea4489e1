import Foundation
import HummingbirdTesting
import Testing

@Suite("/api/sections takes any lines of a document, as radsok show does")
struct SectionRangeRouteTests {
    static let file = "ho21-m%C3%B8te-2025-1.txt"

    @Test("an en dash, a hyphen, a single line, or lines inside a section find the section", arguments: [
        ":6%E2%80%937", ":6-7", ":6", ":7-7", ":6%E2%80%936",
    ])
    func tolerantRange(_ range: String) async throws {
        try await withServer { client in
            try await client.execute(uri: "/api/sections/" + Self.file + range, method: .get) { response in
                #expect(response.status == .ok)
                let json = try object(response)
                #expect(json["case"] as? String == "2/1/2025")
                #expect((json["text"] as? String)?.contains("helsedata") == true)
            }
        }
    }

    @Test("a backwards range or line 0 is a bad request; lines past the end are not found")
    func badRanges() async throws {
        try await withServer { client in
            for range in [":7-6", ":0", ":0-2"] {
                try await client.execute(uri: "/api/sections/" + Self.file + range, method: .get) { response in
                    #expect(response.status == .badRequest, "\(range)")
                }
            }
            try await client.execute(uri: "/api/sections/" + Self.file + ":900-901", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
