import { type AuthorityPolicy, Decisions, OwnRuleId, preset, Referrals, Sittings } from "@carepanel/core"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { decisionContentOf, decisionFields } from "../src/data/decisionContent.js"
import { upcomingSittings } from "../src/data/requests.js"
import { demoPolicy, keys, press, renderTui, seededCore, staff, type TestCore, typedDecision, waitFor } from "./support/harness.js"

// The demonstration authority as if it ran Care Planning's Complex Needs Panel referral (CPR-6), on its own seed.
const withReferral: AuthorityPolicy = {
  ...demoPolicy,
  decision: { ...demoPolicy.decision, complexNeedsReferral: preset("care-planning").decision.complexNeedsReferral! }
}
// The same, with the referral under a rule of the authority's own terms of reference (fictional).
const ownSource = "Wexcombe Children's Resource Panel, terms of reference (2027)"
const ownWords = "Care another service would share the cost of goes to the Complex Needs Panel."
const withOwnRule: AuthorityPolicy = {
  ...withReferral,
  ownRules: { source: ownSource, rules: { "WEX-9": ownWords } },
  decision: { ...withReferral.decision, complexNeedsReferral: { ...withReferral.decision.complexNeedsReferral!, ruleId: OwnRuleId.make("WEX-9") } }
}
const typed = typedDecision

const cores: Array<TestCore> = []
afterAll(() => Promise.all(cores.map((core) => core.runtime.dispose())))

/** The first item of the next sitting, with the sitting under way and the chair's quorum decision made. */
const sittingUnderWay = async (tui: TestCore, chair: typeof staff.chair) => {
  const [sitting] = await tui.runtime.runPromise(upcomingSittings(chair))
  tui.travelTo(new Date(sitting!.startsAt.epochMillis + 10 * 60_000))
  await tui.runtime.runPromise(Effect.flatMap(Sittings, (use) => use.confirmQuorum(chair, sitting!.id, true, "Chair and members present")))
  const request = await tui.runtime.runPromise(Effect.flatMap(Referrals, (use) => use.get(chair, sitting!.agenda[0]!.referralId)))
  return { sitting: sitting!, request }
}

describe("CPR-6's shared funding in meeting mode", () => {
  it("where the policy runs the Complex Needs Panel referral, the form offers it in the core's words and the decision records it", async () => {
    const tui = await seededCore(staff.administrator, withReferral)
    cores.push(tui)
    const { sitting, request } = await sittingUnderWay(tui, staff.chair)
    const { lastFrame, stdin, unmount } = renderTui(tui, { initial: { name: "meeting", sittingId: sitting.id } })
    await waitFor(lastFrame, "Not decided yet")
    await press(stdin, keys.enter)
    await waitFor(lastFrame, `Decision on ${request.id}`)
    for (const field of decisionFields(withReferral, request, typed)) {
      // Chosen with →: Health, Special Educational Needs, then both.
      if (field.key === "sharedFunding") {
        await press(stdin, keys.right)
        expect(await waitFor(lastFrame, "joint funding with Health")).toContain("(CPR-6)")
        await press(stdin, keys.right, keys.right)
        await waitFor(lastFrame, "tripartite funding with Special Educational Needs and Health")
      } else if (typed[field.key] !== undefined) await press(stdin, typed[field.key]!)
      await press(stdin, keys.enter)
    }
    await waitFor(lastFrame, `✓ Decision recorded on ${request.id}.`)
    expect(await waitFor(lastFrame, "Decided: approve")).toContain("Shared funding: tripartite funding with Special Educational Needs and Health")
    const [hearing] = (await tui.runtime.runPromise(Effect.flatMap(Referrals, (use) => use.get(staff.administrator, request.id)))).hearings
    const decision = await tui.runtime.runPromise(Effect.flatMap(Decisions, (use) => use.get(staff.administrator, hearing!.decisionId)))
    expect(decision.content.sharedFunding).toEqual({ partners: ["sen", "health"] })
    unmount()
  })

  it("where the referral is the authority's own rule, the form's hint cites it with its source and words, whole on an 80x24 screen", async () => {
    const tui = await seededCore(staff.administrator, withOwnRule)
    cores.push(tui)
    const { sitting, request } = await sittingUnderWay(tui, staff.chair)
    const { lastFrame, stdin, unmount } = renderTui(tui, { columns: 80, rows: 24, initial: { name: "meeting", sittingId: sitting.id } })
    await waitFor(lastFrame, "Not decided yet")
    await press(stdin, keys.enter)
    await waitFor(lastFrame, `Decision on ${request.id}`)
    for (const field of decisionFields(withOwnRule, request, typed)) {
      if (field.key === "sharedFunding") break
      if (typed[field.key] !== undefined) await press(stdin, typed[field.key]!)
      await press(stdin, keys.enter)
    }
    // The hint wraps beside the field, which stays whole: read the screen's words in order, without the form's border.
    const frame = await waitFor(lastFrame, "› Shared funding: ‹ none ›")
    expect(frame.replace(/[│\s]+/g, " ")).toContain(`(WEX-9, ${ownSource}, "${ownWords}") Review: back to panel within (weeks):`)
    unmount()
  })

  it("the demonstration authority runs no referral: the form does not ask, and shared funding sent anyway is the core's refusal", async () => {
    const tui = await seededCore()
    cores.push(tui)
    const { sitting, request } = await sittingUnderWay(tui, staff.chair)
    expect(decisionFields(tui.policy, request, typed).map((field) => field.key)).not.toContain("sharedFunding")
    const outcome = await tui.run(
      decisionContentOf(tui.policy, request, { ...typed, outcome: "decline", sharedFunding: "health" }, (index) => `act_${index}`).pipe(
        Effect.flatMap((content) => Effect.flatMap(Decisions, (use) => use.recordAtPanel(staff.chair, request.id, sitting.id, content)))
      )
    )
    expect(outcome).toEqual({
      ok: false,
      message:
        "This authority runs no Complex Needs Panel referral, so joint funding with Health cannot be recorded on the decision: leave it out, or add decision.complexNeedsReferral to the policy."
    })
  })
})
