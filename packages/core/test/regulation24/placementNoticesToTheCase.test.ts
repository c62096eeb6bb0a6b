import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, Schema } from "effect"
import type { Notification } from "../../src/ports/Notification.js"
import { type ReadModelRow, ReadModels } from "../../src/ports/ReadModels.js"
import { Referral } from "../../src/referral/Referral.js"
import { Placement } from "../../src/regulation24/Placement.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import { placementAggregate } from "../../src/regulation24/placementAggregate.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import type { PlacementEvent } from "../../src/regulation24/PlacementEvents.js"
import { fold } from "../../src/shared/decider.js"
import { AuthorityId, PersonId, PlacementId, ReferralId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, completeForm, contextOf, london } from "../fixtures.js"
import { cmd, identified, lincolnshire as lincolnshireSpec, placed, placedAt } from "./fixtures.js"

// A placement record knows only the child: who hears of it is found from the child's open request (its social worker
// and team manager), and falls back to the member of staff who recorded the step and the team manager's post.

const lincolnshire = AuthorityId.make("lincolnshire")

/**
 * Child 1's draft request (Robin Testwood), naming Nia Oduya as social worker (Tom Brackley, team manager), as the
 * referral read model holds it; `status` as it later became.
 */
const requestRow = (status: Referral["status"] = "draft"): ReadModelRow => {
  const form = completeForm("support-panel", { socialWorker: { personId: PersonId.make("nia-oduya"), name: "Nia Oduya" } })
  const draft = fold(
    referralDecider,
    deciderSpec(referralDecider, contextOf("lincolnshire")).play([
      { _tag: "CreateDraft", referralId: ReferralId.make("ref_1"), form, by: as(staffOf("lincolnshire").socialWorker), at: london("2027-03-20", "09:00") }
    ])
  )!
  return { collection: "referrals", authorityId: lincolnshire, id: "ref_1", index: { childIds: ["child-1"] }, doc: Schema.encodeSync(Referral)({ ...draft, status }) }
}

/** Read models holding the rows given; a query returns the rows of its collection and authority naming the child. */
const holding = (rows: ReadonlyArray<ReadModelRow>) =>
  Layer.succeed(ReadModels, {
    get: (collection, authorityId, id) => Effect.succeed(rows.find((row) => row.collection === collection && row.authorityId === authorityId && row.id === id)),
    query: (query) =>
      Effect.succeed(
        rows.filter(
          (row) =>
            row.collection === query.collection &&
            row.authorityId === query.authorityId &&
            Object.entries(query.where ?? {}).every(([key, value]) => {
              const indexed = row.index[key]
              return Array.isArray(indexed) ? indexed.includes(value as string) : indexed === value
            })
        )
      )
  })

/** The notices the placement's commit sends for the last event of `history`. */
const noticesOf = (history: ReadonlyArray<PlacementEvent>) =>
  placementAggregate.notifications!(history.slice(-1), fold(placementDecider, history), contextOf("lincolnshire"))

/** Who is told the placement's clocks have started: one notice each. */
const startedTo = (sent: ReadonlyArray<Notification>) => sent.filter((notice) => notice.kind === "placement.clocks_started").map((notice) => notice.recipients[0])

describe("who hears of a placement: the caseholders of the child's request (LIN-16)", () => {
  it.effect("LIN-16: the clocks started by the placement go to the social worker and team manager named on the child's request", () =>
    Effect.gen(function* () {
      const sent = yield* noticesOf(placed())
      expect(startedTo(sent)).toEqual([
        { _tag: "Person", personId: "nia-oduya", name: "Nia Oduya" },
        { _tag: "Person", personId: "tom-brackley", name: "Tom Brackley" }
      ])
    }).pipe(Effect.provide(holding([requestRow()])))
  )

  it.effect("LIN-16: with no request for the child, they go to the social worker who recorded the placement and the team manager's post", () =>
    Effect.gen(function* () {
      const sent = yield* noticesOf(placed())
      expect(startedTo(sent)).toEqual([
        { _tag: "Person", personId: "priya-ashdown", name: "Priya Ashdown" },
        { _tag: "RoleHolder", role: "team_manager" }
      ])
    }).pipe(Effect.provide(holding([])))
  )

  it.effect("LIN-14: a basic test that says Regulation 24 asks the Assistant Director to consent to looked-after status", () =>
    Effect.gen(function* () {
      const sent = yield* noticesOf(identified())
      expect(sent).toMatchObject([
        { kind: "placement.looked_after_consent_needed", headline: "Regulation 24: consent to looked-after status for child child-1 (LIN-14)", recipients: [{ _tag: "RoleHolder", role: "assistant_director" }] }
      ])
    }).pipe(Effect.provide(holding([requestRow()])))
  )
})

describe("what a placement's notices say of its carers when the child has another placement (STAT-GDPR)", () => {
  /** Robin's earlier placement (plc_0) with her aunt Della Penrose and her husband, as the placements read model holds it. */
  const earlierRow = (doc: unknown = Schema.encodeSync(Placement)({ ...fold(placementDecider, placed())!, id: PlacementId.make("plc_0") })): ReadModelRow => ({
    collection: "placements",
    authorityId: lincolnshire,
    id: "plc_0",
    index: { childId: "child-1" },
    doc
  })
  /** The service manager's notice to authorise a placement with the aunt's partner, whose relationship names her, and his mother (`relationship`). */
  const authoriseWithThePartner = (relationship = "partner's mother") =>
    noticesOf(
      lincolnshireSpec.play(
        [
          cmd("socialWorker", {
            _tag: "RecordPlacementMade",
            placedAt,
            carers: [
              { name: "Mel Quarry", relationship: "Della Penrose's partner", hasParentalResponsibility: false },
              { name: "Ada Quarry", relationship, hasParentalResponsibility: true }
            ]
          })
        ],
        identified()
      )
    ).pipe(Effect.map((sent) => sent.find((notice) => notice.kind === "placement.authorisation_needed")?.body[0]))

  it.effect("STAT-GDPR: with no open request for the child, a relationship naming the carer of the child's other placement, or the child as a withdrawn request names her, loses the name", () =>
    Effect.gen(function* () {
      expect(yield* authoriseWithThePartner("Robin's gran")).toBe("Placed at 10:00 Fri 26 Mar 2027 with connected-person carers: a parent or carer's partner, the child's gran (parental responsibility).")
    }).pipe(Effect.provide(holding([requestRow("withdrawn"), earlierRow()])))
  )

  it.effect("STAT-GDPR: with no request naming the child, the child's name cannot be known: the relationships are withheld", () =>
    Effect.gen(function* () {
      expect(yield* authoriseWithThePartner("Robin's gran")).toBe("Placed at 10:00 Fri 26 Mar 2027 with connected-person carers: (not shown here: read it in Carepanel).")
    }).pipe(Effect.provide(holding([earlierRow()])))
  )

  it.effect("STAT-GDPR: a placement of the child that cannot be read leaves the names unknown: the relationships are withheld", () =>
    Effect.gen(function* () {
      expect(yield* authoriseWithThePartner()).toBe("Placed at 10:00 Fri 26 Mar 2027 with connected-person carers: (not shown here: read it in Carepanel).")
    }).pipe(Effect.provide(holding([requestRow(), earlierRow({ id: "plc_0", status: "unreadable" })])))
  )
})
