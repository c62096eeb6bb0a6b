import type { ChildRead } from "@carepanel/core"

/**
 * The children's fields resolved since the last `take`: exactly what the client selected and was shown. At the end
 * of an operation (or of each subscription event) the core's ChildReads writes them to the access log.
 */
export class AccessTracker {
  /** Each child's fields, once each: a list of 20 children's rows resolves the same field names many times. */
  private shown = new Map<string, Set<string>>()

  track(childId: string, field: string): void {
    const fields = this.shown.get(childId)
    if (fields === undefined) this.shown.set(childId, new Set([field]))
    else fields.add(field)
  }

  /** The reads since the last take, one per child; the next take starts afresh (a subscription logs each event once). */
  take(): ReadonlyArray<ChildRead> {
    const reads = [...this.shown].map(([childId, fields]) => ({ childId, fields: [...fields] }))
    this.shown = new Map()
    return reads
  }
}
