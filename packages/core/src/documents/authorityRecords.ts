import { DateTime, Effect } from "effect"
import { readAll } from "../agenda/readAll.js"
import type { ChildRecord } from "../childRecord/ChildRecord.js"
import { deadlinesOf } from "../deadlines/computeDeadlines.js"
import { Decision } from "../decision/Decision.js"
import { decisionCollection } from "../decision/decisionAggregate.js"
import { Disagreement } from "../disagreement/Disagreement.js"
import { disagreementCollection } from "../disagreement/disagreementAggregate.js"
import { Referral } from "../referral/Referral.js"
import { referralCollection } from "../referral/referralAggregate.js"
import { Placement } from "../regulation24/Placement.js"
import { placementCollection } from "../regulation24/placementAggregate.js"
import { authorityContext } from "../shared/authorityContext.js"
import type { AuthorityId } from "../shared/ids.js"
import { Sitting } from "../sitting/Sitting.js"
import { sittingCollection } from "../sitting/sittingAggregate.js"

/** The records a document is made from, before their clocks are worked out. */
export interface FoldedRecords {
  readonly referrals: ReadonlyArray<Referral>
  readonly sittings: ReadonlyArray<Sitting>
  readonly decisions: ReadonlyArray<Decision>
  readonly disagreements: ReadonlyArray<Disagreement>
  readonly placements: ReadonlyArray<Placement>
  /** Children's statutory records whose clocks the document shows (a court bundle's child); none by default. */
  readonly childRecords?: ReadonlyArray<ChildRecord>
}

/** The records with the authority's policy and their clocks (met ones included) as of `at`. */
export const withClocks = (authorityId: AuthorityId, records: FoldedRecords, at: DateTime.Utc) =>
  Effect.map(authorityContext(authorityId), (authority) => ({
    policy: authority.policy,
    ...records,
    deadlines: deadlinesOf(records, authority, { now: at, dueSoonHours: 48 }),
    at
  }))

/**
 * One authority's folded records, its policy and its clocks (met ones included) as of now: what documents read.
 * `childRecords`: the children's statutory records whose clocks are counted too.
 */
export const authorityRecords = (authorityId: AuthorityId, childRecords: ReadonlyArray<ChildRecord> = []) =>
  Effect.gen(function* () {
    const [referrals, sittings, decisions, disagreements, placements] = yield* Effect.all([
      readAll(referralCollection, Referral, authorityId),
      readAll(sittingCollection, Sitting, authorityId),
      readAll(decisionCollection, Decision, authorityId),
      readAll(disagreementCollection, Disagreement, authorityId),
      readAll(placementCollection, Placement, authorityId)
    ])
    return yield* withClocks(authorityId, { referrals, sittings, decisions, disagreements, placements, childRecords }, yield* DateTime.now)
  })

export type AuthorityRecords = Effect.Effect.Success<ReturnType<typeof authorityRecords>>
