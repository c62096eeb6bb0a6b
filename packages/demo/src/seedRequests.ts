import { type Actor, type AuthorityPolicy, DocumentId, type Referral, Referrals, type RequestType, type Role } from "@carepanel/core"
import { exampleForm, type staffOf } from "@carepanel/core/testing"
import { Effect } from "effect"

/** Fictional children for the demonstration authority. None of them is a real child. */
export const fictionalChildren = [
  { id: "wx-child-01", name: "Ellis Marrow" },
  { id: "wx-child-02", name: "Noor Castleton" },
  { id: "wx-child-03", name: "Riley Ambrose" },
  { id: "wx-child-04", name: "Tegan Hollis" },
  { id: "wx-child-05", name: "Jude Penhallow" },
  { id: "wx-child-06", name: "Ari Whitcombe" },
  { id: "wx-child-07", name: "Lowen Trask" },
  { id: "wx-child-08", name: "Sunniva Pell" }
] as const

export type Staff = ReturnType<typeof staffOf>

export const holderOf = (staff: Staff, role: Role): Actor => Object.values(staff).find((actor) => actor.roles.includes(role))!

/** A draft with the papers the policy asks for; submitted and approved through every sign-off unless told to stop. */
export const makeRequest = (
  policy: AuthorityPolicy,
  staff: Staff,
  child: { readonly id: string; readonly name: string },
  requestType: RequestType,
  until: "draft" | "submitted" | "ready"
) =>
  Effect.gen(function* () {
    const referrals = yield* Referrals
    const draft = yield* referrals.createDraft(staff.socialWorker, exampleForm(policy.panels[0].id, requestType, child))
    if (until === "draft") return draft
    const documents = policy.referral.requiredDocuments.filter(
      (required) => required.forRequestTypes === undefined || required.forRequestTypes.includes(requestType)
    )
    for (const [i, required] of documents.entries()) {
      yield* referrals.recordDocument(staff.socialWorker, draft.id, {
        documentId: DocumentId.make(`${child.id}-doc-${i + 1}`),
        kind: required.kind,
        title: `${required.kind.replaceAll("_", " ")} (${child.id})`
      })
    }
    let referral: Referral = yield* referrals.submit(staff.socialWorker, draft.id)
    if (until === "submitted") return referral
    while (referral.status === "awaiting_approval") {
      referral = yield* referrals.approve(holderOf(staff, referral.pendingApprovals[0]!.role), referral.id)
    }
    return referral
  })
