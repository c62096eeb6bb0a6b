import { type Actor, ChildReads } from "@carepanel/core"
import { Effect } from "effect"
import { useEffect } from "react"
import { useCore } from "./CoreContext.js"

/** Has the core log that a screen showed these fields of these children (STAT-GDPR), as the API logs a query. */
export const recordShown = (actor: Actor, childIds: ReadonlyArray<string>, fields: ReadonlyArray<string>, purpose: string) =>
  Effect.flatMap(ChildReads, (childReads) => childReads.record({ actor, purpose, reads: childIds.map((childId) => ({ childId, fields })) }))

/** Logs that these children's fields are on the screen, once each time they come into view. */
export const useLoggedRead = (childIds: ReadonlyArray<string>, fields: ReadonlyArray<string>, purpose: string) => {
  const { run, actor } = useCore()
  const children = childIds.join("\n")
  const read = fields.join("\n")
  useEffect(() => {
    if (children !== "") run(recordShown(actor, children.split("\n"), read.split("\n"), purpose))
  }, [run, actor, children, read, purpose])
}
