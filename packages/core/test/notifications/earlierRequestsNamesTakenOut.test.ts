import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import { EventStore } from "../../src/ports/EventStore.js"
import type { Notification } from "../../src/ports/Notification.js"
import { Outbox } from "../../src/ports/Outbox.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { AuthorityId, ReferralId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { exampleForm } from "../../src/testing/exampleForm.js"
import { holderOf } from "../../src/testing/readyRequest.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { signOffAll } from "../../src/testing/signOffAll.js"
import { london } from "../fixtures.js"
import { onTheAgendaOfTheNinth } from "../readyRequest.js"
import { childId, setTime } from "../regulation24/fixtures.js"

// A child comes back to panel on a new request whose form leaves out someone an earlier request named (a father on the
// withdrawn request's parental history). Before, a decision's free text lost only the names its own request's form holds.

const lin = preset("lincolnshire")
const staff = staffOf("lincolnshire")
const robin = { id: childId, name: "Robin Oakes" }

/** A request for Robin drafted in May that lists her father Lee Marsh's conviction, then withdrawn. */
const withdrawnRequestNamingHerFather = Effect.gen(function* () {
  yield* setTime(london("2027-05-04", "09:00"))
  const referrals = yield* Referrals
  const form = exampleForm(lin.panels[0].id, "s20_accommodation", robin)
  const draft = yield* referrals.createDraft(staff.socialWorker, {
    ...form,
    parentalHistory: [{ parent: "Lee Marsh", kind: "criminal_conviction", date: "2019-03-04" as LocalDate, detail: "Assault" }]
  })
  yield* referrals.withdraw(staff.socialWorker, draft.id, "Robin went home to her mother")
})

/** Robin's June request, heard on 9 June: the decision's rationale names her father. Every email notice queued. */
const decisionNamingHerFather = Effect.gen(function* () {
  const { request, sitting } = yield* onTheAgendaOfTheNinth(lin, "s20_accommodation", robin, staff.chair)
  const content = {
    ...exampleDecision(lin, "s20_accommodation", "approve", { actionsDue: "2027-06-23" as LocalDate, key: "s20" }),
    rationale: "Lee Marsh must have no contact while Robin is accommodated"
  }
  const recorded = yield* (yield* Decisions).recordAtPanel(staff.administrator, request.id, sitting.id, content)
  yield* signOffAll(recorded, staff.chair, (role) => holderOf("lincolnshire", role))
  return (yield* (yield* Outbox).due("email", "2100-01-01T00:00:00.000Z", 1_000)).map((entry) => entry.notification)
})

const decisionBodies = (notices: ReadonlyArray<Notification>) => notices.filter((notice) => notice.kind.startsWith("decision."))

describe("names only an earlier request of the child gives", () => {
  it.effect("STAT-GDPR: a decision's rationale naming a father only the child's withdrawn request lists reaches no notice with his name", () =>
    Effect.gen(function* () {
      yield* withdrawnRequestNamingHerFather
      const notices = decisionBodies(yield* decisionNamingHerFather)
      expect(notices.flatMap((notice) => notice.body)).toContain("Rationale: a parent or carer must have no contact while the child is accommodated")
      for (const notice of notices) expect([notice.headline, ...notice.body].join("\n"), notice.kind).not.toMatch(/Lee|Marsh/)
    }).pipe(Effect.provide(inMemoryCore(lin)))
  )

  it.effect("STAT-GDPR: an earlier request row of the child's that cannot be read leaves the names unknown: the rationale is withheld", () =>
    Effect.gen(function* () {
      yield* setTime(london("2027-05-04", "09:00"))
      // A request row this version cannot read: it may list a parent the June form does not.
      const unreadable = { id: ReferralId.make("ref_older"), status: "archived", form: { children: [{ childId, fullName: "Robin Oakes" }], parentalHistory: [{ parent: "Lee Marsh" }] } }
      const stream = { authorityId: AuthorityId.make("lincolnshire"), streamType: "referral", id: unreadable.id }
      yield* (yield* EventStore).append({ stream, expectedVersion: 0, events: [], readModels: [{ collection: "referrals", authorityId: stream.authorityId, id: unreadable.id, index: { childIds: [childId] }, doc: unreadable }], notifications: [] })
      const notices = decisionBodies(yield* decisionNamingHerFather)
      const rationales = notices.flatMap((notice) => notice.body).filter((line) => line.startsWith("Rationale:"))
      expect(rationales.length).toBeGreaterThan(0)
      expect(new Set(rationales)).toEqual(new Set(["Rationale: (not shown here: read it in Carepanel)"]))
      for (const notice of notices) expect(notice.body.join("\n"), notice.kind).not.toMatch(/Lee|Marsh/)
    }).pipe(Effect.provide(inMemoryCore(lin)))
  )
})
