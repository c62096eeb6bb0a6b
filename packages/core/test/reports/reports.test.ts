import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { EnglandAndWalesCalendar } from "../../src/calendar/englandAndWales.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { toCsv } from "../../src/reports/csv.js"
import { Reports } from "../../src/reports/Reports.js"
import { SittingId } from "../../src/shared/ids.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { InMemoryStoreLayer } from "../../src/testing/InMemoryStore.js"
import { playWeek } from "../../src/testing/playWeek.js"
import { SequentialIds } from "../../src/testing/SequentialIds.js"
import { staticPolicies } from "../../src/testing/StaticPolicies.js"

/** Knowsley, with MST-CAN declaring 2 places a month and the other services none (KNO-3). */
const knowsleyWithPlaces = {
  ...preset("knowsley"),
  edgeOfCare: { services: preset("knowsley").edgeOfCare!.services.map((entry) => (entry.service === "MST-CAN" ? { ...entry, placesPerMonth: 2 } : entry)) }
}

/** Two authorities on one in-memory store, so tenancy is tested against real rows of the other. */
const core = Layer.mergeAll(Reports.Default, Referrals.Default, Decisions.Default, Deadlines.Default).pipe(
  Layer.provideMerge(Sittings.Default),
  Layer.provideMerge(
    Layer.mergeAll(InMemoryStoreLayer, SequentialIds, staticPolicies(preset("lincolnshire"), knowsleyWithPlaces), EnglandAndWalesCalendar)
  )
)

const lin = staffOf("lincolnshire")
const kno = staffOf("knowsley")
const june = { from: "2027-06-01", to: "2027-06-30" }

/** A week at each authority, Lincolnshire's first. */
const twoWeeks = Effect.gen(function* () {
  const lincolnshire = yield* playWeek(preset("lincolnshire"))
  const knowsley = yield* playWeek(preset("knowsley"))
  return { lincolnshire, knowsley }
})

describe("Reports use case", () => {
  it.effect("reads only the actor's own authority: each sees its own three requests and three decisions", () =>
    Effect.gen(function* () {
      const { lincolnshire } = yield* twoWeeks
      const reports = yield* Reports
      const mine = yield* reports.period(lin.administrator, june)
      const theirs = yield* reports.period(kno.administrator, june)
      expect(mine.summary).toMatchObject({ requestsSubmitted: 3, decisions: 3, approved: 2, deferred: 1 })
      expect(theirs.summary).toMatchObject({ requestsSubmitted: 3, decisions: 3 })
      const linIds = new Set(lincolnshire.decisions.map((decision) => decision.subject.referralId as string))
      expect(mine.requests.filter((row) => row.outcome !== undefined).every((row) => linIds.has(row.referralId))).toBe(true)
      expect(theirs.requests.some((row) => linIds.has(row.referralId))).toBe(false)
    }).pipe(Effect.provide(core))
  )

  it.effect("a sitting report for the actor's sitting; another authority's sitting answers as missing", () =>
    Effect.gen(function* () {
      const { lincolnshire } = yield* twoWeeks
      const reports = yield* Reports
      const report = yield* reports.sitting(lin.chair, lincolnshire.sitting.id)
      expect(report.summary).toMatchObject({ items: 3, approved: 2, deferred: 1, lateItems: 1 })
      const elsewhere = yield* Effect.flip(reports.sitting(kno.administrator, lincolnshire.sitting.id))
      expect(elsewhere).toMatchObject({ _tag: "NotFound", message: `No sitting with id ${lincolnshire.sitting.id} was found.` })
      expect((yield* Effect.flip(reports.sitting(lin.administrator, SittingId.make("sit_none"))))._tag).toBe("NotFound")
    }).pipe(Effect.provide(core))
  )

  it.effect("KNO-3: Knowsley's edge-of-care summary counts its own requests; LIN-10: Lincolnshire's year review", () =>
    Effect.gen(function* () {
      yield* twoWeeks
      const reports = yield* Reports
      const tracker = yield* reports.edgeOfCare(kno.assistantDirector, june)
      expect(tracker.demand.requests).toBe(3)
      expect(tracker.allocation).toMatchObject({ approved: 2, deferred: 1 })
      // The services' declared capacity comes from the policy; those without a number stay "not declared".
      expect(tracker.capacity[0]).toMatchObject({ requestType: "edge_of_care_resource", placesPerMonth: "not declared" })
      expect(tracker.capacity[0]?.services).toContain("MST-CAN: 2 a month; Safe Families: not declared")
      const review = yield* reports.annual(lin.auditor, 2027)
      expect(review.months[5]).toMatchObject({ month: "2027-06", decisions: 3, deferred: 1 })
      expect(toCsv(review.months).split("\r\n")[0]?.startsWith("month,")).toBe(true)
    }).pipe(Effect.provide(core))
  )

  it.effect("only managers, the administrator and auditors see reports; a bad period is refused before anything is read", () =>
    Effect.gen(function* () {
      const reports = yield* Reports
      const refused = yield* Effect.flip(reports.period(lin.socialWorker, june))
      expect(refused).toMatchObject({ _tag: "NotPermitted", action: "see panel reports" })
      expect((yield* Effect.flip(reports.annual(lin.member, 2027)))._tag).toBe("NotPermitted")
      const backwards = yield* Effect.flip(reports.period(lin.headOfService, { from: "2027-06-30", to: "2027-06-01" }))
      expect(backwards._tag).toBe("InvalidReportPeriod")
      expect(backwards.message).toContain("The period starts on 2027-06-30, after it ends on 2027-06-01.")
      expect((yield* Effect.flip(reports.period(lin.serviceManager, { from: "2027-02-30", to: "2027-03-01" })))._tag).toBe("InvalidReportPeriod")
      expect((yield* Effect.flip(reports.annual(lin.administrator, 2027, { firstMonth: 13 })))._tag).toBe("InvalidReportPeriod")
    }).pipe(Effect.provide(core))
  )
})
