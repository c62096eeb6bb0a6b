import type { ChildRead } from "@carepanel/core"

/**
 * The children's fields resolved since the last `take`: exactly what the client selected and was shown. At the end
 * of an operation (or of each subscription event) the core's ChildReads writes them to the access log.
 */
export class AccessTracker {
  private shown: Array<ChildRead> = []

  track(childId: string, field: string): void {
    this.shown.push({ childId, fields: [field] })
  }

  /** The reads since the last take; the next take starts afresh (a subscription logs each event once). */
  take(): ReadonlyArray<ChildRead> {
    const reads = this.shown
    this.shown = []
    return reads
  }
}
