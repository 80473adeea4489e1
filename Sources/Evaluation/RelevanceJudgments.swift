import Foundation

/// A relevance set in the format of `shared/eval/FORMAT.md`.
public struct RelevanceJudgments: Decodable, Sendable {
    public struct Judgment: Decodable, Sendable, Hashable {
        public let file: String
        public let lines: [Int]
        public let grade: Int
    }

    public struct JudgedQuery: Decodable, Sendable {
        public let id: String
        public let query: String
        public let scenario: String
        public let judgments: [Judgment]
    }

    public let queries: [JudgedQuery]

    public static func load(path: String) throws -> RelevanceJudgments {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try JSONDecoder().decode(RelevanceJudgments.self, from: data)
    }
}

/// One ranked hit as the metrics see it.
public struct RankedSpan: Sendable, Hashable {
    public let file: String
    public let first: Int
    public let last: Int

    public init(file: String, first: Int, last: Int) {
        self.file = file
        self.first = first
        self.last = last
    }
}
