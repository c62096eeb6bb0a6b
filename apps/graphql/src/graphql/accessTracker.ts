import type { AccessRecord, Actor, ChildId } from "@carepanel/core"

/**
 * The children's fields one request resolved, by child: what the access log records at the end of the
 * operation (who, role, when, which child, which fields; never the values).
 */
export class AccessTracker {
  private readonly reads = new Map<string, Set<string>>()

  track(childId: string, field: string): void {
    const fields = this.reads.get(childId) ?? new Set<string>()
    fields.add(field)
    this.reads.set(childId, fields)
  }

  records(actor: Actor, purpose: string, at: Date = new Date()): ReadonlyArray<AccessRecord> {
    return [...this.reads].map(([childId, fields]) => ({
      authorityId: actor.authorityId,
      personId: actor.personId,
      role: actor.roles[0],
      at: at.toISOString(),
      childId: childId as ChildId,
      fields: [...fields].sort(),
      purpose
    }))
  }
}
