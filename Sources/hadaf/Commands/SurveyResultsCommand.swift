import ArgumentParser
import EventStore
import Foundation
import HadafEvents
import HadafProjections

/// `hadaf survey-results`: a survey's results.
struct SurveyResultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey-results",
        abstract: "Print a survey's results: responses, complete and partial, per university, and each question's counts and mean.",
        discussion: "Brings the read models up to date first. Results are available while the survey runs.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var readModel: ReadModelOptions

    @Argument(help: ArgumentHelp("The survey's id.", valueName: "survey"))
    var survey: String

    @Flag(help: "Print the results as JSON.")
    var json = false

    func run() throws {
        let store = try database.openStore()
        let model = try readModel.caughtUpModel(for: store)
        guard let results = try CommandFailure.reporting({ () throws(ProjectionError) in try SurveyResults.read(survey, in: model) }) else {
            StandardError.write("hadaf: There is no survey '\(survey)'. [survey.not_found]\n")
            throw ExitCode(CommandFailure.Status.malformedInput.rawValue)
        }
        if json {
            try JSONOutput.print(results)
            return
        }
        print("\(results.surveyId): \(results.responses) responses (\(results.complete) complete, \(results.partial) partial)")
        print("by university: " + results.byUniversity.sorted { $0.key < $1.key }.map { "\($0.key.isEmpty ? "-" : $0.key) \($0.value)" }.joined(separator: ", "))
        for question in results.questions {
            var line = "\(question.id) \(question.text) [\(question.kind)]: \(question.answered) answered"
            if let mean = question.mean { line += ", mean \(mean)" }
            print(line)
            for count in question.counts { print("    \(count.value): \(count.count)") }
        }
    }
}
