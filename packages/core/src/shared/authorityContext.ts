import { Effect } from "effect"
import { withClosureDays } from "../calendar/closureDays.js"
import { WorkingCalendar } from "../calendar/WorkingCalendar.js"
import type { Calendar } from "../calendar/WorkingCalendar.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { Policies } from "../ports/Policies.js"
import type { AuthorityId } from "./ids.js"

export interface AuthorityContext {
  readonly policy: AuthorityPolicy
  readonly calendar: Calendar
}

/** An authority's policy and its working calendar (national holidays plus its own closure days). */
export const authorityContext = (authorityId: AuthorityId) =>
  Effect.gen(function* () {
    const policy = yield* (yield* Policies).forAuthority(authorityId)
    const calendar = yield* WorkingCalendar
    return { policy, calendar: withClosureDays(calendar, policy.closureDays) } satisfies AuthorityContext
  })
