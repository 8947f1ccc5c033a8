// The crash tests' child process: appends events from several concurrent tasks until it is
// killed, and writes one line `ack <position> <event id>` on stdout for each append the log has
// acknowledged. The parent kills it with SIGKILL and then checks that every acknowledged event
// survived. Usage: crash-writer DB_PATH [TASKS]
import EventStore
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: crash-writer DB_PATH [TASKS]\n".utf8))
    exit(64)
}
let store = try EventStore.create(at: arguments[1])
let tasks = arguments.count >= 3 ? Int(arguments[2]) ?? 8 : 8

await withTaskGroup(of: Void.self) { group in
    for task in 0..<tasks {
        group.addTask {
            var sequence = 0
            while true {
                sequence += 1
                let payload = Data(#"{"task":\#(task),"sequence":\#(sequence),"text":"گواهی مشارکت"}"#.utf8)
                do {
                    let event = try NewEvent(type: "crash.test", payload: payload, metadata: EventMetadata(actorId: "crash-writer"))
                    let result = try await store.append([event], to: "crash-\(task % 3)")
                    // One write(2) per line: lines from concurrent tasks never interleave on a pipe.
                    FileHandle.standardOutput.write(Data("ack \(result.lastPosition) \(event.id.lowercasedString)\n".utf8))
                } catch {
                    FileHandle.standardError.write(Data("append failed: \(error)\n".utf8))
                    exit(1)
                }
            }
        }
    }
}
