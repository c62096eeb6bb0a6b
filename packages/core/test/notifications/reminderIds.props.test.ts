import { describe, expect } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
// First: the presets import modules that import the notifications back.
import { preset, presetSlugs } from "../../src/policy/authorities/index.js"
import type { Deadline } from "../../src/deadlines/Deadline.js"
import type { CaseContext } from "../../src/notifications/CaseContext.js"
import type { ClockLookup } from "../../src/notifications/clockLookup.js"
import { possibleReminderIds, reminderIds, reminderNotifications } from "../../src/notifications/clockNotifications.js"
import { AuthorityId, PersonId } from "../../src/shared/ids.js"
import { london } from "../fixtures.js"

// The reminder run asks the outbox whether a reminder is queued by every id it could have whatever its case
// (`possibleReminderIds`), before reading the request behind it: an id its real case gives that is not among them
// would never be queued once queued under another case, so a caseholder would be reminded of nothing.

/** A clock of every kind and every name that routes differently (`clockRecipients`), due yesterday at 17:00. */
const clockIds: ReadonlyArray<readonly [Deadline["about"]["kind"], string]> = [
  ["referral", "ref_1:submission:sit_1"],
  ["placement", "plc_1:police-protection"],
  ["placement", "plc_1:police-protection-warning"],
  ["placement", "plc_1:alternative-arrangement"],
  ["placement", "plc_1:viability"],
  ["child", "child-1:epo-retrospective"],
  ["child", "child-1:secure-72h"],
  ["child", "child-1:review"],
  ["sitting", "sit_1:record-final"],
  ["sitting", "sit_1:agenda"],
  ["disagreement", "dis_1:areas"],
  ["disagreement", "dis_1:outcome"],
  ["action", "act_1:fgc:3:team_manager"],
  ["action", "act_1:fgc:3:head_of_service"],
  ["action", "act_1:action"],
  ["decision", "dec_1:actions-case-note"],
  ["decision", "dec_1:return"],
  ["decision", "dec_1:review"],
  ["decision", "dec_1:retrospective"],
  ["decision", "dec_1:complex-needs-template"],
  ["decision", "dec_1:s20"]
]

const someone = (id: string) => ({ personId: PersonId.make(id), name: "Fictional Person" })
const anyCase: fc.Arbitrary<CaseContext | undefined> = fc.option(
  fc.record({ socialWorker: fc.option(fc.constant(someone("sw-1")), { nil: undefined }), teamManager: fc.option(fc.constant(someone("tm-1")), { nil: undefined }) }).map(
    ({ socialWorker, teamManager }): CaseContext => ({ childNames: ["Robin Ash"], ...(socialWorker && { socialWorker }), ...(teamManager && { teamManager }) })
  ),
  { nil: undefined }
)

const lookupOf = (known: CaseContext | undefined): ClockLookup => ({ caseOf: () => known, panelOf: () => undefined, requestOf: () => undefined })

describe("the ids a reminder's notifications can have", () => {
  test.prop([fc.constantFrom(...clockIds), fc.constantFrom("due_soon" as const, "overdue" as const), anyCase, anyCase, fc.constantFrom(...presetSlugs)])(
    "hold every id its notifications have under any case, whatever case they were worked out with; and are its notifications' ids",
    ([kind, id], alarm, known, lookedUpWith, slug) => {
      const deadline: Deadline = {
        id,
        about: { kind, id: id.split(":")[0]! },
        title: "Something to do",
        ruleId: "LIN-5" as Deadline["ruleId"],
        due: london("2027-06-23", "17:00"),
        state: alarm === "overdue" ? "overdue" : "due_soon",
        explanation: "due 17:00 Wed 23 Jun 2027"
      }
      const scope = { authorityId: AuthorityId.make("lincolnshire"), policy: preset(slug) }
      const reminder = { deadline, alarm }
      const real = reminderIds(reminder, { ...scope, lookup: lookupOf(known) })
      expect(reminderNotifications([reminder], { ...scope, lookup: lookupOf(known) }).map((notification) => notification.id)).toEqual(real)
      const possible = new Set(possibleReminderIds(reminder, { ...scope, lookup: lookupOf(lookedUpWith) }))
      expect(real.filter((each) => !possible.has(each))).toEqual([])
    }
  )
})
