import type { Effect } from "effect"

/**
 * An event-sourced aggregate: state is a fold of events with `evolve` (total, never fails);
 * `decide` turns a command into new events or a typed refusal. Both are pure: commands carry
 * the acting person and the instant, and `Context` carries what the authority has configured
 * (its policy, its working calendar), so the same inputs always give the same answer.
 */
export interface Decider<Command, Event, State, Refusal, Context> {
  readonly initialState: State
  readonly evolve: (state: State, event: Event) => State
  readonly decide: (command: Command, state: State, context: Context) => Effect.Effect<ReadonlyArray<Event>, Refusal>
}

export const fold = <Event, State>(
  decider: { readonly initialState: State; readonly evolve: (state: State, event: Event) => State },
  events: Iterable<Event>
): State => {
  let state = decider.initialState
  for (const event of events) state = decider.evolve(state, event)
  return state
}
