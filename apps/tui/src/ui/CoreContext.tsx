import type { Actor, AuthorityPolicy } from "@carepanel/core"
import type { Effect } from "effect"
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react"
import type { Inbox } from "../core/inbox.js"
import type { TuiServices } from "../core/tuiLayer.js"
import type { Outcome } from "./refusal.js"

export type Run = <A, E>(effect: Effect.Effect<A, E, TuiServices>) => Promise<Outcome<A>>

/** What every screen may use: the operator, their authority's policy, the core, the inbox and the store's version. */
export interface Core {
  readonly actor: Actor
  readonly policy: AuthorityPolicy
  readonly run: Run
  readonly inbox: Inbox
  /** Moves on whenever any process commits to the store: screens reload on it. */
  readonly version: number
  readonly colour: boolean
  /** Where exported CSV files are written. */
  readonly exportDir: string
}

const CoreContext = createContext<Core | undefined>(undefined)

export const CoreProvider = ({ core, children }: { readonly core: Core; readonly children: ReactNode }) => (
  <CoreContext.Provider value={core}>{children}</CoreContext.Provider>
)

export const useCore = (): Core => {
  const core = useContext(CoreContext)
  if (core === undefined) throw new Error("useCore outside CoreProvider")
  return core
}

export interface Loaded<A> {
  readonly data: A | undefined
  readonly error: string | undefined
}

/** Runs a read when the screen opens and again whenever the store moves on; keeps the last data while reloading. */
export const useLoad = <A, E>(load: () => Effect.Effect<A, E, TuiServices>, deps: ReadonlyArray<unknown>): Loaded<A> => {
  const { run, version } = useCore()
  const [state, setState] = useState<Loaded<A>>({ data: undefined, error: undefined })
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the read depends on
  const reload = useCallback(() => load(), deps)
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the store moving on: the reason to read again
  useEffect(() => {
    let live = true
    run(reload()).then((outcome) => {
      if (!live) return
      setState((previous) => (outcome.ok ? { data: outcome.value, error: undefined } : { data: previous.data, error: outcome.message }))
    })
    return () => {
      live = false
    }
  }, [run, reload, version])
  return state
}
