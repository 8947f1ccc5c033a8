import ArgumentParser
import EventStore
import Foundation
import GRDB
import HadafProjections

/// `hadaf regulation-digest`: a regulation's review, article by article.
struct RegulationDigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regulation-digest",
        abstract: "Print a regulation's review digest: per article, its comments, proposals, endorsements and answers.",
        discussion: "Brings the read models up to date first.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var readModel: ReadModelOptions

    @Argument(help: ArgumentHelp("The regulation's id.", valueName: "regulation"))
    var regulation: String

    @Flag(help: "Print the digest as JSON.")
    var json = false

    struct Article: Encodable {
        let number: Int
        let text: String
        let contributions: [Contribution]
    }

    struct Contribution: Encodable {
        let id: String
        let kind: String
        let author: String
        let text: String
        let rationale: String?
        let withdrawn: Bool
        let endorsements: Int
        let verdict: String?
        let reason: String?
        let carriedIn: Int?
    }

    func run() throws {
        let store = try database.openStore()
        let model = try readModel.caughtUpModel(for: store)
        let digest = try CommandFailure.reporting { () throws(ProjectionError) in
            try model.read { db -> (title: String, version: Int, articles: [Article])? in
                let articles = try Row.fetchAll(db, sql: "SELECT number, text, title, version FROM digest_articles WHERE regulation_id = ? ORDER BY number", arguments: [regulation])
                guard let first = articles.first else { return nil }
                let contributions = try Row.fetchAll(db, sql: """
                    SELECT article, contribution_id, kind, author, text, rationale, withdrawn, endorsements, verdict, reason, carried_in
                    FROM digest_contributions WHERE regulation_id = ? ORDER BY article, position
                    """, arguments: [regulation])
                return (first[2], first[3], articles.map { article in
                    let number: Int = article[0]
                    return Article(number: number, text: article[1], contributions: contributions.filter { $0[0] as Int == number }.map {
                        Contribution(id: $0[1], kind: $0[2], author: $0[3], text: $0[4], rationale: $0[5], withdrawn: $0[6], endorsements: $0[7], verdict: $0[8], reason: $0[9], carriedIn: $0[10])
                    })
                })
            }
        }
        guard let digest else {
            StandardError.write("hadaf: There is no regulation '\(regulation)'. [regulation.not_found]\n")
            throw ExitCode(CommandFailure.Status.malformedInput.rawValue)
        }
        if json {
            try JSONOutput.print(digest.articles)
            return
        }
        print("\(digest.title), version \(digest.version)")
        for article in digest.articles {
            print("article \(article.number): \(article.text)")
            for contribution in article.contributions {
                var line = "    \(contribution.kind) \(contribution.id) by \(contribution.author): \(contribution.text)"
                if contribution.withdrawn { line += " [withdrawn]" }
                if contribution.endorsements > 0 { line += " [\(contribution.endorsements) endorsement(s)]" }
                if let verdict = contribution.verdict { line += " [\(verdict): \(contribution.reason ?? "")]" }
                if let carried = contribution.carriedIn { line += " [carried in version \(carried)]" }
                print(line)
            }
        }
    }
}
