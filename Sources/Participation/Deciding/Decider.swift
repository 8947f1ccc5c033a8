import Foundation
import HadafEvents

/// An aggregate's rules, as two pure functions: what a command decides given the state, and how
/// an event changes the state. No I/O: deciders are tested with given events, a command, and the
/// events or the error expected.
public protocol Decider {
    associatedtype Command: Sendable
    associatedtype Event: EventFamily
    associatedtype State: Sendable

    /// The state of a stream with no events.
    static var initialState: State { get }

    /// The events the command decides, or the reason it is refused. An empty result means the
    /// command changes nothing (it was already done), and nothing is appended.
    static func decide(_ command: Command, state: State, context: DecisionContext) throws(DomainError) -> [Event]

    /// The state after an event.
    static func evolve(_ state: State, _ event: Event) -> State
}

/// What a decision may depend on besides the state: who acts, and when.
public struct DecisionContext: Sendable {
    /// Who issued the command.
    public let actor: Actor
    /// When the act occurs (the injected clock's time, or the `at` of a scripted command).
    public let now: Date

    public init(actor: Actor, now: Date) {
        self.actor = actor
        self.now = now
    }
}

extension Decider {
    /// The state after a sequence of events, from the initial state.
    public static func fold(_ events: some Sequence<Event>) -> State {
        events.reduce(initialState, evolve)
    }
}
