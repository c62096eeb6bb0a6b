import { Effect, TestClock } from "effect"
import type { AuthorityPolicy } from "../src/policy/AuthorityPolicy.js"
import type { RequestType } from "../src/policy/RequestType.js"
import { Sittings } from "../src/sitting/Sittings.js"
import { staffOf } from "../src/testing/actors.js"
import { requestWithPapers } from "../src/testing/readyRequest.js"
import { london } from "./fixtures.js"

/** On the test clock at 09:00 on Tue 1 June 2027, the sittings of the authority's first panel for the rest of 2027. */
export const sittingsFromJune2027 = (policy: AuthorityPolicy) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
    return yield* (yield* Sittings).scheduleYear(staffOf(policy.authority.id).administrator, policy.panels[0].id, 2027)
  })

/** A request for `type` about child `childId` with its papers; submitted and approved (ready for a sitting) when `ready`. */
export const requestOf = (policy: AuthorityPolicy, type: RequestType, childId: string, ready: boolean) =>
  requestWithPapers(policy, type, { id: childId, name: "Rowan Example" }, { draft: !ready })
