import type { ChildRead } from "@carepanel/core"

/**
 * The children's fields one operation resolved: exactly what its client selected and was shown. At the end of the
 * operation the core's ChildReads writes them to the access log (one entry per child, never the values).
 */
export class AccessTracker {
  private readonly shown: Array<ChildRead> = []

  track(childId: string, field: string): void {
    this.shown.push({ childId, fields: [field] })
  }

  get reads(): ReadonlyArray<ChildRead> {
    return this.shown
  }
}
