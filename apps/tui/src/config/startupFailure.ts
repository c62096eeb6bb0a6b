import { PersistenceError } from "@carepanel/core"
import { storeErrorOf } from "@carepanel/store-sql"
import { Cause, Runtime } from "effect"

export interface LogMessage {
  readonly message: string
  readonly annotations: Readonly<Record<string, unknown>>
}

const squashed = (error: unknown): unknown => (Runtime.isFiberFailure(error) ? Cause.squash(error[Runtime.FiberFailureCauseId]) : error)

/** What kind of failure it was, by its tag or class name: says where to look without saying what it held. */
const kindOf = (error: unknown): string => {
  const named = error as { readonly _tag?: unknown; readonly name?: unknown } | undefined
  return typeof named?._tag === "string" ? named._tag : typeof named?.name === "string" ? named.name : typeof error
}

/**
 * What the TUI logs when it cannot start. A setting that cannot be used is named with its problem (the installation's
 * own settings, so the administrator can fix them); a store that fails, with what it could not do and the database's
 * words. Anything else is a bug: in production only its kind, with no stack and nothing of what it held (an error's
 * message can quote a record or a key); elsewhere its message and stack.
 */
export const startupFailure = (error: unknown, production: boolean): LogMessage => {
  const cause = squashed(error)
  const named = cause as { readonly setting?: unknown; readonly message?: unknown; readonly stack?: unknown }
  if (typeof named?.setting === "string" && typeof named.message === "string") {
    return { message: "Cannot start: a setting cannot be used", annotations: { setting: named.setting, problem: named.message } }
  }
  if (cause instanceof PersistenceError) {
    // The store failed as the start read it (a table renamed away, the database unreachable): the database's own words.
    const storeError = storeErrorOf(cause)
    return { message: "Cannot start: the store failed", annotations: { operation: cause.operation, ...(storeError === undefined ? {} : { storeError }) } }
  }
  const kind = kindOf(cause)
  if (production) return { message: "Cannot start: an unexpected error (its details are not shown in production)", annotations: { error: kind } }
  return { message: "Cannot start: an unexpected error", annotations: { error: kind, detail: String(named?.message ?? cause), stack: String(named?.stack ?? "") } }
}
