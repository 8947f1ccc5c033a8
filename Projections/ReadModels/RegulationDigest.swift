import GRDB

/// A regulation's review, article by article: the current version's text, and every comment and
/// proposal on each article with its author, endorsements, withdrawal and answer.
public struct RegulationDigest: Codable, Hashable, Sendable {
    public let regulationId: String
    public let title: String
    public let version: Int
    public let articles: [Article]

    public struct Article: Codable, Hashable, Sendable {
        public let number: Int
        public let text: String
        public let contributions: [Contribution]
    }

    public struct Contribution: Codable, Hashable, Sendable {
        public let id: String
        /// `comment` or `amendment`.
        public let kind: String
        public let author: String
        public let text: String
        public let rationale: String?
        public let withdrawn: Bool
        public let endorsements: Int
        /// `adopted`, `partly_adopted` or `rejected`, once answered.
        public let verdict: String?
        public let reason: String?
        /// The version that carries it, when adopted.
        public let carriedIn: Int?
    }

    /// The digest of `regulation`; nil when there is no such regulation.
    public static func read(_ regulation: String, in model: ReadModel) throws(ProjectionError) -> RegulationDigest? {
        try model.read { db in
            let articles = try Row.fetchAll(db, sql: "SELECT number, text, title, version FROM digest_articles WHERE regulation_id = ? ORDER BY number", arguments: [regulation])
            guard let first = articles.first else { return nil }
            let contributions = try Row.fetchAll(db, sql: """
                SELECT article, contribution_id, kind, author, text, rationale, withdrawn, endorsements, verdict, reason, carried_in
                FROM digest_contributions WHERE regulation_id = ? ORDER BY article, position
                """, arguments: [regulation])
            return RegulationDigest(regulationId: regulation, title: first[2], version: first[3], articles: articles.map { article in
                let number: Int = article[0]
                return Article(number: number, text: article[1], contributions: contributions.filter { $0[0] as Int == number }.map {
                    Contribution(id: $0[1], kind: $0[2], author: $0[3], text: $0[4], rationale: $0[5], withdrawn: $0[6], endorsements: $0[7], verdict: $0[8], reason: $0[9], carriedIn: $0[10])
                })
            })
        }
    }
}
