import ArgumentParser
import EventStore
import Foundation
import HadafEvents
import HadafProjections

/// `hadaf festival`: the annual festival's standings, selection and its verification.
struct FestivalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "festival",
        abstract: "Show a festival's standings and selection, and verify an announced list.",
        discussion: "Standings, selection and verification are computed from the festival's events in the log (docs/festival.md); proposals from the catalogue read model.",
        subcommands: [Proposals.self, Standings.self, Select.self, Verify.self])

    /// Options every festival subcommand takes.
    struct Target: ParsableArguments {
        @OptionGroup var database: DatabaseOptions

        @Argument(help: ArgumentHelp("The festival's id.", valueName: "festival"))
        var festival: String

        @Flag(help: "Print as JSON.")
        var json = false

        func inputs() throws -> (store: EventStore, inputs: FestivalInputs) {
            let store = try database.openStore()
            let inputs = try CommandFailure.reporting { () throws(ProjectionError) in try FestivalInputs.read(festival, from: store) }
            return (store, inputs)
        }
    }

    struct Proposals: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the accepted submissions each category could admit, nominated ones marked, for the officer to confirm.",
            discussion: "Brings the read models up to date first.")

        @OptionGroup var target: Target
        @OptionGroup var readModel: ReadModelOptions

        func run() throws {
            let (store, inputs) = try target.inputs()
            let model = try readModel.caughtUpModel(for: store)
            let proposals = try CommandFailure.reporting { () throws(ProjectionError) in try FestivalProposal.read(for: inputs, in: model) }
            if target.json {
                try JSONOutput.print(proposals)
                return
            }
            if proposals.isEmpty { print("No accepted submission awaits confirmation.") }
            for proposal in proposals {
                print("\(proposal.categoryId): \(proposal.entryId) [\(proposal.university)] \(proposal.kind), \(proposal.points) points: \(proposal.title)" + (proposal.nominated ? " (nominated)" : ""))
            }
        }
    }

    struct Standings: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print each category's ranking with every figure behind it: each juror's percentage and normalised score.")

        @OptionGroup var target: Target

        func run() throws {
            let rankings = FestivalSelector.rank(try target.inputs().inputs)
            if target.json {
                try JSONOutput.print(rankings)
                return
            }
            for ranking in rankings {
                let category = ranking.category
                let quota = category.quotaPerUniversity.map { ", at most \($0) per university" } ?? ""
                print("\(category.id) \(category.title): \(category.winners) winners, \(category.reserves) reserves\(quota), \(category.minimumScores) scores needed")
                for standing in ranking.standings {
                    let placing = standing.placing
                    let rank = placing.rank.map { "#\($0)" } ?? "-"
                    let score = placing.score.map { "score \($0), median \(placing.median!)" } ?? "not ranked"
                    print("  \(rank) \(placing.entryId) [\(placing.university)] \(score), \(placing.scoreCount) scores: \(placing.outcome.rawValue)")
                    for juror in standing.jurorScores {
                        print("      \(juror.jurorId): \(juror.percentage)% -> \(juror.normalised)")
                    }
                }
            }
        }
    }

    struct Select: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the winners, the reserves and why every other entry missed, as an announcement would freeze them.")

        @OptionGroup var target: Target

        func run() throws {
            let selection = FestivalSelector.select(try target.inputs().inputs)
            if target.json {
                try JSONOutput.print(selection)
                return
            }
            print("rules \(selection.ruleVersion), inputs \(selection.inputsHash)")
            for category in selection.categories {
                print(category.categoryId)
                for placing in category.placings {
                    let rank = placing.rank.map { "#\($0) " } ?? ""
                    print("  \(placing.outcome.rawValue): \(rank)\(placing.entryId) [\(placing.university)]" + (placing.score.map { " \($0)" } ?? ""))
                }
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute the selection again and compare it with the announced list.",
            discussion: "Exit status 0 when the announced list is the list its events give and they are unchanged; 1 otherwise.")

        @OptionGroup var target: Target

        func run() throws {
            let store = try target.database.openStore()
            let festival = target.festival
            let verification = try CommandFailure.reporting { () throws(ProjectionError) in try FestivalVerification.verify(festival, in: store) }
            if target.json {
                try JSONOutput.print(verification)
            } else {
                print(Self.sentence(verification))
                if !verification.differingEntries.isEmpty { print("entries that differ: " + verification.differingEntries.joined(separator: ", ")) }
            }
            if verification.verdict != .confirmed { throw ExitCode(CommandFailure.Status.verificationFailed.rawValue) }
        }

        static func sentence(_ verification: FestivalVerification) -> String {
            switch verification.verdict {
            case .notAnnounced: "No winners have been announced yet."
            case .confirmed: "The announced list (position \(verification.announcedAt!)) is the list its events give, and they are unchanged."
            case .listDiffers: "The announced list (position \(verification.announcedAt!)) is not the list its own events give."
            case .inputsChanged: "The announced list was right when announced (position \(verification.announcedAt!)), but entries or scores changed since: inputs now \(verification.currentInputsHash)."
            }
        }
    }
}
