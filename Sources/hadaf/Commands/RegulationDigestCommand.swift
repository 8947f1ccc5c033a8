import ArgumentParser
import EventStore
import Foundation
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

    func run() throws {
        let store = try database.openStore()
        let model = try readModel.caughtUpModel(for: store)
        let digest = try CommandFailure.reporting { () throws(ProjectionError) in try RegulationDigest.read(regulation, in: model) }
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
