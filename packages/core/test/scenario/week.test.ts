import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect } from "effect"
import { preset, presetSlugs } from "../../src/policy/authorities/index.js"
import { inMemoryCore, playWeek } from "../../src/testing/playWeek.js"

describe("a full week per preset, through the use cases", () => {
  it.effect.each(presetSlugs)("%s: requests in time reach the agenda, a late one needs the chair, the record is turned round", (slug) =>
    Effect.gen(function* () {
      const policy = preset(slug)
      const week = yield* playWeek(policy)
      const deadlineRule = policy.referral.submissionDeadline.ruleId

      expect(week.refusedLate).toMatchObject({ _tag: "LateRequest", ruleId: deadlineRule })
      expect(week.sitting.agenda.map((item) => item.childIds[0])).toEqual(["child-a", "child-b", "child-c"])
      for (const item of week.sitting.agenda) {
        expect(DateTime.greaterThanOrEqualTo(item.startsAt, week.sitting.startsAt)).toBe(true)
        expect(DateTime.lessThanOrEqualTo(item.endsAt, week.sitting.endsAt)).toBe(true)
      }
      expect(week.sitting.quorum?.enough).toBe(true)
      expect(week.sitting.record.uploads).toHaveLength(3)

      // Before the sitting: the three requests met their clock; the draft's clock is still running or missed.
      const submission = week.deadlinesBeforeSitting.filter((deadline) => deadline.about.kind === "referral")
      expect(submission.filter((deadline) => deadline.state === "met").map((deadline) => deadline.metLate)).toEqual([false, false, true])
      expect(submission.find((deadline) => deadline.metLate)!.explanation).toMatch(/; met late, at \d\d:\d\d /)
      const draftClock = submission.find((deadline) => deadline.about.id === week.draft.id)!
      expect(draftClock.state).toBe("overdue")
      expect(draftClock.explanation).toMatch(new RegExp(`^due .+ - ${deadlineRule}: .+ the sitting on `))

      // Decisions: approve, defer (back in line for a later sitting), approve; all signed off.
      expect(week.decisions.map((decision) => [decision.content.outcome, decision.status])).toEqual([
        ["approve", "final"],
        ["defer", "final"],
        ["approve", "final"]
      ])
      expect(week.deferred).toMatchObject({ status: "ready", hearings: [{ outcome: "defer" }] })
      expect(week.deferred.sittingId).toBeUndefined()

      // At the end: nothing of the sitting is open; the abandoned draft is overdue; the actions are running.
      expect(week.openAtEnd.filter((deadline) => deadline.about.kind === "sitting")).toEqual([])
      expect(week.openAtEnd.filter((deadline) => deadline.state === "overdue").map((deadline) => deadline.about.id)).toEqual([week.draft.id])
      expect(week.openAtEnd.filter((deadline) => deadline.about.kind === "action").length).toBeGreaterThanOrEqual(4)
    }).pipe(Effect.provide(inMemoryCore(preset(slug))))
  )

  it.effect("CPR-11: after the sitting the draft record's clock is met and the chair's is due soon", () =>
    Effect.gen(function* () {
      const week = yield* playWeek(preset("care-planning"))
      const record = week.deadlinesAfterSitting.filter((deadline) => deadline.ruleId === "CPR-11")
      expect(record.map((deadline) => [deadline.title.split(" of ")[0], deadline.state])).toEqual([["Final record", "due_soon"]])
    }).pipe(Effect.provide(inMemoryCore(preset("care-planning"))))
  )
})
