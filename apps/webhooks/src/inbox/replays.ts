import type { AuthorityId } from "@carepanel/core"
import type { WriteTransaction } from "@carepanel/store-sql"
import { Clock, Effect, Schedule } from "effect"
import { findSource, type SourcesFile } from "../config/sources.js"
import { refused } from "./answer.js"
import { retryDelivery } from "./applyDelivery.js"
import { replaysRequested, settleDelivery } from "./deliveries.js"

/**
 * The deliveries operators asked to be tried again (through the API or the terminal UI, in any process on the store),
 * a few at a time, each in the one write transaction that claims it: two receivers never apply one twice. A delivery
 * whose source has left the sources file is refused again.
 */
const retryBatch = (tx: WriteTransaction, sources: SourcesFile) =>
  tx(
    Effect.gen(function* () {
      for (const row of yield* replaysRequested(10)) {
        const source = findSource(sources, row.authorityId, row.sourceId)
        if (source === undefined) {
          const why = `The source ${row.sourceId} is no longer in the sources file, so its delivery cannot be applied; add the source back to try it again.`
          yield* settleDelivery(row.authorityId, row.deliveryId, "refused", refused(row.deliveryId, { code: "SourceNotConfigured", message: why }, undefined), new Date(yield* Clock.currentTimeMillis).toISOString())
          continue
        }
        yield* retryDelivery(tx, { authorityId: row.authorityId as AuthorityId, sourceId: row.sourceId, sourceRoles: source.roles, deliveryId: row.deliveryId }, row)
      }
    })
  )

/** Every `everyMs`: the replays asked for, tried again. */
export const retryReplays = (tx: WriteTransaction, sources: SourcesFile, everyMs: number) =>
  retryBatch(tx, sources).pipe(
    Effect.catchAllCause(() => Effect.logWarning("the deliveries asked to be tried again could not be reached in the store")),
    Effect.repeat(Schedule.spaced(everyMs))
  )
