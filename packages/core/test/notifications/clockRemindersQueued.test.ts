import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect } from "effect"
import { ClockReminders } from "../../src/notifications/ClockReminders.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Outbox } from "../../src/ports/Outbox.js"
import { Placements } from "../../src/regulation24/Placements.js"
import { AuthorityId } from "../../src/shared/ids.js"
import { inMemoryCore, playWeek } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"
import { carers, childId, setTime, staff, yesToRefuse } from "../regulation24/fixtures.js"

// Clock reminders were written by `clockNotifications`, but nothing ran it: no process queued a reminder, so a
// social worker heard nothing when police protection's 72 hours ran out (STAT-S46) or an action fell overdue. The
// reminder run (`ClockReminders.remind`, which each API process runs on a schedule) queues them in the outbox.

const lincolnshire = preset("lincolnshire")
const authorityId = AuthorityId.make("lincolnshire")

/** A child under police protection from 08:00 on 26 March 2027, placed with her aunt at 10:00. */
const placedUnderPoliceProtection = Effect.gen(function* () {
  const placements = yield* Placements
  yield* setTime(london("2027-03-26", "09:00"))
  const { id } = yield* placements.recordBasicTest(staff.socialWorker, childId, yesToRefuse)
  yield* placements.recordPolicePowers(staff.socialWorker, id, true, london("2027-03-26", "08:00"))
  yield* setTime(london("2027-03-26", "10:00"))
  yield* placements.recordPlacementMade(staff.socialWorker, id, london("2027-03-26", "10:00"), carers)
  return id
})

/** The clock reminders queued for email by then, as "headline -> recipient". */
const queuedReminders = (at: DateTime.Utc) =>
  Effect.flatMap(Outbox, (outbox) => outbox.due("email", DateTime.formatIso(at), 1_000)).pipe(
    Effect.map((entries) =>
      entries
        .map((entry) => entry.notification)
        .filter((notification) => notification.kind.startsWith("clock."))
        .map((notification) => `${notification.headline} -> ${notification.recipients.map((recipient) => ("role" in recipient ? recipient.role : recipient.personId)).join(", ")}`)
    )
  )

describe("the clock reminder run", () => {
  it.effect("STAT-S46: queues the urgent overdue alert once police protection's 72 hours have run out, once however often it runs", () =>
    Effect.gen(function* () {
      yield* placedUnderPoliceProtection
      const reminders = yield* ClockReminders
      // 72 elapsed hours from 08:00 GMT on Friday: 09:00 BST on Monday (the clocks went forward on Sunday 28 March).
      const at = london("2027-03-29", "09:30")
      yield* setTime(at)
      const queued = yield* reminders.remind(authorityId)
      const first = yield* queuedReminders(at)
      expect(first).toHaveLength(queued)
      expect(first.filter((line) => line.includes("(STAT-S46)"))).toEqual(
        ["team_manager", "head_of_service", "assistant_director"].map((role) => `Urgent: overdue (STAT-S46): Regulation 24 placement for child child-1 -> ${role}`)
      )
      // Another run, in this process or another sharing the store: nothing more is queued.
      yield* reminders.remind(authorityId)
      expect(yield* queuedReminders(at)).toEqual(first)
    }).pipe(Effect.provide(inMemoryCore(lincolnshire)))
  )

  it.effect("queues nothing for an authority whose clocks are neither due soon nor overdue, nor for a clock met in time", () =>
    Effect.gen(function* () {
      const id = yield* placedUnderPoliceProtection
      yield* setTime(london("2027-03-26", "12:00"))
      yield* (yield* Placements).recordPoliceProtectionOutcome(staff.socialWorker, id, "returned_home", london("2027-03-26", "12:00"))
      yield* (yield* Placements).end(staff.serviceManager, id, "child_returned_home", london("2027-03-26", "12:00"))
      const at = london("2027-04-20", "09:00")
      yield* setTime(at)
      yield* (yield* ClockReminders).remind(authorityId)
      expect(yield* queuedReminders(at)).toEqual([])
    }).pipe(Effect.provide(inMemoryCore(lincolnshire)))
  )
})

describe("the clock reminder run, for a request's actions", () => {
  it.effect("LIN-5: an action gone overdue after a sitting is queued for the request's caseholders, named by the request's children", () =>
    Effect.gen(function* () {
      const week = yield* playWeek(lincolnshire)
      const at = DateTime.add(week.sitting.startsAt, { days: 20 })
      yield* setTime(at)
      yield* (yield* ClockReminders).remind(authorityId)
      const overdue = (yield* queuedReminders(at)).filter((line) => line.startsWith("Overdue (LIN-5): action for child"))
      // The sitting's two approved requests each have their actions, all due 14 days after the sitting.
      const actions = week.decisions.flatMap((decision) => (decision.content.outcome === "approve" ? decision.content.actions : []))
      expect(actions.length).toBeGreaterThan(0)
      // Each to the request's social worker and team manager by name (found from the request behind the decision; without
      // it, the reminder would go to the roles), once per action.
      expect(overdue).toHaveLength(actions.length * 2)
      expect(new Set(overdue.map((line) => line.split(" -> ")[1]))).toEqual(new Set([staff.socialWorker.personId, staff.teamManager.personId]))
    }).pipe(Effect.provide(inMemoryCore(lincolnshire)))
  )
})
