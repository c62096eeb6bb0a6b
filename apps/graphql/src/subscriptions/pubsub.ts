import type { Deadline } from "@carepanel/core"
import { createPubSub } from "graphql-yoga"
import { Listeners } from "./listeners.js"

/** A clock whose state changed since the last poll: it came due soon, went overdue, or a new one started so. */
export interface DeadlineChange {
  readonly deadline: Deadline
  readonly previousState: Deadline["state"] | null
}

/** Topics are per authority: a subscriber only ever hears of its own authority's records. */
export const makePubSub = () =>
  Object.assign(
    createPubSub<{
      deadlineChanged: [authorityId: string, payload: DeadlineChange]
    }>(),
    { listeners: new Listeners() }
  )

export type AppPubSub = ReturnType<typeof makePubSub>
