import { Effect } from "effect"
import type { AuthorityPolicy } from "../src/policy/AuthorityPolicy.js"
import type { RequestType } from "../src/policy/RequestType.js"
import type { Referral } from "../src/referral/Referral.js"
import { Referrals } from "../src/referral/Referrals.js"
import { DocumentId } from "../src/shared/ids.js"
import type { Role } from "../src/shared/roles.js"
import { staffOf } from "../src/testing/actors.js"
import { exampleForm } from "../src/testing/exampleForm.js"

/** A request for `type` about child `childId`, drafted by the social worker with its papers; made ready (submitted and approved) when `ready`. */
export const requestOf = (policy: AuthorityPolicy, type: RequestType, childId: string, ready: boolean) =>
  Effect.gen(function* () {
    const staff = staffOf(policy.authority.id)
    const holderOf = (role: Role) => Object.values(staff).find((actor) => actor.roles.includes(role))!
    const referrals = yield* Referrals
    const draft = yield* referrals.createDraft(staff.socialWorker, exampleForm(policy.panels[0]!.id, type, { id: childId, name: "Rowan Example" }))
    for (const [i, doc] of policy.referral.requiredDocuments.filter((doc) => doc.forRequestTypes === undefined || doc.forRequestTypes.includes(type)).entries()) {
      yield* referrals.recordDocument(staff.socialWorker, draft.id, { documentId: DocumentId.make(`${draft.id}-doc-${i}`), kind: doc.kind, title: doc.kind })
    }
    if (!ready) return draft
    let now: Referral = yield* referrals.submit(staff.socialWorker, draft.id)
    while (now.status === "awaiting_approval") now = yield* referrals.approve(holderOf(now.pendingApprovals[0]!.role), now.id)
    return now
  })
