import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { formatDate } from "../../src/calendar/format.js"
import { Documents } from "../../src/documents/Documents.js"
import { type DocumentModel, textOf } from "../../src/documents/DocumentModel.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { AuthorityId, ChildId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { InMemoryAccessLog } from "../../src/testing/InMemoryAccessLog.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { playCase } from "../scenario/playCase.js"
import { signingStore } from "./fixtures.js"

// Lincolnshire's case played through every use case: a first sitting (approve with a member's dissent, defer, approve),
// the deferred request approved at the next sitting, an agreement outside panel and a Regulation 24 placement. Each
// document must take its own records out of all of them.
const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const authorityId = AuthorityId.make(policy.authority.id)
const signing = signingStore()
const played = Documents.Default.pipe(Layer.provideMerge(Layer.mergeAll(inMemoryCore(policy), signing.layer)), Layer.provideMerge(InMemoryAccessLog))
const asChair = { actor: staff.chair, identityGranted: false, purpose: "Documents" }
const sectionsOf = (document: DocumentModel, heading: string) => document.sections.filter((section) => section.heading === heading)

describe("documents out of a whole played case (Lincolnshire)", () => {
  it.effect("CPR-10: each sitting's minutes hold its own decisions and dissent, and no other sitting's", () =>
    Effect.gen(function* () {
      const result = yield* playCase(policy)
      const documents = yield* Documents
      const deferred = result.first.decisions[1]
      const first = yield* documents.minutes(asChair, result.first.sitting.id)
      expect(first.title).toBe(`Minutes: Support Panel, ${formatDate(result.first.sitting.date)}`)
      const [itemOne, itemTwo] = sectionsOf(first, "Items")[0]!.subsections!
      const decisionOf = (item: typeof itemOne) => item!.subsections!.find((section) => section.heading === "Decision")!.blocks[0]
      const dissentOf = (item: typeof itemOne) => item!.subsections!.find((section) => section.heading === "Dissent")!.blocks
      expect(decisionOf(itemOne)).toMatchObject({ rows: expect.arrayContaining([["Decision", "approved"]]) })
      expect(dissentOf(itemOne)).toMatchObject([{ rows: expect.arrayContaining([["Grounds", "The family network has not been explored"], ["Outcome", "decision upheld: Kinship options were explored at the FGC"]]) }])
      expect(decisionOf(itemTwo)).toMatchObject({ rows: expect.arrayContaining([["Decision", "deferred"]]) })
      expect(dissentOf(itemTwo)).toEqual([{ _tag: "Paragraph", text: "No member dissented." }])

      const second = yield* documents.minutes(asChair, result.secondDecision.sittingId!)
      const items = sectionsOf(second, "Items")[0]!.subsections!
      const heard = items.filter((item) => item.blocks.some((block) => block._tag === "Fields" && block.rows.some((row) => row[1] === `${deferred!.subject.referralId} (request)`)))
      expect(heard).toHaveLength(1)
      expect(decisionOf(heard[0])).toMatchObject({ rows: expect.arrayContaining([["Decision", "approved"]]) })
      expect(textOf(second).join("\n")).not.toContain("The family network has not been explored")
      const outcomes = items.flatMap((item) => item.subsections!.flatMap((section) => section.blocks.flatMap((block) => (block._tag === "Fields" ? block.rows.filter((row) => row[0] === "Decision").map((row) => row[1]) : []))))
      expect(outcomes).toEqual(["approved"])
    }).pipe(Effect.provide(played))
  )

  it.effect("NSO-8: a decision sheet takes its own sitting, request and dissent", () =>
    Effect.gen(function* () {
      const result = yield* playCase(policy)
      const documents = yield* Documents
      const [approved, deferred] = result.first.decisions
      const request = yield* (yield* Referrals).get(staff.socialWorker, deferred!.subject.referralId)
      const childOf = (decision: typeof approved) => decision!.subject.childIds[0]
      const again = yield* documents.decisionSheet(asChair, result.secondDecision.id, childOf(result.secondDecision))
      const secondSitting = result.agenda
      expect(again.subtitle).toBe(`Lincolnshire. Support Panel, ${formatDate(secondSitting.date)}. Decision ${result.secondDecision.id}.`)
      const child = request.form.children[0]!
      expect(again.sections[0]!.blocks[0]).toMatchObject({ rows: expect.arrayContaining([["Child", `${child.fullName} (${child.childId})`], ["Request", request.id], ["Asked", request.form.request]]) })
      expect(sectionsOf(again, "Dissent")).toEqual([])
      const dissented = yield* documents.decisionSheet(asChair, approved!.id, childOf(approved))
      expect(sectionsOf(dissented, "Dissent")[0]!.blocks).toMatchObject([{ rows: expect.arrayContaining([["Grounds", "The family network has not been explored"]]) }])
      const notHis = yield* Effect.flip(documents.decisionSheet(asChair, approved!.id, childOf(deferred)))
      expect(notHis).toMatchObject({ _tag: "NotFound" })
    }).pipe(Effect.provide(played))
  )

  it.effect("NSO-8: a court bundle seals and reads exactly the child's records: requests, decisions, dissents, placements, the statutory record", () =>
    Effect.gen(function* () {
      const result = yield* playCase(policy)
      const documents = yield* Documents
      const [approved, deferred] = result.first.decisions
      const bundleOf = (childId: string) => documents.courtBundle({ actor: staff.assistantDirector, identityGranted: false, purpose: "Bundle" }, ChildId.make(childId))
      const streamsSealed = () => signing.sealed.at(-1)!.map((stream) => `${stream.streamType}/${stream.id}`)

      const heardTwice = yield* bundleOf(deferred!.subject.childIds[0])
      expect(streamsSealed()).toEqual([`referral/${deferred!.subject.referralId}`, `decision/${deferred!.id}`, `decision/${result.secondDecision.id}`])
      expect(new Set(heardTwice.manifest.events.map((event) => event.streamId))).toEqual(new Set(signing.sealed.at(-1)!.map((stream) => `${authorityId}/${stream.streamType}/${stream.id}`)))
      expect(sectionsOf(heardTwice.document, "Decisions")[0]!.subsections!.map((section) => section.heading.split(":")[0])).toEqual([`Decision ${deferred!.id}`, `Decision ${result.secondDecision.id}`])

      yield* bundleOf(approved!.subject.childIds[0])
      expect(streamsSealed()).toEqual([`referral/${approved!.subject.referralId}`, `decision/${approved!.id}`, `disagreement/${result.resolved.id}`])

      const placement = result.placement.ended
      const placed = yield* bundleOf(placement.childId)
      expect(streamsSealed()).toEqual([`placement/${placement.id}`, `child-record/${placement.childId}`])
      // The placement made the child looked after: that statutory record is the child's too, sealed, shown with its clock.
      expect(placed.manifest.events.filter((event) => event.streamType === "child-record").map((event) => event.type)).toEqual(["ChildRecordOpened", "BecameLookedAfter"])
      expect(sectionsOf(placed.document, "Statutory record")[0]!.blocks[1]).toMatchObject({
        caption: "Periods of being looked after",
        rows: [["la-1", expect.any(String), "placed with connected persons under regulation 24", "still looked after", "", expect.stringMatching(/^Priya Ashdown, /)]]
      })
      expect(sectionsOf(placed.document, "Statutory clocks")[0]!.blocks[0]).toMatchObject({ rows: [["First looked-after review, chaired by the child's Independent Reviewing Officer", "STAT-R33", expect.any(String), expect.any(String), expect.any(String)]] })
      expect(sectionsOf(placed.document, "Placements and extensions")[0]!.subsections!.map((section) => section.heading)).toEqual([`Placement ${placement.id} (Regulation 24)`])
      expect(placed.document.subtitle).toMatch(/^Lincolnshire\. 0 request\(s\), 0 decision\(s\), 1 placement\(s\), \d+ recorded events\.$/)
    }).pipe(Effect.provide(played))
  )
})
