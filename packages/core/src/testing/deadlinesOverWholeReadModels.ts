import { DateTime, Effect } from "effect"
import { readAll } from "../agenda/readAll.js"
import { ChildRecord } from "../childRecord/ChildRecord.js"
import { childRecordCollection } from "../childRecord/childRecordAggregate.js"
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

/**
 * Every clock of an authority, met ones too, as `Deadlines.forAuthority` worked them out before the `referralClocks`
 * read model: from the whole requests (form, documents and all). The yardstick the faster path is checked and
 * measured against.
 */
export const deadlinesOverWholeReadModels = (authorityId: AuthorityId) =>
  Effect.gen(function* () {
    const [referrals, sittings, decisions, disagreements, placements, childRecords] = yield* Effect.all([
      readAll(referralCollection, Referral, authorityId),
      readAll(sittingCollection, Sitting, authorityId),
      readAll(decisionCollection, Decision, authorityId),
      readAll(disagreementCollection, Disagreement, authorityId),
      readAll(placementCollection, Placement, authorityId),
      readAll(childRecordCollection, ChildRecord, authorityId)
    ])
    const inputs = { referrals, sittings, decisions, disagreements, placements, childRecords }
    return deadlinesOf(inputs, yield* authorityContext(authorityId), { now: yield* DateTime.now, dueSoonHours: 48 })
  })
