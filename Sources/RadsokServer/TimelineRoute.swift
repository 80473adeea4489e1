import Hummingbird
import SearchIndex

extension APIRoutes {
    /// `GET /api/timeline`: `radsok timeline QUERY --json`, the matching cases by year and meeting.
    ///
    /// The words and filters are read as for `/api/search`, and the work goes through the same
    /// limiter and deadline: a timeline ranks up to `SearchService.timelineDepth` sections, more than
    /// any search page, so it must not hold a worker past the time limit either.
    func timeline(_ request: Request) async throws -> Response {
        let parameters = try FormQuery(request)
        let (query, filter) = try wordsAndFilter(parameters)
        let newestFirst = try flag(parameters.get("newestFirst"), name: "newestFirst")
        let service = try self.service(parameters)
        return try await offload { deadline in
            var texts = service.texts()
            do {
                let response = try service.search.timeline(query, filter: filter, newestFirst: newestFirst,
                                                           texts: &texts, deadline: deadline)
                return JSONBody.response(response)
            } catch let problem as SearchService.QueryProblem {
                throw APIError.badRequest(problem.description)
            }
        }
    }
}
