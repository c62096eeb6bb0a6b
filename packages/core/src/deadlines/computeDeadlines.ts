import { DateTime } from "effect"
import type { Referral } from "../referral/Referral.js"
import type { AuthorityContext } from "../shared/authorityContext.js"
import type { Sitting } from "../sitting/Sitting.js"
import { type Now, toDeadline } from "./clock.js"
import type { Deadline } from "./Deadline.js"
import { referralClocks, submissionWindows } from "./referralClocks.js"
import { sittingClocks } from "./sittingClocks.js"

export interface DeadlineInputs {
  readonly referrals: ReadonlyArray<Referral>
  readonly sittings: ReadonlyArray<Sitting>
}

/** Every clock of an authority's requests and sittings, soonest first, each with its rule and explanation. */
export const deadlinesOf = ({ referrals, sittings }: DeadlineInputs, { policy, calendar }: AuthorityContext, now: Now) => {
  const windows = submissionWindows(sittings, policy, calendar)
  return [
    ...referrals.flatMap((referral) => referralClocks(referral, windows, policy)),
    ...sittings.flatMap((sitting) =>
      sittingClocks(sitting, sittings, policy, referrals.some((referral) => referral.sittingId === sitting.id))
    )
  ]
    .map((spec) => toDeadline(spec, calendar, now))
    .sort((a, b) => DateTime.distance(b.due, a.due))
}

/** The clocks still running: not met. */
export const openDeadlines = (deadlines: ReadonlyArray<Deadline>) => deadlines.filter((deadline) => deadline.state !== "met")
