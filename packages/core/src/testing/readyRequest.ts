import { Effect } from "effect"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { RequestType } from "../policy/RequestType.js"
import type { Referral } from "../referral/Referral.js"
import { Referrals } from "../referral/Referrals.js"
import { DocumentId } from "../shared/ids.js"
import type { Role } from "../shared/roles.js"
import { staffOf } from "./actors.js"
import { exampleForm } from "./exampleForm.js"

/** The member of the authority's test staff who holds `role`. */
export const holderOf = (authorityId: string, role: Role) => Object.values(staffOf(authorityId)).find((actor) => actor.roles.includes(role))!

/**
 * A request for `type` about `child` to the authority's first panel, drafted by the social worker with every paper the
 * policy asks for; then, unless `draft`, submitted and approved by each approver in turn: ready for a sitting.
 */
export const requestWithPapers = (policy: AuthorityPolicy, type: RequestType, child: { readonly id: string; readonly name: string }, options: { readonly draft?: boolean } = {}) =>
  Effect.gen(function* () {
    const staff = staffOf(policy.authority.id)
    const referrals = yield* Referrals
    const draft = yield* referrals.createDraft(staff.socialWorker, exampleForm(policy.panels[0].id, type, child))
    const papers = policy.referral.requiredDocuments.filter((required) => required.forRequestTypes === undefined || required.forRequestTypes.includes(type))
    for (const [i, required] of papers.entries()) {
      yield* referrals.recordDocument(staff.socialWorker, draft.id, { documentId: DocumentId.make(`${draft.id}-doc-${i}`), kind: required.kind, title: `${required.kind} for ${child.id}` })
    }
    if (options.draft === true) return draft
    let referral: Referral = yield* referrals.submit(staff.socialWorker, draft.id)
    while (referral.status === "awaiting_approval") referral = yield* referrals.approve(holderOf(policy.authority.id, referral.pendingApprovals[0]!.role), referral.id)
    return referral
  })
