import CouncilDocuments
import Foundation
import Hummingbird
import Logging
import SearchIndex

/// The JSON API: the same answers as the CLI, through the same `SearchService`.
struct APIRoutes: Sendable {
    let index: IndexHandle
    let limits: ServerLimits
    let work: WorkLimiter
    let logger: Logger

    static let endpoints = [
        Endpoint(path: "api/search", methods: [.get]), Endpoint(path: "api/cases/**", methods: [.get]),
        Endpoint(path: "api/sections/**", methods: [.get]), Endpoint(path: "api/similar", methods: [.get, .post]),
        Endpoint(path: "api/timeline", methods: [.get]), Endpoint(path: "api/health", methods: [.get]),
    ]

    func add(to router: Router<BasicRequestContext>) {
        router.get("api/search") { request, _ in await answer { try await search(request) } }
        router.get("api/cases/**") { request, context in
            await answer { try await showCase(context.parameters.getCatchAll(), request) }
        }
        router.get("api/sections/**") { request, context in
            await answer { try await showSection(context.parameters.getCatchAll(), request) }
        }
        router.post("api/similar") { request, _ in await answer { try await similar(request) } }
        router.get("api/similar") { request, _ in await answer { try await similar(request) } }
        router.get("api/timeline") { request, _ in await answer { try await timeline(request) } }
        router.get("api/health") { _, _ in await answer { health() } }
    }

    /// Runs a handler, turning its failures into JSON errors; what the client may not see (an
    /// unexpected error's text can name files) goes to the log.
    func answer(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as APIError {
            return error.response
        } catch {
            logger.error("request failed: \(String(describing: error))")
            return APIError.internalError.response
        }
    }

    /// Runs CPU-bound work through the limiter with this request's deadline.
    func offload<T: Sendable>(_ work: @escaping @Sendable (Deadline) throws -> T) async throws -> T {
        try await self.work.run(deadline: Deadline(seconds: limits.seconds)) { deadline in
            try deadline.check()
            return try work(deadline)
        }
    }

    // MARK: Search

    private func search(_ request: Request) async throws -> Response {
        let parameters = try FormQuery(request)
        let (query, filter) = try wordsAndFilter(parameters)
        let limit = try integer(parameters.get("limit"), name: "limit", default: 10, range: 1...limits.limit)
        let offset = try integer(parameters.get("offset"), name: "offset", default: 0, range: 0...limits.offset)
        let cases = try flag(parameters.get("cases"), name: "cases")
        let order = try SearchOrder(parameters.get("sort"))
        let facets = try flag(parameters.get("facets"), name: "facets")
        let service = try self.service(parameters)
        return try await offload { deadline in
            var texts = service.texts()
            do {
                let started = DispatchTime.now()
                let planned = try service.search.plan(query, filter: filter, texts: &texts, deadline: deadline)
                let counts = facets ? try service.search.facets(of: planned, perCase: cases, deadline: deadline) : nil
                if cases {
                    let response = try service.search.searchCases(planned, order: order.cases, limit: limit, offset: offset,
                                                                  texts: &texts, deadline: deadline, started: started)
                    return JSONBody.response(Paged(value: response, offset: offset, limit: limit, facets: counts))
                }
                var response = try service.search.search(planned, order: order.hits, limit: limit, offset: offset,
                                                         texts: &texts, deadline: deadline, started: started)
                // The facets counted every match: the total is exact again.
                if let counts, response.totalIsLowerBound {
                    response.total = counts.matching
                    response.totalIsLowerBound = false
                }
                return JSONBody.response(Paged(value: response, offset: offset, limit: limit, facets: counts))
            } catch let problem as SearchService.QueryProblem {
                throw APIError.badRequest(problem.description)
            }
        }
    }

    /// The words and filters of a search or a timeline: `q` (at most `queryLength` characters)
    /// and `kind`, `year`, `from`, `to`, `meeting`; words or at least one filter, or a 400.
    func wordsAndFilter(_ parameters: FormQuery) throws -> (query: String, filter: SearchFilter) {
        let query = parameters.get("q") ?? ""
        guard query.count <= limits.queryLength else {
            throw APIError.badRequest("q is longer than \(limits.queryLength) characters")
        }
        var filter = SearchFilter()
        for field in ["kind", "year", "from", "to", "meeting"] {
            guard let value = parameters.get(field), !value.isEmpty else { continue }
            do { try filter.add(field: field, value: value) } catch { throw APIError.badRequest(error.description) }
        }
        guard !query.allSatisfy(\.isWhitespace) || !filter.isEmpty else {
            throw APIError.badRequest("q is empty: give words to search for")
        }
        guard query.contains(where: { $0.isLetter || $0.isNumber }) || !filter.isEmpty else {
            throw APIError.badRequest("q has no words, only punctuation: give words to search for")
        }
        return (query, filter)
    }

    // MARK: Cases and sections

    private func showCase(_ parts: [Substring], _ request: Request) async throws -> Response {
        guard let id = CaseID(Self.decoded(parts)) else { throw APIError.badRequest("that is not a case id like 8/1/2025") }
        let query = try shownQuery(FormQuery(request))
        return try await show(.caseID(id)) { service, found, _, deadline in
            var found = found
            if let query { try service.markMatches(of: query, in: &found, deadline: deadline) }
            return JSONBody.response(found)
        }
    }

    /// One section; with `context=N` (0–5) also the N sections before and after it in its file.
    private func showSection(_ parts: [Substring], _ request: Request) async throws -> Response {
        guard let selector = try? SectionSelector(Self.decoded(parts)), case .section = selector else {
            throw APIError.badRequest("that is not a section id like FILE:FIRST-LAST")
        }
        let parameters = try FormQuery(request)
        let query = try shownQuery(parameters)
        let context = try parameters.get("context").map { try integer($0, name: "context", default: 0, range: 0...5) }
        return try await show(selector) { service, found, texts, deadline in
            guard let context else {
                var sections = found.sections
                if let query { try service.markMatches(of: query, in: &sections, deadline: deadline) }
                return JSONBody.response(sections[0])
            }
            var shown = try service.context(of: found.sections[0], count: context, texts: &texts)
            if let query { try service.markMatches(of: query, in: &shown, deadline: deadline) }
            return JSONBody.response(shown)
        }
    }

    /// `q` beside a case or section: the words to mark in its text, at most `queryLength` characters.
    private func shownQuery(_ parameters: FormQuery) throws -> String? {
        guard let query = parameters.get("q"), !query.allSatisfy(\.isWhitespace) else { return nil }
        guard query.count <= limits.queryLength else {
            throw APIError.badRequest("q is longer than \(limits.queryLength) characters")
        }
        return query
    }

    /// A catch-all path's components, joined and percent-decoded: `8%2F1%2F2025` is `8/1/2025`.
    static func decoded(_ parts: [Substring]) -> String {
        parts.joined(separator: "/").removingPercentEncoding ?? ""
    }

    typealias ShowRender = @Sendable (SearchService, ShowResponse, inout SectionTextSource, Deadline) throws -> Response

    private func show(_ selector: SectionSelector, _ render: @escaping ShowRender) async throws -> Response {
        let served = index.current()
        return try await offload { deadline in
            var texts = served.textSource()
            let found: ShowResponse?
            do { found = try served.service.show(selector, texts: &texts) } catch {
                // The corpus file was deleted or changed after indexing: its text cannot be cut.
                guard case IndexError.io(let why)? = error as? IndexError else { throw error }
                throw APIError(status: .conflict, message: why)
            }
            guard let found else {
                if case .caseID(let id) = selector { throw APIError.notFound("no case \(id) in the index") }
                throw APIError.notFound("no such section in the index; section ids are as /api/search gives them")
            }
            do { return try render(served.service, found, &texts, deadline) } catch IndexError.io(let why) {
                throw APIError(status: .conflict, message: why)
            }
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
        guard !TextDecoding.looksBinary(draft) else {
            throw APIError.badRequest("the draft is not text (it looks like binary data): send a paragraph to compare")
        }
        let served = index.current()
        let text = draft
        return try await offload { deadline in
            var texts = served.textSource()
            let similar = SimilarPassages(reader: served.reader)
            return JSONBody.response(try similar.similar(to: text, limit: limit, texts: &texts, deadline: deadline))
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

    func flag(_ text: String?, name: String) throws -> Bool {
        switch text?.trimmingCharacters(in: .whitespaces).lowercased() {
        case nil, "", "false", "0": return false
        case "true", "1": return true
        default: throw APIError.badRequest("\(name) must be true or false")
        }
    }
}
