import { DateTime, Effect } from "effect"
import { readAll } from "../agenda/readAll.js"
import { deadlinesOf } from "../deadlines/computeDeadlines.js"
import { everyRecordBesideRequests } from "../deadlines/liveDeadlineInputs.js"
import { Referral } from "../referral/Referral.js"
import { referralCollection } from "../referral/referralAggregate.js"
import { authorityContext } from "../shared/authorityContext.js"
import type { AuthorityId } from "../shared/ids.js"

/**
 * Every clock of an authority, met ones too, as `Deadlines.forAuthority` worked them out before the `referralClocks`
 * read model: from the whole requests (form, documents and all). The yardstick the faster path is checked and
 * measured against.
 */
export const deadlinesOverWholeReadModels = (authorityId: AuthorityId) =>
  Effect.gen(function* () {
    const [referrals, rest] = yield* Effect.all([readAll(referralCollection, Referral, authorityId), everyRecordBesideRequests(authorityId)])
    return deadlinesOf({ referrals, ...rest }, yield* authorityContext(authorityId), { now: yield* DateTime.now, dueSoonHours: 48 })
  })
