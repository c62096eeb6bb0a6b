import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, Schema } from "effect"
import { caseFor, caseForChild, caseWithPlacementsFor } from "../../src/notifications/caseFor.js"
import { type ReadModelQuery, type ReadModelRow, ReadModels } from "../../src/ports/ReadModels.js"
import { Referral } from "../../src/referral/Referral.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import { Placement } from "../../src/regulation24/Placement.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import { fold } from "../../src/shared/decider.js"
import { PersistenceError } from "../../src/shared/errors.js"
import { AuthorityId, ChildId, PersonId, ReferralId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, completeForm, contextOf, london } from "../fixtures.js"
import { childWishes, cmd, mother, placed, playOn } from "../regulation24/fixtures.js"

const lincolnshire = AuthorityId.make("lincolnshire")
const robin = completeForm("support-panel").children[0]!
const ash = { ...robin, childId: ChildId.make("child-2"), fullName: "Ash Testwood" }

/** A Lincolnshire request's read-model row, as the referral aggregate writes it. */
const row = (id: string, socialWorker: string, children = [robin], authorityId = lincolnshire, drafted = "2027-06-01", status: Referral["status"] = "draft"): ReadModelRow => {
  const form = completeForm("support-panel", { children, socialWorker: { personId: PersonId.make(socialWorker.toLowerCase().replace(" ", "-")), name: socialWorker } })
  const draft = fold(
    referralDecider,
    deciderSpec(referralDecider, contextOf("lincolnshire")).play([
      { _tag: "CreateDraft", referralId: ReferralId.make(id), form, by: as(staffOf("lincolnshire").socialWorker), at: london(drafted, "09:00") }
    ])
  )!
  const referral = { ...draft, status }
  return { collection: "referrals", authorityId, id, index: { childIds: children.map((child) => child.childId) }, doc: Schema.encodeSync(Referral)(referral) }
}

/** Read models holding these rows, ordered by id, filtered as the store filters them. */
const holding = (rows: ReadonlyArray<ReadModelRow>) =>
  Layer.succeed(ReadModels, {
    get: (collection, authorityId, id) => Effect.succeed(rows.find((r) => r.collection === collection && r.authorityId === authorityId && r.id === id)),
    query: (query: ReadModelQuery) =>
      Effect.succeed(
        rows
          .filter((r) => r.collection === query.collection && r.authorityId === query.authorityId)
          .filter((r) => Object.entries(query.where ?? {}).every(([key, value]) => {
            const indexed = r.index[key]
            return Array.isArray(indexed) ? indexed.includes(value as string) : indexed === value
          }))
          .sort((a, b) => (a.id < b.id ? -1 : 1))
      )
  })

const down = Layer.succeed(ReadModels, {
  get: () => Effect.fail(new PersistenceError({ operation: "get", message: "The store is down" })),
  query: () => Effect.fail(new PersistenceError({ operation: "query", message: "The store is down" }))
})

const rows = [
  row("ref_2", "Nia Oduya"),
  row("ref_1", "Priya Ashdown", [robin], lincolnshire, "2027-01-05"),
  row("ref_6", "Jo Pellow", [robin], lincolnshire, "2027-09-01", "withdrawn"),
  row("ref_7", "Sam Corrie", [robin], lincolnshire, "2027-10-01", "redirected"),
  row("ref_3", "Kit Marram", [ash]),
  row("ref_4", "Wren Halloway", [robin], AuthorityId.make("north-somerset")),
  { ...row("ref_5", "Jo Pellow"), collection: "decisions" }
]

describe("whose case a decision, disagreement, sitting upload or placement is: the caseholders its notices name", () => {
  it.effect("a record's request, read from the read models, gives its social worker, team manager and the children's names", () =>
    Effect.gen(function* () {
      const known = yield* caseFor(lincolnshire, "ref_1")
      expect(known?.socialWorker?.name).toBe("Priya Ashdown")
      expect(known?.teamManager?.name).toBe("Tom Brackley")
      expect(known?.childNames).toEqual(["Robin Testwood"])
    }).pipe(Effect.provide(holding(rows)))
  )

  it.effect("no request, a request not found (or another authority's), or a store that fails: no case, so the notices fall back to role holders", () =>
    Effect.gen(function* () {
      expect(yield* caseFor(lincolnshire, undefined)).toBeUndefined()
      expect(yield* caseFor(lincolnshire, "ref_9")).toBeUndefined()
      expect(yield* caseFor(lincolnshire, "ref_4")).toBeUndefined()
      expect(yield* caseFor(lincolnshire, "ref_1").pipe(Effect.provide(down))).toBeUndefined()
      expect(yield* caseForChild(lincolnshire, "child-1").pipe(Effect.provide(down))).toBeUndefined()
    }).pipe(Effect.provide(holding(rows)))
  )

  it.effect("a row that does not read as a request is no case", () =>
    Effect.gen(function* () {
      const broken = { ...row("ref_1", "Priya Ashdown"), doc: { id: "ref_1", form: "unreadable" } }
      expect(yield* caseFor(lincolnshire, "ref_1").pipe(Effect.provide(holding([broken])))).toBeUndefined()
    })
  )

  it.effect("STAT-GDPR: a decision's or disagreement's case also holds the names its children's placements give (carers, s20 parents); a placement that does not read leaves the case unknown", () =>
    Effect.gen(function* () {
      // Robin placed with her aunt and uncle, accommodated under s20 on her mother's consent.
      const placement = fold(placementDecider, playOn(placed(), cmd("socialWorker", { _tag: "RecordS20Accommodation", record: { consents: [mother], childWishes } })))!
      const placementRow = (doc: unknown): ReadModelRow => ({ collection: "placements", authorityId: lincolnshire, id: placement.id, index: { childId: placement.childId }, doc })
      const named = yield* caseWithPlacementsFor(lincolnshire, "ref_1").pipe(Effect.provide(holding([...rows, placementRow(Schema.encodeSync(Placement)(placement))])))
      expect(named?.familyNames).toEqual(expect.arrayContaining(["Della Penrose", "Owain Penrose", "Dana Harrow"]))
      expect(named?.socialWorker?.name).toBe("Priya Ashdown")
      expect((yield* caseFor(lincolnshire, "ref_1").pipe(Effect.provide(holding([...rows, placementRow(Schema.encodeSync(Placement)(placement))]))))?.familyNames).toEqual([])
      expect(yield* caseWithPlacementsFor(lincolnshire, "ref_1").pipe(Effect.provide(holding([...rows, placementRow({ id: placement.id, status: "unreadable" })])))).toBeUndefined()
      expect(yield* caseWithPlacementsFor(lincolnshire, "ref_1").pipe(Effect.provide(down))).toBeUndefined()
    })
  )

  it.effect("STAT-GDPR: a placement's case also holds the names every placement of the child gives, ended ones too, with or without an open request; a placement that does not read, or no request naming the child, leaves it unknown", () =>
    Effect.gen(function* () {
      // Robin's earlier placement with her aunt and uncle, ended when she moved.
      const ended = fold(placementDecider, playOn(placed(), cmd("serviceManager", { _tag: "EndPlacement", reason: "child_moved" })))!
      const placementRow = (doc: unknown): ReadModelRow => ({ collection: "placements", authorityId: lincolnshire, id: ended.id, index: { childId: ended.childId }, doc })
      const named = yield* caseForChild(lincolnshire, "child-1").pipe(Effect.provide(holding([...rows, placementRow(Schema.encodeSync(Placement)(ended))])))
      expect(named?.familyNames).toEqual(expect.arrayContaining(["Della Penrose", "Owain Penrose"]))
      expect(named?.socialWorker?.name).toBe("Nia Oduya")
      expect(yield* caseForChild(lincolnshire, "child-1").pipe(Effect.provide(holding([...rows, placementRow({ id: ended.id, status: "unreadable" })])))).toBeUndefined()
      // Only a withdrawn request: no caseholder, but the request still names the child.
      expect(yield* caseForChild(lincolnshire, "child-1").pipe(Effect.provide(holding([row("ref_6", "Jo Pellow", [robin], lincolnshire, "2027-09-01", "withdrawn"), placementRow(Schema.encodeSync(Placement)(ended))])))).toEqual({
        childNames: ["Robin Testwood"],
        familyNames: ["Della Penrose", "Owain Penrose"]
      })
      // No request names the child: its name cannot be known, so its placement's free text cannot lose it.
      expect(yield* caseForChild(lincolnshire, "child-1").pipe(Effect.provide(holding([placementRow(Schema.encodeSync(Placement)(ended))])))).toBeUndefined()
      expect(yield* caseForChild(lincolnshire, "child-1").pipe(Effect.provide(holding([placementRow({ id: ended.id, status: "unreadable" })])))).toBeUndefined()
    })
  )

  it.effect("a placement knows only the child: its case is the child's newest open request at the authority (not a withdrawn or redirected one, not a sibling's)", () =>
    Effect.gen(function* () {
      expect((yield* caseForChild(lincolnshire, "child-1"))?.socialWorker?.name).toBe("Nia Oduya")
      expect((yield* caseForChild(lincolnshire, "child-2"))?.socialWorker?.name).toBe("Kit Marram")
      // No request at the authority names the child: no case, so no caseholder and the child's name cannot be known.
      expect(yield* caseForChild(lincolnshire, "child-9")).toBeUndefined()
      expect(yield* caseForChild(AuthorityId.make("knowsley"), "child-1")).toBeUndefined()
    }).pipe(Effect.provide(holding(rows)))
  )

  it.effect("STAT-GDPR: a placement's case takes the names of every request of the child, whatever its status: a name only an older or withdrawn request spells is taken out too", () =>
    Effect.gen(function* () {
      const renamed = { ...robin, fullName: "Robyn Testwood-Hale" }
      const known = yield* caseForChild(lincolnshire, "child-1").pipe(
        Effect.provide(holding([row("ref_2", "Nia Oduya"), row("ref_6", "Jo Pellow", [renamed, ash], lincolnshire, "2027-09-01", "withdrawn")]))
      )
      expect(known?.socialWorker?.name).toBe("Nia Oduya")
      expect(known?.childNames).toEqual(["Robin Testwood", "Robyn Testwood-Hale", "Ash Testwood"])
    })
  )

  it.effect("STAT-GDPR: a row of the child's requests that does not read leaves a placement's case unknown, not an older request's: the newest may name someone the older do not", () =>
    Effect.gen(function* () {
      const unreadable = { ...row("ref_8", "Jo Pellow", [robin], lincolnshire, "2027-11-01"), doc: { id: "ref_8", form: "unreadable" } }
      expect(yield* caseForChild(lincolnshire, "child-1").pipe(Effect.provide(holding([...rows, unreadable])))).toBeUndefined()
      expect((yield* caseForChild(lincolnshire, "child-2").pipe(Effect.provide(holding([...rows, unreadable]))))?.socialWorker?.name).toBe("Kit Marram")
    })
  )
})
