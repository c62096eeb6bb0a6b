import { describe, expect, it } from "@effect/vitest"
import { Context, DateTime, Effect, Layer } from "effect"
import { ClockReminders } from "../../src/notifications/ClockReminders.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Outbox } from "../../src/ports/Outbox.js"
import { Placements } from "../../src/regulation24/Placements.js"
import { AuthorityId } from "../../src/shared/ids.js"
import { InMemoryStoreLayer } from "../../src/testing/InMemoryStore.js"
import { inMemoryCore, playWeek } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"
import { requestOf, sittingsFromJune2027 } from "../readyRequest.js"
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

/** The in-memory store, with every write of notifications to its outbox counted in `writes`. */
const countingWrites = (writes: { count: number }) =>
  Layer.map(InMemoryStoreLayer, (context) => {
    const outbox = Context.get(context, Outbox)
    return Context.add(context, Outbox, { ...outbox, enqueue: (notifications, now) => Effect.zipRight(Effect.sync(() => writes.count++), outbox.enqueue(notifications, now)) })
  })

describe("the clock reminder run, again and again", () => {
  it.effect("LIN-3: a run that finds every reminder queued queues none and writes nothing to the outbox", () => {
    const writes = { count: 0 }
    return Effect.gen(function* () {
      yield* sittingsFromJune2027(lincolnshire)
      // A draft started on 1 June and never submitted: by the end of the month its submission clock is overdue.
      yield* requestOf(lincolnshire, "s20_accommodation", "child-9", false)
      const at = london("2027-06-30", "09:00")
      yield* setTime(at)
      const reminders = yield* ClockReminders
      expect(yield* reminders.remind(authorityId)).toBe(2)
      const first = yield* queuedReminders(at)
      expect(first).toEqual([staff.socialWorker.personId, staff.teamManager.personId].map((to) => `Overdue (LIN-3): panel request for child child-9 -> ${to}`))
      // Every five minutes in every API process: nothing more, and the outbox is not written to.
      const writesBefore = writes.count
      expect(yield* reminders.remind(authorityId)).toBe(0)
      expect(yield* reminders.remind(authorityId)).toBe(0)
      expect(writes.count).toBe(writesBefore)
      expect(yield* queuedReminders(at)).toEqual(first)
    }).pipe(Effect.provide(inMemoryCore(lincolnshire, countingWrites(writes))))
  })

  it.effect("STAT-S46: a child whose case was not known when the alert was queued, and is now, is alerted to the case's social worker too, once", () =>
    Effect.gen(function* () {
      yield* placedUnderPoliceProtection
      const reminders = yield* ClockReminders
      const at = london("2027-03-29", "09:30")
      yield* setTime(at)
      yield* reminders.remind(authorityId)
      const first = yield* queuedReminders(at)
      expect(first.some((line) => line.endsWith(staff.socialWorker.personId))).toBe(false)
      // A request for the child is started: the placement's case is now the request's, with its social worker.
      yield* requestOf(lincolnshire, "s20_accommodation", childId, false)
      const queued = yield* reminders.remind(authorityId)
      expect(yield* reminders.remind(authorityId)).toBe(0)
      const added = (yield* queuedReminders(at)).slice(first.length)
      expect(added).toHaveLength(queued)
      // Each alarming clock of the placement once more, to her alone (the team manager's went to the role and stays queued).
      const headline = (line: string) => line.split(" -> ")[0]
      expect(added.every((line) => line.endsWith(` -> ${staff.socialWorker.personId}`))).toBe(true)
      expect(added.map(headline).sort()).toEqual(first.filter((line) => line.endsWith(" -> team_manager")).map(headline).sort())
      expect(added).toContain(`Urgent: overdue (STAT-S46): Regulation 24 placement for child child-1 -> ${staff.socialWorker.personId}`)
    }).pipe(Effect.provide(inMemoryCore(lincolnshire)))
  )
})
