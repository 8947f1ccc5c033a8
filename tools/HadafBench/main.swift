// The benchmark behind tools/bench: SQLite's own limits and the event store, measured in one
// run on one machine, and the ratios between them. Not a test: it prints figures.
//
// Usage: see BenchOptions.usage. `--only` runs some measurements, e.g. `--only d` to profile group
// commit alone.
import EventStore
import Foundation
import HadafEvents
import HadafProjections

let options: BenchOptions
do {
    options = try BenchOptions(CommandLine.arguments.dropFirst())
} catch {
    FileHandle.standardError.write(Data("hadaf-bench: \(error)\n".utf8))
    exit(2)
}
let directory = URL(fileURLWithPath: options.directory)
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
func freshPath(_ name: String) -> String {
    let path = directory.appendingPathComponent(name).path
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    return path
}

/// Runs and prints the measurement `letter` when it is included.
func measure(_ letter: Character, _ label: String, _ body: () async throws -> Int) async throws -> Measurement? {
    guard options.includes(letter) else { return nil }
    let measurement = try await Measurement.time(label, body)
    print(measurement.line)
    return measurement
}

// The per-commit measurements swing with the disk's fsync latency from one second to the next,
// so (a), (c) and (d) run interleaved in rounds, each on fresh files, and compare as medians.
var rawCommitRounds: [Measurement] = [], rawGroupRounds: [Measurement] = []
var sequentialRounds: [Measurement] = [], concurrentRounds: [Measurement] = []
if options.includes("a") || options.includes("c") || options.includes("d") {
    print("Durable commits, in \(options.rounds) interleaved rounds (WAL, synchronous=FULL)")
}
for round in 1...options.rounds where options.includes("a") || options.includes("c") || options.includes("d") {
    print("round \(round)")
    if let raw = try await measure("a", "(a) raw SQLite C API: INSERT, one transaction per event", {
        try RawSQLiteBaseline(path: freshPath("raw-commit.sqlite")).insert(count: options.commits, rowsPerTransaction: 1)
    }) { rawCommitRounds.append(raw) }
    // The best any group commit of these callers can do: each of the tasks has one append in
    // flight, so no commit can hold more events than there are tasks.
    if let rawGroup = try await measure("d", "(d0) raw SQLite C API: INSERT, \(options.tasks) rows per transaction", {
        try RawSQLiteBaseline(path: freshPath("raw-group.sqlite")).insert(count: options.commits * 8, rowsPerTransaction: options.tasks)
    }) { rawGroupRounds.append(rawGroup) }
    if let one = try await measure("c", "(c) store: one task, one event per append, each awaited", {
        let store = try EventStore.create(at: freshPath("sequential.sqlite"))
        for number in 0..<options.commits {
            _ = try await store.append([SampleEvents.event(number)], to: SampleEvents.stream(number))
        }
        return options.commits
    }) { sequentialRounds.append(one) }
    if let many = try await measure("d", "(d) store: \(options.tasks) tasks, one event per append (group commit)", {
        let store = try EventStore.create(at: freshPath("concurrent.sqlite"))
        let perTask = options.commits * 8 / options.tasks
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<options.tasks {
                group.addTask {
                    for step in 0..<perTask {
                        let number = task * perTask + step
                        _ = try await store.append([SampleEvents.event(number)], to: SampleEvents.stream(number))
                    }
                }
            }
            try await group.waitForAll()
        }
        return options.tasks * perTask
    }) { concurrentRounds.append(many) }
}
let rawCommits = Measurement.median(rawCommitRounds)
let rawGroup = Measurement.median(rawGroupRounds)
let sequential = Measurement.median(sequentialRounds)
let concurrent = Measurement.median(concurrentRounds)
if options.rounds > 1, !(rawCommitRounds.isEmpty && sequentialRounds.isEmpty && concurrentRounds.isEmpty) {
    print("medians")
    for measurement in [rawCommits, rawGroup, sequential, concurrent].compactMap({ $0 }) { print(measurement.line) }
}

print("\nBulk writes and reads (the log's own table and indexes)")
let rawBulk = try await measure("b", "(b) raw SQLite C API: INSERT, 1,000 rows per transaction") {
    try RawSQLiteBaseline(path: freshPath("raw-bulk.sqlite")).insert(count: options.events, rowsPerTransaction: 1000)
}
_ = try await measure("b", "(b0) calibration: (b) into a minimal 50-byte-row table") {
    try RawSQLiteBaseline(path: freshPath("raw-minimal.sqlite")).insertMinimal(count: options.events, rowsPerTransaction: 1000)
}

let importDatabase = directory.appendingPathComponent("import.sqlite").path
let importFile = directory.appendingPathComponent("import.jsonl").path
if options.includes("e") {
    try ImportFile.write(lines: options.events, to: importFile)
    _ = freshPath("import.sqlite")
    try HadafProcess(path: options.hadaf).run(["init", "--db", importDatabase])
}
let imported = try await measure("e", "(e) hadaf import of \(options.events) events (a new process)") {
    try HadafProcess(path: options.hadaf).run(["import", importFile, "--db", importDatabase])
    return options.events
}

var reading: Measurement?, verifying: Measurement?
if options.includes("f"), FileManager.default.fileExists(atPath: importDatabase) {
    let store = try EventStore.open(at: importDatabase)
    reading = try await measure("f", "(f) read the whole log, decoding every envelope") {
        try RawRead.count(store)
    }
    _ = try await measure("f", "(f') the same, also decoding every event's metadata") {
        var next: Int64 = 1, count = 0
        while true {
            let page = try store.read(from: next, limit: 10_000)
            guard let last = page.last else { break }
            for event in page where try event.metadata().actorId != nil { count += 1 }
            next = last.position + 1
        }
        return count
    }
    verifying = try await measure("f", "(f) verify the whole hash chain") {
        let report = try store.verify()
        guard report.isIntact else { throw BenchError("the imported log does not verify") }
        return Int(report.eventsChecked)
    }
}

var projectionReads: [Measurement] = [], projections: [Measurement] = [], projectionFloors: [Measurement] = [], projectionScans: [Measurement] = []
if options.includes("g") {
    print("\nProjections over a generated year of participation (tools/generate_year.py)")
    let store: EventStore
    if let yearLog = options.yearLog {
        store = try EventStore.open(at: yearLog)
    } else {
        let yearFile = directory.appendingPathComponent("year.jsonl").path
        store = try GeneratedYear.imported(events: options.projectionEvents, file: yearFile, database: freshPath("year.sqlite"), hadaf: options.hadaf)
    }
    let events = Int(try store.head()?.position ?? 0)
    let modelFile = "year.read.sqlite"
    func rebuild(_ projectors: [any Projector]) throws -> Int {
        let model = try ReadModel(path: freshPath(modelFile))
        let statuses = try ProjectionRunner(store: store, model: model, projectors: projectors).rebuild()
        guard statuses.allSatisfy({ $0.failure == nil }) else { throw BenchError("a projector failed: \(statuses)") }
        return events
    }
    for _ in 1...options.projectionRounds {
        projectionReads += try await measure("g", "(g0) read the generated log raw, decoding envelopes") { try RawRead.count(store) }.map { [$0] } ?? []
        projectionScans += try await measure("g", "(g0') the same read, scanning every payload too") { try RawRead.scanningPayloads(store) }.map { [$0] } ?? []
        projections += try await measure("g", "(g) rebuild every projector, one pass over the log") { try rebuild(StandardProjectors.all) }.map { [$0] } ?? []
        // The rows just rebuilt, read before the clock starts; counted as the events they come from.
        let rows = try ReadModelRowsBaseline(readModel: directory.appendingPathComponent(modelFile).path)
        projectionFloors += try await measure("g", "(g1) SQLite alone: insert the model's \(rows.rowCount) rows") {
            _ = try rows.insert(into: freshPath("rows.read.sqlite"))
            return events
        }.map { [$0] } ?? []
    }
    for projector in StandardProjectors.all where options.projectorsAlone {
        _ = try await measure("g", "(g) rebuild \(projector.name) alone") { try rebuild([projector]) }
    }
}

var festivalRead: Measurement?, festivalSelection: Measurement?
if options.includes("i") {
    print("\nThe festival's selection, computed from the log (a national festival of 3,000 entries)")
    let store = try EventStore.create(at: freshPath("festival.sqlite"))
    let events = try await FestivalSample.write(entries: 3_000, to: store)
    festivalRead = try await measure("i", "(i0) read the festival's stream raw, decoding envelopes") {
        try store.readStream("festival-\(FestivalSample.festivalId)").count
    }
    festivalSelection = try await measure("i", "(i) fold the stream and select (hadaf festival select)") {
        let selection = FestivalSelector.select(try FestivalInputs.read(FestivalSample.festivalId, from: store))
        guard selection.categories.count == 12 else { throw BenchError("the selection lost categories") }
        return events
    }
    let inputs = try FestivalInputs.read(FestivalSample.festivalId, from: store)
    let selection = FestivalSelector.select(inputs)
    // The prizes the selection gives, as the decider would: verification checks them too.
    let prizes = try selection.prizes(festival: inputs.festival!, entries: inputs.entries, withdrawn: inputs.withdrawn).get()
    let announcement = try NewEvent(FestivalWinnersAnnounced(selection: selection, prizes: prizes), metadata: EventMetadata(actorId: "bench"))
    _ = try await store.append([announcement], to: "festival-\(FestivalSample.festivalId)")
    _ = try await measure("i", "(i') verify the announced list (two folds, two selections)") {
        let verification = try FestivalVerification.verify(FestivalSample.festivalId, in: store)
        guard verification.verdict == .confirmed else { throw BenchError("the sample's announcement does not verify: \(verification.verdict)") }
        return events
    }
}

var auditRead: Measurement?, auditUniversity: Measurement?
if options.includes("j") {
    print("\nThe audit of awards (hadaf audit) over a generated year of \(options.auditEvents) events, with an award for every incentive reached")
    let yearFile = directory.appendingPathComponent("audit-year.jsonl").path
    let database = freshPath("audit.sqlite")
    let store = try GeneratedYear.imported(events: options.auditEvents, file: yearFile, database: database, hadaf: options.hadaf)
    let model = try ReadModel(path: freshPath("audit.read.sqlite"))
    _ = try ProjectionRunner(store: store, model: model, projectors: [LedgerProjector()]).catchUp()
    let awards = try await AwardSample.issue(in: store, model: model)
    let events = Int(try store.head()?.position ?? 0)
    print("\(awards) awards issued; \(events) events in the log")
    auditRead = try await measure("j", "(j0) read the log raw, decoding envelopes") {
        try RawRead.count(store)
    }
    func audit(_ scope: AuditScope) throws -> Int {
        let report = try AwardAudit.run(scope, on: store)
        guard report.isClean else { throw BenchError("the audit found \(report.findings.count) finding(s), first: \(report.findings[0].explanation)") }
        return events
    }
    auditUniversity = try await measure("j", "(j) audit one university-year (ut, 1404)") { try audit(AuditScope(university: "ut", year: 1404)) }
    _ = try await measure("j", "(j') audit every university's year (\(awards) awards)") { try audit(AuditScope(year: 1404)) }
}

print("\nRatios, each against a baseline taken in this run")
func rate(_ measurement: Measurement?) -> Double { measurement?.perSecond ?? .nan }
Ratio.print("(c)/(a) one durable append vs one raw commit", Ratio.pairedMedian(sequentialRounds, rawCommitRounds), target: nil)
Ratio.print("(d)/(a) group commit vs one raw commit", Ratio.pairedMedian(concurrentRounds, rawCommitRounds), target: 10)
Ratio.print("(d0)/(a) SQLite's own ceiling for such batches", Ratio.pairedMedian(rawGroupRounds, rawCommitRounds), target: nil)
Ratio.print("(d)/(d0) group commit vs that ceiling", Ratio.pairedMedian(concurrentRounds, rawGroupRounds), target: nil)
Ratio.print("(e)/(b) import vs raw bulk insert", rate(imported) / rate(rawBulk), target: 0.5)
Ratio.print("(f) read, events/s vs the 300,000 target", rate(reading) / 300_000, target: 1)
Ratio.print("(f) verify, events/s vs the 200,000 target", rate(verifying) / 200_000, target: 1)
Ratio.print("(g) projection rebuild vs raw read (g0)", Ratio.pairedMedian(projections, projectionReads), target: 0.3)
Ratio.print("(g) ceiling: (g0') and (g1) alone on two cores", Ratio.twoCoreCeiling(projectionReads, projectionScans, projectionFloors), target: nil)
Ratio.print("(g)/(g1) rebuild vs SQLite writing its rows alone", Ratio.pairedMedian(projections, projectionFloors), target: nil)
Ratio.print("(g) projection rebuild vs the 100,000/s target", rate(Measurement.median(projections)) / 100_000, target: 1)
Ratio.print("(i) festival selection vs raw read of its stream (i0)", rate(festivalSelection) / rate(festivalRead), target: nil)
Ratio.print("(j) audit of a university-year vs raw read (j0)", rate(auditUniversity) / rate(auditRead), target: nil)
