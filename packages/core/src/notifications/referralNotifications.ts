import { formatInstant } from "../calendar/format.js"
import { citation, headlineCitation } from "../policy/citation.js"
import type { Notification } from "../ports/Notification.js"
import { requestTypeLabel } from "../policy/RequestType.js"
import type { Referral, ReferralState } from "../referral/Referral.js"
import type { ReferralEvent } from "../referral/ReferralEvents.js"
import type { Placement } from "../regulation24/Placement.js"
import { roleLabel } from "../shared/roles.js"
import { addressTo, factsOf, iso, personAs, roleHolder, teamManagerOf } from "./address.js"
import { caseOf, type NotificationContext, redactor, summary } from "./CaseContext.js"
import { recordName, sittingName } from "./recordName.js"

/** "1 child (id wx-1).", "2 children (ids wx-1, wx-2).", "0 children (ids none).": by id, never by name. */
const childrenById = (ids: ReadonlyArray<string>) => (ids.length === 1 ? `1 child (id ${ids[0]}).` : `${ids.length} children (ids ${ids.join(", ") || "none"}).`)

/** What every request notification says about the request: its types and children by id, never by name. */
const about = (referral: Referral): ReadonlyArray<string> => [
  `Request ${referral.id}: ${referral.form.requestTypes.map((type) => requestTypeLabel[type]).join("; ") || "type not given"}.`,
  childrenById(referral.form.children.map((child) => child.childId)),
  `Social worker: ${referral.form.socialWorker.name}.`
]

const requestFacts = (referral: Referral) => ({
  referralId: referral.id,
  panelId: referral.form.panelId,
  requestTypes: referral.form.requestTypes.join(","),
  childIds: referral.form.children.map((child) => child.childId).join(",")
})

const has = (events: ReadonlyArray<ReferralEvent>, ...tags: ReadonlyArray<ReferralEvent["_tag"]>) =>
  events.some((event) => tags.includes(event._tag))

/** Whether the commit's notices carry free text (a return's or a late permission's reason), from which names are taken out. */
export const carriesFreeText = (events: ReadonlyArray<ReferralEvent>): boolean => has(events, "ReturnedForChanges", "LatePermissionGranted")

/**
 * Who must act after a request's commit: the next approver while it waits for sign-off (SUP-4, NSO-2, LIN-3, KNO-6),
 * the administrator once it is ready for a sitting, the social worker when it comes back for changes, and the
 * administrator when a late request is let on (CPR-4). A refused late request is an error, not an event: nothing
 * is committed, so nothing is sent. `placements`, its children's Regulation 24 placements, give the names of connected
 * carers to take out of a reason too (`caseOf`). Matches `Aggregate.notifications`, with the placements.
 */
export const referralNotifications = (
  events: ReadonlyArray<ReferralEvent>,
  state: ReferralState,
  context: NotificationContext,
  placements: ReadonlyArray<Placement> = []
): ReadonlyArray<Notification> => {
  if (state === undefined) return []
  const referral = state
  const authorityId = referral.authorityId
  const known = caseOf(referral, placements)
  const redact = redactor(known.childNames, known.familyNames)
  const notifications: Notification[] = []
  const submittedAt = referral.submittedAt === undefined ? "never" : iso(referral.submittedAt)
  const named = recordName({ childIds: referral.form.children.map((child) => child.childId), requestTypes: referral.form.requestTypes }, referral.id)

  const next = referral.pendingApprovals[0]
  if (referral.status === "awaiting_approval" && next !== undefined && has(events, "ReferralSubmitted", "ReferralApproved")) {
    notifications.push(
      ...addressTo(
        authorityId,
        {
          // One per submission and step: a request returned and submitted again asks again.
          id: `${referral.id}:approval:${submittedAt}:${referral.approvals.length}`,
          kind: "referral.awaiting_approval",
          headline: `Panel request ${named} is waiting for the ${roleLabel[next.role]}'s approval (${headlineCitation(next.ruleId)})`,
          body: [...about(referral), `Approve it or return it for changes (${citation(next.ruleId, context.policy)}).`],
          facts: factsOf({ ...requestFacts(referral), approverRole: next.role, ruleId: next.ruleId })
        },
        [next.role === "team_manager" ? teamManagerOf(known) : roleHolder(next.role)]
      )
    )
  }

  if (referral.status === "ready" && referral.readyAt !== undefined && has(events, "ReferralSubmitted", "ReferralApproved")) {
    notifications.push(
      ...addressTo(
        authorityId,
        {
          id: `${referral.id}:ready:${iso(referral.readyAt)}`,
          kind: "referral.ready",
          headline: `Panel request ${named} is complete and approved, ready for a sitting`,
          body: [...about(referral), `Ready at ${formatInstant(referral.readyAt)}; put it on a sitting (${citation(context.policy.referral.submissionDeadline.ruleId, context.policy)}).`],
          facts: factsOf({ ...requestFacts(referral), readyAt: iso(referral.readyAt) })
        },
        [roleHolder("panel_administrator")]
      )
    )
  }

  for (const event of events) {
    if (event._tag === "ReturnedForChanges") {
      notifications.push(
        ...addressTo(
          authorityId,
          {
            id: `${referral.id}:returned:${iso(event.at)}`,
            kind: "referral.returned",
            headline: `Panel request ${named} was returned for changes`,
            body: [...about(referral), `Returned by ${event.by.name} (${roleLabel[event.by.role]}): ${summary(redact(event.reason))}`],
            facts: factsOf({ ...requestFacts(referral), returnedAt: iso(event.at) })
          },
          [personAs("social_worker", referral.form.socialWorker)]
        )
      )
    }
    if (event._tag === "LatePermissionGranted") {
      const rule = context.policy.referral.latePermission.ruleId
      const sitting = event.sitting === undefined ? `sitting ${event.sittingId}` : sittingName(context.policy, event.sitting)
      notifications.push(
        ...addressTo(
          authorityId,
          {
            id: `${referral.id}:late-permission:${event.sittingId}`,
            kind: "referral.late_permission_granted",
            headline: `Late panel request ${named} may be heard at ${sitting} (${headlineCitation(rule)})`,
            body: [
              ...about(referral),
              `${event.by.name} (${roleLabel[event.by.role]}) let it onto ${sitting} (${citation(rule, context.policy)}): ${summary(redact(event.reason))}`,
              "Accept it onto that sitting's agenda once it is complete and approved."
            ],
            facts: factsOf({ ...requestFacts(referral), sittingId: event.sittingId, ruleId: rule })
          },
          [roleHolder("panel_administrator")]
        )
      )
    }
  }
  return notifications
}
