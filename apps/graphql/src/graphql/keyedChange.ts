import { createHash } from "node:crypto"
import { type AlreadyApplied, RequestKeys } from "@carepanel/core"
import { canonicalJson } from "@carepanel/store-sql"
import { Effect } from "effect"
import { GraphQLError } from "graphql"
import type { AppServices } from "../app/appLayer.js"
import type { GraphQLContext } from "./context.js"

/** What a change asked for: the mutation and its input, whatever the order of the input's fields. */
const fingerprintOf = (mutation: string, input: unknown) => createHash("sha256").update(canonicalJson([mutation, input ?? null])).digest("hex")

const recordsInWords = (first: AlreadyApplied) =>
  first.records.length === 0 ? "it changed no record" : `it changed ${first.records.map((record) => `${record.streamType} ${record.id}`).join(", ")}`

/** The same key and the same change: it was applied when first sent; nothing ran now. 409, with what it changed. */
const alreadyApplied = (first: AlreadyApplied) =>
  new GraphQLError(
    `This change was already applied when it was first sent with this Idempotency-Key, at ${first.appliedAt}, so it was not applied again: ${recordsInWords(first)}. Read the record for its state now.`,
    { extensions: { code: "ALREADY_APPLIED", appliedAt: first.appliedAt, records: first.records, http: { status: 409 } } }
  )

/** The same key with another change: refused, so that a key reused by mistake does not pass for the change it named. 422. */
const keyReused = (first: AlreadyApplied) =>
  new GraphQLError(
    `This Idempotency-Key was already used for a different change, at ${first.appliedAt}, so this one was not applied: send it with a new key.`,
    { extensions: { code: "IDEMPOTENCY_KEY_REUSED", appliedAt: first.appliedAt, http: { status: 422 } } }
  )

/**
 * Runs a mutation's change; with an `Idempotency-Key`, at most once per key of the caller's: the key is kept in the
 * same transaction as the change (RequestKeys), so a change that failed left it free and may be sent again, and one
 * that was applied answers ALREADY_APPLIED however often it is sent again, from whichever API process.
 */
export const keyedChange = <A, E>(context: GraphQLContext, mutation: string, input: unknown, change: Effect.Effect<A, E, AppServices>): Promise<A> => {
  const requestKey = context.requestKey
  if (requestKey === undefined || !("key" in requestKey)) return context.run(change)
  const fingerprint = fingerprintOf(mutation, input)
  const keyed = { authorityId: context.actor.authorityId, personId: context.actor.personId, key: requestKey.key, fingerprint }
  return context.run(Effect.flatMap(RequestKeys, (keys) => keys.once(keyed, change))).then((outcome) => {
    if (outcome._tag === "Applied") return outcome.value
    throw outcome.fingerprint === fingerprint ? alreadyApplied(outcome) : keyReused(outcome)
  })
}
