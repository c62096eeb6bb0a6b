import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { DateTime } from "effect"
import fc from "fast-check"
import { decisionAwaits } from "../../src/deadlines/awaiting.js"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import type { Decision } from "../../src/decision/Decision.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import { DecisionId } from "../../src/shared/ids.js"
import { fold } from "../../src/shared/decider.js"
import { at } from "../deadlines/fixtures.js"
import { contextOf, london } from "../fixtures.js"
import { decisionsAt, type Slug } from "./fixtures.js"

// When a later decision on the same request is recorded, the request's earlier decisions still waiting on a hearing
// are told of it (LaterHearingNoted). Told alone, without the later decisions beside it, an earlier decision's return
// to panel and its NSO-9 review come out exactly as from every decision on the request, and its `awaits` markers go
// once they are met: so the running deadlines stop reading it.

const later = (days: number, atPanel: boolean, n: number, heardAt: DateTime.Utc) => ({
  decisionId: DecisionId.make(`dec_again_${n}`),
  heardAt: DateTime.add(heardAt, { days }),
  atPanel
})

/** The decision recorded at the sitting of Wed 9 Jun 2027, then told of each later hearing, as the use case tells it. */
const toldOf = (slug: Slug, recorded: ReturnType<ReturnType<typeof decisionsAt>["recorded"]>, hearings: ReadonlyArray<{ readonly days: number; readonly atPanel: boolean }>) => {
  const spec = decisionsAt(slug)
  const entry = fold(decisionDecider, recorded) as Decision
  const notes = hearings.map(({ days, atPanel }, n) =>
    spec.cmd("administrator", { _tag: "NoteLaterHearing", hearing: later(days, atPanel, n, entry.heardAt) }, DateTime.add(entry.heardAt, { days, minutes: 30 }))
  )
  const told = fold(decisionDecider, spec.spec.play(notes, recorded)) as Decision
  const siblings = hearings.map(({ days, atPanel }, n): Decision => ({
    ...entry,
    id: later(days, atPanel, n, entry.heardAt).decisionId,
    heardAt: DateTime.add(entry.heardAt, { days }),
    // An agreement outside panel is a hearing once everyone needed has agreed it, and only then are decisions told of it.
    ...(atPanel ? {} : { madeAt: "outside_panel" as const, sittingId: undefined, status: "final" as const })
  }))
  return { entry, told, siblings }
}

const clockOf = (slug: Slug, decisions: ReadonlyArray<Decision>, entry: Decision, suffix: string) =>
  deadlinesOf({ referrals: [], sittings: [], decisions }, contextOf(slug), at(london("2027-12-01", "09:00"))).find((deadline) => deadline.id === `${entry.id}:${suffix}`)

const hearings = fc.array(fc.record({ days: fc.integer({ min: 1, max: 100 }), atPanel: fc.boolean() }), { maxLength: 4 })

describe("a decision told of its request's later hearings", () => {
  test.prop([hearings])("NSO-9: the review comes out as from every decision on the request, and the marker goes once it is met", (again) => {
    const nso = decisionsAt("north-somerset")
    const { entry, told, siblings } = toldOf("north-somerset", nso.recorded({ minutes: undefined, agreed: { preProceedings: true } }, ["pre_proceedings"]), again)
    const fromEveryDecision = clockOf("north-somerset", [entry, ...siblings], entry, "review:NSO-9")!
    const fromItself = clockOf("north-somerset", [told], told, "review:NSO-9")!
    expect({ state: fromItself.state, metAt: fromItself.metAt }).toEqual({ state: fromEveryDecision.state, metAt: fromEveryDecision.metAt })
    expect(decisionAwaits(told).includes("review:pre_proceedings")).toBe(fromItself.state !== "met")
  })

  test.prop([hearings])("LIN-5: accommodation agreed for six weeks is met by the first later hearing, of any kind; the marker goes with it", (again) => {
    const lin = decisionsAt("lincolnshire")
    const { entry, told, siblings } = toldOf("lincolnshire", lin.recorded(), again)
    const fromEveryDecision = clockOf("lincolnshire", [entry, ...siblings], entry, "accommodation-review")!
    const fromItself = clockOf("lincolnshire", [told], told, "accommodation-review")!
    expect({ state: fromItself.state, metAt: fromItself.metAt }).toEqual({ state: fromEveryDecision.state, metAt: fromEveryDecision.metAt })
    expect(decisionAwaits(told).includes("return")).toBe(again.length === 0)
  })

  it("NSO-9: an approval that ends pre-proceedings starts no review, and carries no review marker to be read by", () => {
    const nso = decisionsAt("north-somerset")
    const ended = fold(decisionDecider, nso.recorded({ minutes: undefined, agreed: { preProceedings: false } }, ["pre_proceedings"])) as Decision
    expect(clockOf("north-somerset", [ended], ended, "review:NSO-9")).toBeUndefined()
    expect(decisionAwaits(ended).filter((marker) => marker.startsWith("review:"))).toEqual([])
    const kept = fold(decisionDecider, nso.recorded({ minutes: undefined, agreed: { preProceedings: true } }, ["pre_proceedings"])) as Decision
    expect(decisionAwaits(kept)).toContain("review:pre_proceedings")
  })

  it("a hearing is noted once; one not after the decision is refused in words", () => {
    const nso = decisionsAt("north-somerset")
    const recorded = nso.recorded({ minutes: undefined, agreed: { preProceedings: true } }, ["pre_proceedings"])
    const entry = fold(decisionDecider, recorded) as Decision
    const note = (days: number) => nso.cmd("administrator", { _tag: "NoteLaterHearing", hearing: later(days, true, 0, entry.heardAt) })
    const once = nso.spec.play([note(63)], recorded)
    expect(nso.spec.given(once).when(note(63)).events()).toEqual([])
    expect((fold(decisionDecider, once) as Decision).laterHearings).toEqual([{ ...later(63, true, 0, entry.heardAt), reviewOf: ["pre_proceedings"] }])
    expect(nso.spec.given(recorded).when(note(0)).refusal().message).toBe("Only a hearing after the decision is a later hearing of its request.")
  })
})
