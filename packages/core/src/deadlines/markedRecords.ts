import { Effect, type Schema } from "effect"
import { readWhere } from "../agenda/readAll.js"
import type { ChildRecord } from "../childRecord/ChildRecord.js"
import { Decision } from "../decision/Decision.js"
import { decisionCollection } from "../decision/decisionAggregate.js"
import type { AuthorityId } from "../shared/ids.js"
import { awaitsField, decisionAwaits, hangsOnAHearing } from "./awaiting.js"

/** The reads are independent: on a pool of connections (PostgreSQL) they overlap; one connection takes them in turn. */
export const concurrently = { concurrency: 8 } as const

/** Each record once, by its id (a child's record by the child's). */
const keyOf = (record: { readonly id: string } | ChildRecord): string => ("id" in record ? record.id : record.childId)
export const distinct = <A extends { readonly id: string } | ChildRecord>(records: ReadonlyArray<A>): ReadonlyArray<A> => [
  ...new Map(records.map((record) => [keyOf(record), record])).values()
]

/** The records of a read model that carry any of these `awaits` markers (see `awaiting.ts`), each once. */
export const readMarked = <A extends { readonly id: string } | ChildRecord, I>(
  collection: string,
  schema: Schema.Schema<A, I>,
  authorityId: AuthorityId,
  markers: ReadonlyArray<string>
) =>
  Effect.map(
    Effect.forEach(markers, (marker) => readWhere(collection, schema, authorityId, { [awaitsField]: marker }), concurrently),
    // One marker's rows are each there once already: 5,000 open requests are one list, not copied into a map.
    (lists) => (lists.length === 1 ? lists[0]! : distinct(lists.flat()))
  )

/**
 * The decisions that carry any of these markers, and every decision of each request with a decision waiting on a
 * later hearing (a return to panel, a review): whether that hearing happened is told by the request's other decisions.
 */
export const decisionsMarked = (authorityId: AuthorityId, markers: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const marked = yield* readMarked(decisionCollection, Decision, authorityId, markers)
    const awaitingHearings = new Set(marked.filter((decision) => decisionAwaits(decision).some(hangsOnAHearing)).map((decision) => decision.subject.referralId))
    const heardWith = yield* Effect.forEach(awaitingHearings, (referralId) => readWhere(decisionCollection, Decision, authorityId, { referralId }), concurrently)
    return distinct([...marked, ...heardWith.flat()])
  })
