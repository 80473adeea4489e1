import SearchIndex

/// `sort`: `relevance` (the default), `newest` (also `date`, as the CLI's `--sort date` says it)
/// or `oldest`; for plain hits and for cases alike.
struct SearchOrder: Sendable {
    let hits: SearchService.HitOrder
    let cases: SearchService.CaseOrder

    init(_ text: String?) throws(APIError) {
        switch text?.trimmingCharacters(in: .whitespaces).lowercased() {
        case nil, "", "relevance": (hits, cases) = (.relevance, .relevance)
        case "date", "newest": (hits, cases) = (.newest, .date)
        case "oldest": (hits, cases) = (.oldest, .oldest)
        default: throw .badRequest("sort must be relevance, newest (or date) or oldest")
        }
    }
}

/// The service a search or timeline request is answered by, with the request's reading of the
/// query: `prefix=last` matches the last word as a prefix too (the page's as-you-type search);
/// `prefix=none`, or none given, keeps the CLI's exact semantics.
struct RequestService: Sendable {
    var search: SearchService
    let served: ServedIndex

    func texts() -> SectionTextSource { served.textSource() }
}

extension APIRoutes {
    func service(_ parameters: FormQuery) throws(APIError) -> RequestService {
        let served = index.current()
        var search = served.service
        switch parameters.get("prefix")?.trimmingCharacters(in: .whitespaces).lowercased() {
        case nil, "", "none": break
        case "last": search.planner.prefixLast = true
        default: throw .badRequest("prefix must be last or none")
        }
        return RequestService(search: search, served: served)
    }
}
