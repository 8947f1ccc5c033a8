import ArgumentParser
import EventStore
import HadafProjections

/// `--read-db`: the read model's file, `hadaf.read.sqlite` beside the log unless named.
struct ReadModelOptions: ParsableArguments {
    @Option(name: .customLong("read-db"), help: ArgumentHelp("The read model's SQLite file (default: beside the log, e.g. hadaf.read.sqlite).", valueName: "path"))
    var path: String?

    /// The runner of the standard projectors over this log and read model.
    func runner(for store: EventStore) throws -> ProjectionRunner {
        let model = try CommandFailure.reporting { () throws(ProjectionError) in
            try ReadModel(path: path ?? ReadModel.path(besideLog: store.path))
        }
        return ProjectionRunner(store: store, model: model, projectors: StandardProjectors.all)
    }

    /// The read model, brought up to the log's head first: what the read-model commands print.
    func caughtUpModel(for store: EventStore) throws -> ReadModel {
        let runner = try runner(for: store)
        _ = try CommandFailure.reporting { () throws(ProjectionError) in try runner.catchUp() }
        return try CommandFailure.reporting { () throws(ProjectionError) in
            try ReadModel(path: path ?? ReadModel.path(besideLog: store.path))
        }
    }
}
