import { describe, expect, it } from "@effect/vitest"
import { Effect, } from "effect"
import { preset } from "../../src/policy/authorities/index.js"
import type { PlacementStatus } from "../../src/regulation24/Placement.js"
import { type PlacementFilter, Placements } from "../../src/regulation24/Placements.js"
import type { Actor } from "../../src/shared/actor.js"
import { ChildId, type PlacementId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { london } from "../fixtures.js"
import { carers, staff, yesToRefuse, placementsCore, setTime } from "./fixtures.js"

/** Placements over in-memory ports, for Lincolnshire and (to prove tenancy) Knowsley. */
const core = placementsCore(preset("lincolnshire"), preset("knowsley"))
const knowsley = staffOf("knowsley")

/** What each Lincolnshire placement below is, as a panel administrator would read it off the record. */
const known = {
  identified: { status: "identified", urgent: false, underPoliceProtection: false, extended: false, pendingReview: false },
  quiet: { status: "placed", urgent: false, underPoliceProtection: false, extended: false, pendingReview: false },
  protected: { status: "placed", urgent: true, underPoliceProtection: true, extended: false, pendingReview: false },
  protectionOver: { status: "placed", urgent: true, underPoliceProtection: false, extended: false, pendingReview: false },
  extended: { status: "placed", urgent: false, underPoliceProtection: false, extended: true, pendingReview: false },
  pendingReview: { status: "placed", urgent: false, underPoliceProtection: false, extended: false, pendingReview: true },
  extendedThenPending: { status: "placed", urgent: false, underPoliceProtection: false, extended: true, pendingReview: true },
  // Ended while police protection's outcome is still unrecorded: no longer urgent, still owed its STAT-S46 outcome.
  ended: { status: "ended", urgent: false, underPoliceProtection: true, extended: true, pendingReview: false }
} as const
type Name = keyof typeof known

/** STAT-R25-3's steps, then the nominated officer's extension of 8 weeks (STAT-R25-1). */
const extend = (placements: Placements, people: typeof staff, id: PlacementId) =>
  Effect.gen(function* () {
    yield* steps(placements, people, id)
    yield* placements.extendApproval(people.headOfService, id, 8)
  })
const steps = (placements: Placements, people: typeof staff, id: PlacementId) =>
  Effect.gen(function* () {
    yield* placements.recordPlacementReconsidered(people.teamManager, id, true, "Settled with his grandmother; the full assessment needs more time")
    yield* placements.recordFosteringPanelViewsSought(people.socialWorker, id)
    yield* placements.recordIroInformed(people.socialWorker, id, "Nadia Quarrie")
  })
/** STAT-R25-2: the full assessment refused, an independent review sought, the approval runs on until its outcome. */
const pendReview = (placements: Placements, people: typeof staff, id: PlacementId) =>
  Effect.gen(function* () {
    yield* steps(placements, people, id)
    yield* placements.extendPendingReview(people.assistantDirector, id, { fullAssessmentRefused: true, independentReviewSought: true })
  })

/**
 * Lincolnshire's eight placements in the states of `known`, and one Knowsley placement that is everything at
 * once (under police protection, extended, pending review). Returns the name of each Lincolnshire placement by id.
 */
const recordPlacements = Effect.gen(function* () {
  const placements = yield* Placements
  const names = new Map<string, Name>()
  const start = (people: typeof staff, child: string, policeProtection: boolean, place = true) =>
    Effect.gen(function* () {
      const { id } = yield* placements.recordBasicTest(people.socialWorker, ChildId.make(child), yesToRefuse)
      yield* placements.recordPolicePowers(people.socialWorker, id, policeProtection)
      if (place) yield* placements.recordPlacementMade(people.socialWorker, id, london("2027-03-26", "10:00"), carers)
      return id
    })
  yield* setTime(london("2027-03-26", "11:00"))
  const ids = {
    identified: yield* start(staff, "child-identified", false, false),
    quiet: yield* start(staff, "child-quiet", false),
    protected: yield* start(staff, "child-protected", true),
    protectionOver: yield* start(staff, "child-protection-over", true),
    extended: yield* start(staff, "child-extended", false),
    pendingReview: yield* start(staff, "child-pending", false),
    extendedThenPending: yield* start(staff, "child-extended-pending", false),
    ended: yield* start(staff, "child-ended", true)
  } satisfies Record<Name, PlacementId>
  const elsewhere = yield* start(knowsley, "child-knowsley", true)

  yield* setTime(london("2027-03-27", "15:00"))
  yield* placements.recordPoliceProtectionOutcome(staff.socialWorker, ids.protectionOver, "emergency_protection_order")
  yield* setTime(london("2027-07-01", "09:00"))
  yield* extend(placements, staff, ids.extended)
  yield* pendReview(placements, staff, ids.pendingReview)
  yield* extend(placements, staff, ids.extendedThenPending)
  yield* pendReview(placements, staff, ids.extendedThenPending)
  yield* extend(placements, staff, ids.ended)
  yield* extend(placements, knowsley, elsewhere)
  yield* pendReview(placements, knowsley, elsewhere)
  yield* setTime(london("2027-07-02", "09:00"))
  yield* placements.end(staff.socialWorker, ids.ended, "child_moved")

  for (const [name, id] of Object.entries(ids)) names.set(id, name as Name)
  return { names, elsewhere }
})

/** The names of the placements `actor` gets for `filter`, sorted. */
const listed = (actor: Actor, names: ReadonlyMap<string, Name>, filter: PlacementFilter) =>
  Effect.gen(function* () {
    const found = yield* (yield* Placements).list(actor, filter)
    return found.map((placement) => names.get(placement.id) ?? `another authority's ${placement.id}`).sort()
  })

describe("Placements.list: placements by what needs attention", () => {
  it.effect("STAT-S46: under police protection lists those whose outcome is not yet recorded, ended or not", () =>
    Effect.gen(function* () {
      const { names } = yield* recordPlacements
      expect(yield* listed(staff.administrator, names, { underPoliceProtection: true })).toEqual(["ended", "protected"])
      expect(yield* listed(staff.administrator, names, { underPoliceProtection: true, status: "placed" })).toEqual(["protected"])
      expect(yield* listed(staff.administrator, names, { underPoliceProtection: false })).toEqual(
        ["extended", "extendedThenPending", "identified", "pendingReview", "protectionOver", "quiet"]
      )
    }).pipe(Effect.provide(core))
  )

  it.effect("LIN-15: urgent lists those to act on now, and not one whose placement has ended", () =>
    Effect.gen(function* () {
      const { names } = yield* recordPlacements
      expect(yield* listed(staff.serviceManager, names, { urgent: true })).toEqual(["protected", "protectionOver"])
      expect(yield* listed(staff.serviceManager, names, { urgent: true, underPoliceProtection: false })).toEqual(["protectionOver"])
      expect(yield* listed(staff.serviceManager, names, { urgent: false, underPoliceProtection: true })).toEqual(["ended"])
    }).pipe(Effect.provide(core))
  )

  it.effect("STAT-R25-2: pending review lists the approvals running on until an independent review's outcome", () =>
    Effect.gen(function* () {
      const { names } = yield* recordPlacements
      expect(yield* listed(staff.serviceManager, names, { pendingReview: true })).toEqual(["extendedThenPending", "pendingReview"])
      expect(yield* listed(staff.serviceManager, names, { pendingReview: true, extended: false })).toEqual(["pendingReview"])
    }).pipe(Effect.provide(core))
  )

  it.effect("STAT-R25-1: extended lists the approvals extended once, and with a status only the placements still running", () =>
    Effect.gen(function* () {
      const { names } = yield* recordPlacements
      expect(yield* listed(staff.administrator, names, { extended: true })).toEqual(["ended", "extended", "extendedThenPending"])
      expect(yield* listed(staff.administrator, names, { extended: true, status: "placed" })).toEqual(["extended", "extendedThenPending"])
      expect(yield* listed(staff.administrator, names, { extended: true, pendingReview: true })).toEqual(["extendedThenPending"])
      expect(yield* listed(staff.administrator, names, { extended: true, childId: ChildId.make("child-extended") })).toEqual(["extended"])
      expect(yield* listed(staff.administrator, names, { extended: true, childId: ChildId.make("child-quiet") })).toEqual([])
    }).pipe(Effect.provide(core))
  )

  it.effect("every combination of the filters lists exactly the placements matching all of them", () =>
    Effect.gen(function* () {
      const { names } = yield* recordPlacements
      const choices = [undefined, true, false] as const
      const statuses: ReadonlyArray<PlacementStatus | undefined> = [undefined, "placed", "ended", "identified"]
      const flags = ["urgent", "underPoliceProtection", "extended", "pendingReview"] as const
      let combinations = 0
      for (const status of statuses) {
        for (const urgent of choices) {
          for (const underPoliceProtection of choices) {
            for (const extended of choices) {
              for (const pendingReview of choices) {
                const filter = { status, urgent, underPoliceProtection, extended, pendingReview }
                const given = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as PlacementFilter
                const expected = (Object.keys(known) as Name[])
                  .filter((name) => status === undefined || known[name].status === status)
                  .filter((name) => flags.every((flag) => filter[flag] === undefined || known[name][flag] === filter[flag]))
                  .sort()
                expect(yield* listed(staff.auditor, names, given), JSON.stringify(given)).toEqual(expected)
                combinations++
              }
            }
          }
        }
      }
      expect(combinations).toBe(4 * 81)
    }).pipe(Effect.provide(core))
  )

  it.effect("another authority's placements never appear, whatever the filter; its own staff see theirs", () =>
    Effect.gen(function* () {
      const { names, elsewhere } = yield* recordPlacements
      for (const filter of [{}, { urgent: true }, { underPoliceProtection: true }, { extended: true }, { pendingReview: true }, { extended: true, pendingReview: true }]) {
        expect(yield* listed(staff.auditor, names, filter)).not.toContain(`another authority's ${elsewhere}`)
      }
      expect(yield* listed(staff.auditor, names, {})).toHaveLength(8)
      const theirs = yield* (yield* Placements).list(knowsley.auditor, { underPoliceProtection: true, extended: true, pendingReview: true, urgent: true })
      expect(theirs.map((placement) => placement.id)).toEqual([elsewhere])
      expect(yield* (yield* Placements).list(knowsley.auditor, { urgent: false })).toEqual([])
    }).pipe(Effect.provide(core))
  )
})
