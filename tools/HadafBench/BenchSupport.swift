import EventStore
import Foundation

/// The command line of hadaf-bench.
struct BenchOptions {
    var directory = "bench-run"
    var hadaf = ".build/release/hadaf"
    var events = 1_000_000
    var commits = 3_000
    var tasks = 64
    var rounds = 5
    /// Events of the generated year that (g) projects.
    var projectionEvents = 1_000_000
    /// A log that (g) projects instead of a newly generated year: the same log for the runs of
    /// two builds that are compared (`--year-log`).
    var yearLog: String?
    /// Rounds of (g0) and (g) that (g) runs, alternating; its ratio is their paired median.
    var projectionRounds = 1
    /// Whether (g) also rebuilds each projector alone (`--alone no` leaves that out).
    var projectorsAlone = true
    /// Events of the generated year that (j) audits: about one university-year.
    var auditEvents = 50_000
    /// The measurements to run, by letter (`--only ad`); all when empty.
    var only: Set<Character> = []

    /// Whether the measurement with this letter runs.
    func includes(_ letter: Character) -> Bool { only.isEmpty || only.contains(letter) }

    static let usage = """
        usage: hadaf-bench --dir DIR --hadaf PATH [--events N] [--commits N] [--tasks N] [--rounds N]
                           [--projection-events N] [--year-log PATH] [--projection-rounds N]
                           [--alone yes|no] [--audit-events N] [--only LETTERS]
        """

    /// Reads the options; an unknown option or one without its value is an error that shows the usage.
    init(_ arguments: ArraySlice<String>) throws(BenchError) {
        var remaining = arguments
        while let name = remaining.popFirst() {
            guard let value = remaining.popFirst() else { throw BenchError("\(name) needs a value\n\(Self.usage)") }
            switch name {
            case "--dir": directory = value
            case "--hadaf": hadaf = value
            case "--events": events = Int(value) ?? events
            case "--commits": commits = Int(value) ?? commits
            case "--tasks": tasks = Int(value) ?? tasks
            case "--rounds": rounds = max(1, Int(value) ?? rounds)
            case "--projection-events": projectionEvents = Int(value) ?? projectionEvents
            case "--year-log": yearLog = value
            case "--projection-rounds": projectionRounds = max(1, Int(value) ?? projectionRounds)
            case "--alone": projectorsAlone = value != "no"
            case "--audit-events": auditEvents = Int(value) ?? auditEvents
            case "--only": only = Set(value)
            default: throw BenchError("unknown option \(name)\n\(Self.usage)")
            }
        }
    }
}

/// Writes the import benchmark's input: one envelope a line.
enum ImportFile {
    static func write(lines: Int, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else { throw BenchError("cannot create \(path)") }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var buffer = ""
        for number in 0..<lines {
            buffer += SampleEvents.importLine(number)
            buffer += "\n"
            if buffer.utf8.count > 1 << 20 {
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        handle.write(Data(buffer.utf8))
    }
}

/// Reads a whole log in pages of 10,000, decoding every envelope: the baseline the folds are
/// compared with.
enum RawRead {
    static func count(_ store: EventStore) throws -> Int {
        try forEachPage(of: store) { _ in }
    }

    /// The same read, also scanning every payload with the log's JSON scanner (its syntax checked,
    /// nothing built): every event is folded by some projector, so a rebuild does at least this
    /// before it folds anything.
    static func scanningPayloads(_ store: EventStore) throws -> Int {
        try forEachPage(of: store) { page in
            for event in page { _ = try JSONObject(parsing: event.payload, keeping: []) }
        }
    }

    /// Hands `body` each page of the log in order; returns how many events there were.
    private static func forEachPage(of store: EventStore, _ body: ([RecordedEvent]) throws -> Void) throws -> Int {
        var next: Int64 = 1, count = 0
        while true {
            let page = try store.read(from: next, limit: 10_000)
            guard let last = page.last?.position else { return count }
            try body(page)
            count += page.count
            next = last + 1
        }
    }
}

/// Runs tools/generate_year.py to write a generated year of participation.
enum GeneratedYear {
    /// A generated year of `events` written to `file` and imported into a new log at `database`.
    static func imported(events: Int, file: String, database: String, hadaf: String) throws -> EventStore {
        try write(events: events, to: file)
        try HadafProcess(path: hadaf).run(["init", "--db", database])
        try HadafProcess(path: hadaf).run(["import", file, "--db", database])
        return try EventStore.open(at: database)
    }

    static func write(events: Int, to path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "tools/generate_year.py", String(events)]
        guard FileManager.default.createFile(atPath: path, contents: nil) else { throw BenchError("cannot create \(path)") }
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("tools/generate_year.py exited \(process.terminationStatus)") }
    }
}

/// Runs the release `hadaf` binary, as an operator would.
struct HadafProcess {
    let path: String

    func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("hadaf \(arguments.joined(separator: " ")) exited \(process.terminationStatus)") }
    }
}

/// One line comparing a measured ratio with its target.
enum Ratio {
    /// The median over rounds of each round's ratio: each pair was measured seconds apart, so
    /// the disk's drift between rounds cancels out.
    static func pairedMedian(_ measured: [Measurement], _ baseline: [Measurement]) -> Double {
        median(zip(measured, baseline).map { $0.perSecond / $1.perSecond })
    }

    /// The best (g)/(g0) a rebuild could reach in each round if it did nothing but read the log
    /// and scan its payloads (`scans`, (g0')) and write its read model's rows (`floors`, (g1)),
    /// spread evenly over two cores: the median over the rounds of t(g0) / ((t(g0') + t(g1)) / 2).
    static func twoCoreCeiling(_ reads: [Measurement], _ scans: [Measurement], _ floors: [Measurement]) -> Double {
        median(zip(reads, zip(scans, floors)).map { read, work in read.seconds / ((work.0.seconds + work.1.seconds) / 2) })
    }

    /// The median of `values` (the upper one of an even count); NaN when there are none.
    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
    }

    static func print(_ label: String, _ ratio: Double, target: Double?) {
        guard ratio.isFinite, ratio > 0 else { return }
        let verdict = target.map { ratio >= $0 ? "meets the target of \($0)" : "BELOW the target of \($0)" } ?? "no target"
        Swift.print("\(label.padding(toLength: 50, withPad: " ", startingAt: 0)) \(Measurement.format(ratio, decimals: 2).leftPadded(8))   \(verdict)")
    }
}
