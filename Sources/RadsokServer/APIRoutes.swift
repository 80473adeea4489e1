import CouncilDocuments
import Foundation
import Hummingbird
import SearchIndex

/// The JSON API: the same answers as the CLI, through the same `SearchService`.
struct APIRoutes: Sendable {
    let index: IndexHandle
    let limits: ServerLimits

    func add(to router: Router<BasicRequestContext>) {
        router.get("api/search") { request, _ in await answer { try await search(request) } }
        router.get("api/cases/**") { _, context in await answer { try await showCase(context.parameters.getCatchAll()) } }
        router.get("api/sections/**") { _, context in await answer { try await showSection(context.parameters.getCatchAll()) } }
        router.post("api/similar") { request, _ in await answer { try await similar(request) } }
        router.get("api/similar") { request, _ in await answer { try await similar(request) } }
        router.get("api/health") { _, _ in await answer { health() } }
        for (path, allowed) in [("api/search", "GET"), ("api/cases/**", "GET"), ("api/sections/**", "GET"), ("api/health", "GET"), ("api/similar", "POST")] {
            for method in [HTTPRequest.Method.put, .delete, .patch] + (allowed == "GET" ? [.post] : []) {
                router.on(RouterPath(path), method: method) { _, _ in APIError.methodNotAllowed(allowed).response }
            }
        }
    }

    /// Runs a handler, turning its failures into JSON errors.
    private func answer(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as APIError {
            return error.response
        } catch {
            return APIError(status: .internalServerError, message: String(describing: error)).response
        }
    }

    // MARK: Search

    private func search(_ request: Request) async throws -> Response {
        let parameters = try FormQuery(request)
        let query = parameters.get("q") ?? ""
        guard query.count <= limits.queryLength else { throw APIError.badRequest("q is longer than \(limits.queryLength) characters") }
        let limit = try integer(parameters.get("limit"), name: "limit", default: 10, range: 1...limits.limit)
        let offset = try integer(parameters.get("offset"), name: "offset", default: 0, range: 0...limits.offset)
        var filter = SearchFilter()
        for field in ["kind", "year", "from", "to", "meeting"] {
            guard let value = parameters.get(field), !value.isEmpty else { continue }
            do { try filter.add(field: field, value: value) } catch { throw APIError.badRequest(error.description) }
        }
        let cases = try flag(parameters.get("cases"), name: "cases")
        let order = try parameters.get("sort").map { value in
            guard let order = SearchService.CaseOrder(rawValue: value) else { throw APIError.badRequest("sort must be relevance or date") }
            return order
        } ?? .relevance
        guard !query.allSatisfy(\.isWhitespace) || !filter.isEmpty else { throw APIError.badRequest("q is empty: give words to search for") }
        let served = index.current()
        let filters = filter
        return try await offload(seconds: limits.seconds) {
            var texts = served.textSource()
            let filter = filters
            do {
                if cases {
                    let response = try served.service.searchCases(query, filter: filter, order: order, limit: limit, offset: offset, texts: &texts)
                    return JSONBody.response(Paged(value: response, offset: offset, limit: limit))
                }
                let response = try served.service.search(query, filter: filter, limit: limit, offset: offset, texts: &texts)
                return JSONBody.response(Paged(value: response, offset: offset, limit: limit))
            } catch let problem as SearchService.QueryProblem {
                throw APIError.badRequest(problem.description)
            } catch let error as IndexError {
                throw APIError(status: .internalServerError, message: error.description)
            }
        }
    }

    // MARK: Cases and sections

    private func showCase(_ parts: [Substring]) async throws -> Response {
        let text = parts.joined(separator: "/")
        guard let id = CaseID(text) else { throw APIError.badRequest("'\(text)' is not a case id like 8/1/2025") }
        return try await show(.caseID(id)) { JSONBody.response($0) }
    }

    private func showSection(_ parts: [Substring]) async throws -> Response {
        let text = parts.joined(separator: "/").removingPercentEncoding ?? ""
        guard let selector = try? SectionSelector(text), case .section = selector else {
            throw APIError.badRequest("'\(text)' is not a section id like FILE:FIRST-LAST")
        }
        return try await show(selector) { JSONBody.response($0.sections[0]) }
    }

    private func show(_ selector: SectionSelector, _ render: @escaping @Sendable (ShowResponse) -> Response) async throws -> Response {
        let served = index.current()
        return try await offload(seconds: limits.seconds) {
            var texts = served.textSource()
            let found: ShowResponse?
            do { found = try served.service.show(selector, texts: &texts) } catch {
                throw APIError(status: .internalServerError, message: String(describing: error))
            }
            guard let found else { throw APIError.notFound("no case or section \(selector) in the index") }
            return render(found)
        }
    }

    // MARK: Prior wording

    private func similar(_ request: Request) async throws -> Response {
        let parameters = try FormQuery(request)
        let limit = try integer(parameters.get("limit"), name: "limit", default: 5, range: 1...limits.limit)
        var draft = parameters.get("text") ?? ""
        if request.method == .post {
            let body: ByteBuffer
            do { body = try await request.body.collect(upTo: limits.bodyBytes) } catch {
                throw APIError.tooLarge("the draft is larger than \(limits.bodyBytes / 1024) KB")
            }
            draft = Self.draft(fromBody: body, contentType: request.headers[.contentType])
        }
        guard !draft.allSatisfy(\.isWhitespace) else { throw APIError.badRequest("the draft is empty: send a paragraph to compare") }
        let served = index.current()
        let text = draft
        return try await offload(seconds: limits.seconds) {
            var texts = served.textSource()
            do {
                return JSONBody.response(try SimilarPassages(reader: served.reader).similar(to: text, limit: limit, texts: &texts))
            } catch {
                throw APIError(status: .internalServerError, message: String(describing: error))
            }
        }
    }

    /// The draft in a request body: plain text, or JSON `{"text": "..."}`.
    static func draft(fromBody body: ByteBuffer, contentType: String?) -> String {
        let bytes = Data(body.readableBytesView)
        if contentType?.contains("json") == true,
           let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any], let text = object["text"] as? String {
            return text
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Health

    private func health() -> Response {
        let reader = index.current().reader
        let metadata = reader.metadata
        return JSONBody.response(Health(
            status: "ok", indexVersion: Int(metadata.formatVersion), documents: metadata.files.count,
            sections: metadata.sectionCount, terms: metadata.termCount,
            builtAt: ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: metadata.builtAt)),
            buildSeconds: (metadata.buildSeconds * 100).rounded() / 100))
    }

    struct Health: Encodable, Sendable {
        let status: String
        let indexVersion: Int
        let documents: Int
        let sections: Int
        let terms: Int
        let builtAt: String
        let buildSeconds: Double
    }

    // MARK: Parameters

    private func integer(_ raw: String?, name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = raw?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw APIError.badRequest("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    private func flag(_ text: String?, name: String) throws -> Bool {
        switch text?.trimmingCharacters(in: .whitespaces).lowercased() {
        case nil, "", "false", "0": return false
        case "true", "1": return true
        default: throw APIError.badRequest("\(name) must be true or false")
        }
    }
}
