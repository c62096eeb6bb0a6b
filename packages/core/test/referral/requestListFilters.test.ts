import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import { EnglandAndWalesCalendar } from "../../src/calendar/englandAndWales.js"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { preset } from "../../src/policy/authorities/index.js"
import { ReadModels } from "../../src/ports/ReadModels.js"
import { referralCollection } from "../../src/referral/referralAggregate.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { ChildId, DocumentId, PanelId, TeamId } from "../../src/shared/ids.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { InMemoryStoreLayer } from "../../src/testing/InMemoryStore.js"
import { SequentialIds } from "../../src/testing/SequentialIds.js"
import { staticPolicies } from "../../src/testing/StaticPolicies.js"
import { completeForm, london } from "../fixtures.js"

// The requests list (the API's `referrals` query) filters on the fields the read model files each request under:
// its status, sitting, children, team, panel and types. A field filed wrongly hides the request from that list.

const core = Layer.mergeAll(Referrals.Default, Sittings.Default).pipe(
  Layer.provideMerge(Layer.mergeAll(InMemoryStoreLayer, SequentialIds, staticPolicies(preset("care-planning")), EnglandAndWalesCalendar))
)
const cpr = staffOf("care-planning")
const panelId = PanelId.make("care-planning-and-resources")
const robin = completeForm(panelId).children[0]!
const alex = { ...robin, childId: ChildId.make("child-2"), fullName: "Alex Testwood" }

describe("the requests list finds a request by what it is filed under", () => {
  it.effect("given Robin and Alex's request from the north team on the 9 June agenda and another team's draft, then each filter finds the right one", () =>
    Effect.gen(function* () {
      const [referrals, sittings, readModels] = yield* Effect.all([Referrals, Sittings, ReadModels])
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      const sitting = yield* sittings.schedule(cpr.administrator, panelId, "2027-06-09" as LocalDate)
      const siblings = yield* referrals.createDraft(
        cpr.socialWorker,
        completeForm(panelId, { teamId: TeamId.make("team-north"), children: [robin, alex] })
      )
      yield* referrals.recordDocument(cpr.socialWorker, siblings.id, { documentId: DocumentId.make("form"), kind: "referral_form", title: "Referral form" })
      yield* referrals.submit(cpr.socialWorker, siblings.id)
      yield* referrals.acceptOntoSitting(cpr.administrator, siblings.id, sitting.id)
      const other = yield* referrals.createDraft(
        cpr.socialWorker,
        completeForm(panelId, { teamId: TeamId.make("team-south"), requestTypes: ["edge_of_care_resource"] })
      )

      const found = (where: Record<string, string>) =>
        readModels
          .query({ collection: referralCollection, authorityId: cpr.administrator.authorityId, where })
          .pipe(Effect.map((rows) => rows.map((row) => row.id)))
      expect(yield* found({ status: "accepted" })).toEqual([siblings.id])
      expect(yield* found({ status: "draft" })).toEqual([other.id])
      expect(yield* found({ sittingId: sitting.id })).toEqual([siblings.id])
      expect(yield* found({ childIds: "child-2" })).toEqual([siblings.id])
      expect(yield* found({ teamId: "team-north" })).toEqual([siblings.id])
      expect(yield* found({ teamId: "team-south" })).toEqual([other.id])
      expect(yield* found({ requestTypes: "s20_accommodation" })).toEqual([siblings.id])
      expect(yield* found({ requestTypes: "edge_of_care_resource" })).toEqual([other.id])
      expect(yield* found({ panelId })).toEqual([siblings.id, other.id])
    }).pipe(Effect.provide(core))
  )
})
