import { Context, Effect } from "effect"
import type { ChainLog, LinkedRow } from "./chainLink.js"

/** One commit's rows in a log, waiting to be chained when its group's transaction ends (see groupCommit.ts). */
export interface PendingLink {
  readonly log: ChainLog
  readonly subject: string
  readonly rows: ReadonlyArray<LinkedRow>
  readonly signedAt: string
}

/** Where a commit leaves its links: one buffer per member of a group, kept only if the member commits. */
export class PendingLinks extends Context.Tag("@carepanel/store-sql/PendingLinks")<PendingLinks, Array<PendingLink>>() {}

/** Leaves a commit's rows to be chained (and the group's last link signed) before its group commits. */
export const addLink = (log: ChainLog, subject: string, rows: ReadonlyArray<LinkedRow>, signedAt: string) =>
  Effect.flatMap(PendingLinks, (links) =>
    Effect.sync(() => {
      if (rows.length > 0) links.push({ log, subject, rows, signedAt })
    })
  )
