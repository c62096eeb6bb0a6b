import type { AuthorityId, Commit, Notification, PendingEvent, ReadModelRow, StreamRef } from "@carepanel/core"

let counter = 0
/** A name no other test in this process uses, so tests can share one store without seeing each other. */
export const unique = (prefix: string): string => `${prefix}-${process.pid}-${++counter}`

export const authority = (name: string): AuthorityId => name as AuthorityId

export const streamOf = (authorityId: AuthorityId, id: string, streamType = "contract-counter"): StreamRef => ({
  authorityId,
  streamType,
  id
})

export const event = (type: string, data: unknown): PendingEvent => ({ type, data })

export const notification = (authorityId: AuthorityId, id: string): Notification => ({
  id,
  authorityId,
  kind: "contract.test",
  recipients: [{ _tag: "RoleHolder", role: "panel_administrator" }],
  headline: `Contract test notification ${id}`,
  body: ["Written by the store contract suite."],
  facts: { id }
})

export const row = (
  authorityId: AuthorityId,
  id: string,
  index: ReadModelRow["index"] = {},
  doc: unknown = { id },
  collection = "contract-rows"
): ReadModelRow => ({ collection, authorityId, id, index, doc })

export const commit = (
  stream: StreamRef,
  expectedVersion: number,
  parts: Partial<Pick<Commit, "events" | "readModels" | "notifications">> = {}
): Commit => ({
  stream,
  expectedVersion,
  events: parts.events ?? [event("Counted", { n: expectedVersion + 1 })],
  readModels: parts.readModels ?? [],
  notifications: parts.notifications ?? []
})

/** A row whose `id` throws when the store reads it: the store fails in the middle of writing the commit. */
export const throwingRow = (authorityId: AuthorityId): ReadModelRow =>
  Object.defineProperty({ collection: "contract-rows", authorityId, index: {}, doc: {} }, "id", {
    enumerable: true,
    get: () => {
      throw new Error("injected failure: this read-model row cannot be written")
    }
  }) as ReadModelRow
