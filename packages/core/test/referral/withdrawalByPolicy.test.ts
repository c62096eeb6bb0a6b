import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { presetInputs } from "../../src/policy/authorities/index.js"
import type { DocumentKind } from "../../src/policy/DocumentKind.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import type { ReferralCommand } from "../../src/referral/ReferralCommands.js"
import { DocumentId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, completeForm, contextOf, london } from "../fixtures.js"
import { referralId } from "./fixtures.js"

const staff = staffOf("support-panels")
const earlierProceedings = [{ parent: "Sam Testwood", kind: "care_proceedings", date: "2020-11-02", detail: "Older child removed under a care order" }]

/** Support Panels under its own policy, or with other roles in its withdrawal rule (a Carepanel default). */
const supportPanels = (withdrawal?: { readonly roles: ReadonlyArray<string> }) => {
  const input = presetInputs["support-panels"]
  const changed =
    withdrawal === undefined
      ? input
      : {
          ...input,
          referral: {
            ...input.referral,
            automaticProgression: { ruleId: "SUP-3", withdrawal: { ruleId: "DEF-PROGRESSION-WITHDRAWAL", roles: withdrawal.roles } }
          }
        }
  const spec = deciderSpec(referralDecider, { policy: Schema.decodeUnknownSync(AuthorityPolicy)(changed), calendar: englandAndWales })
  const cmd = (actor: keyof typeof staff, body: Record<string, unknown>) => ({ ...body, by: as(staff[actor]), at: london("2027-06-01", "09:00") }) as ReferralCommand
  const papers = input.referral.requiredDocuments.map(({ kind }) => kind as DocumentKind)
  /** Given a request recording a parent's earlier care proceedings (SUP-3), drafted, or submitted and approved. */
  const request = (submitted: boolean) =>
    spec.play([
      cmd("socialWorker", {
        _tag: "CreateDraft",
        referralId,
        form: completeForm("support-panel", { requestTypes: ["legal_planning_meeting"], parentalHistory: earlierProceedings } as never)
      }),
      ...papers.map((kind) => cmd("socialWorker", { _tag: "RecordDocument", document: { documentId: DocumentId.make(kind), kind, title: kind } })),
      ...(submitted ? [cmd("socialWorker", { _tag: "Submit" }), cmd("teamManager", { _tag: "Approve" })] : [])
    ])
  const withdraw = (submitted: boolean, actor: keyof typeof staff) =>
    spec.given(request(submitted)).when(cmd(actor, { _tag: "Withdraw", reason: "The family moved out of the area" }))
  return { withdraw }
}

describe("SUP-3: who may withdraw a request that goes to panel automatically, as the policy says", () => {
  it("SUP-3: a draft recording a parent's earlier care proceedings is refused to the social worker naming that reason, not convictions", () => {
    const refusal = supportPanels().withdraw(false, "socialWorker").refusal()
    expect(refusal).toMatchObject({ _tag: "NotPermitted", action: "withdraw a request that progresses to panel automatically" })
    expect(refusal.message).toContain("(SUP-3: A parent or caregiver was involved in care proceedings about a connected child)")
  })

  it("SUP-3, DEF-PROGRESSION-WITHDRAWAL given two roles: the team manager, holding one of them, withdraws it; the social worker still cannot", () => {
    const policy = supportPanels({ roles: ["team_manager", "service_manager"] })
    expect(policy.withdraw(true, "teamManager").events()).toMatchObject([{ _tag: "ReferralWithdrawn" }])
    expect(policy.withdraw(true, "socialWorker").refusal().message).toContain("only the team manager or service manager may withdraw it")
  })
})

describe("withdrawal where no request progresses automatically", () => {
  it("at Lincolnshire, whose policy makes nothing progress automatically, a request LIN-2 says must be presented (a parent's earlier care proceedings) is withdrawn by its social worker", () => {
    const lin = deciderSpec(referralDecider, contextOf("lincolnshire"))
    const linStaff = staffOf("lincolnshire")
    const cmd = (actor: keyof typeof linStaff, body: Record<string, unknown>) => ({ ...body, by: as(linStaff[actor]), at: london("2027-06-01", "09:00") }) as ReferralCommand
    const papers: DocumentKind[] = ["chronology", "genogram", "assessment", "direct_work", "family_safety_plan", "signs_of_safety_mapping"]
    const history = lin.play([
      cmd("socialWorker", { _tag: "CreateDraft", referralId, form: completeForm("support-panel", { parentalHistory: earlierProceedings } as never) }),
      ...papers.map((kind) => cmd("socialWorker", { _tag: "RecordDocument", document: { documentId: DocumentId.make(kind), kind, title: kind } })),
      cmd("socialWorker", { _tag: "Submit" })
    ])
    expect(history.find((event) => event._tag === "ReferralSubmitted")).toMatchObject({ criteria: [{ ruleId: "LIN-2", level: "must" }, { ruleId: "LIN-2", level: "should" }] })
    expect(lin.given(history).when(cmd("socialWorker", { _tag: "Withdraw", reason: "The family moved out of the area" })).events()).toMatchObject([{ _tag: "ReferralWithdrawn" }])
  })
})
