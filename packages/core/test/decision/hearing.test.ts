import { describe, expect, it } from "@effect/vitest"
import type { ReferralCommand } from "../../src/referral/ReferralCommands.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import { DecisionId, DocumentId, ReferralId, SittingId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, completeForm, contextOf, london } from "../fixtures.js"

const staff = staffOf("care-planning")
const spec = deciderSpec(referralDecider, contextOf("care-planning"))
const cmd = (actor: keyof typeof staff, body: Record<string, unknown>, when = london("2027-06-09", "12:00")) =>
  ({ ...body, by: as(staff[actor]), at: when }) as ReferralCommand

/** A request ready for a sitting (Care Planning asks no sign-off before panel). */
const ready = spec.play([
  cmd("socialWorker", { _tag: "CreateDraft", referralId: ReferralId.make("ref_1"), form: completeForm("care-planning-and-resources") }, london("2027-06-01", "09:00")),
  cmd("socialWorker", { _tag: "RecordDocument", document: { documentId: DocumentId.make("doc-1"), kind: "referral_form", title: "Referral" } }, london("2027-06-01", "09:00")),
  cmd("socialWorker", { _tag: "Submit" }, london("2027-06-01", "09:00"))
])
const heard = (decision: string, outcome: "approve" | "decline" | "defer", sitting?: string) =>
  cmd("administrator", { _tag: "RecordHearing", decisionId: DecisionId.make(decision), outcome, ...(sitting ? { sittingId: SittingId.make(sitting) } : {}) })
const revised = (decision: string, outcome: "approve" | "decline" | "defer") => cmd("chair", { _tag: "ReviseHearing", decisionId: DecisionId.make(decision), outcome })

describe("referral decider: a decision heard on the request", () => {
  it("CPR-8: an approval decides the request; a deferral puts it back in line, off its sitting", () => {
    expect(spec.given(ready).when(heard("dec_1", "approve", "sit_1")).state()).toMatchObject({ status: "decided", sittingId: "sit_1", hearings: [{ decisionId: "dec_1", outcome: "approve" }] })
    const deferred = spec.given(ready).when(heard("dec_1", "defer", "sit_1")).state()!
    expect(deferred).toMatchObject({ status: "ready", hearings: [{ outcome: "defer", sittingId: "sit_1" }] })
    expect(deferred.sittingId).toBeUndefined()
  })

  it("the same decision told twice (a retried use case) changes nothing", () => {
    expect(spec.given(spec.play([heard("dec_1", "approve", "sit_1")], ready)).when(heard("dec_1", "approve", "sit_1")).events()).toEqual([])
  })

  it("CPR-8: a second decision on the request at the same sitting is refused, pointing to an amendment", () => {
    const refusal = spec.given(spec.play([heard("dec_1", "approve", "sit_1")], ready)).when(heard("dec_2", "decline", "sit_1")).refusal()
    expect(refusal).toMatchObject({
      _tag: "AlreadyHeard",
      decisionId: "dec_1",
      message: "This request already has a decision from this sitting (dec_1): amend that decision rather than record another."
    })
    expect(spec.given(spec.play([heard("dec_1", "defer", "sit_1")], ready)).when(heard("dec_2", "approve", "sit_2")).state()!.status).toBe("decided")
  })

  it("a withdrawn request cannot be decided", () => {
    const withdrawn = spec.play([cmd("socialWorker", { _tag: "Withdraw", reason: "Family moved away" })], ready)
    expect(spec.given(withdrawn).when(heard("dec_1", "approve", "sit_1")).refusal()).toMatchObject({
      _tag: "ReferralNotInStatus",
      message: "You cannot record a decision on this request: this request has been withdrawn."
    })
  })
})

describe("referral decider: a hearing revised by an amendment", () => {
  it("CPR-8: an approval amended to a deferral puts the request back in line for a later sitting", () => {
    const state = spec.given(spec.play([heard("dec_1", "approve", "sit_1")], ready)).when(revised("dec_1", "defer")).state()!
    expect(state).toMatchObject({ status: "ready", hearings: [{ decisionId: "dec_1", outcome: "defer", sittingId: "sit_1" }] })
    expect(state.sittingId).toBeUndefined()
  })

  it("CPR-8: a deferral amended to an approval decides the request at the sitting it was heard", () => {
    expect(spec.given(spec.play([heard("dec_1", "defer", "sit_1")], ready)).when(revised("dec_1", "approve")).state()).toMatchObject({ status: "decided", sittingId: "sit_1" })
  })

  it("the same outcome changes nothing; an earlier hearing revised is history and leaves the status to the latest", () => {
    const twice = spec.play([heard("dec_1", "defer", "sit_1"), heard("dec_2", "approve", "sit_2")], ready)
    expect(spec.given(twice).when(revised("dec_2", "approve")).events()).toEqual([])
    expect(spec.given(twice).when(revised("dec_1", "decline")).state()).toMatchObject({ status: "decided", hearings: [{ outcome: "decline" }, { outcome: "approve" }] })
  })

  it("refuses to revise a decision the request never heard", () => {
    expect(spec.given(ready).when(revised("dec_9", "defer")).refusal()).toMatchObject({ _tag: "NoSuchRecord", message: "This request has no hearing of decision dec_9." })
  })
})
