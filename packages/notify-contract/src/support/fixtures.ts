import { AuthorityId, type Notification, type Recipient } from "@carepanel/core"

/** The authority every notification of the suite belongs to: configure your endpoint or directory for it. */
export const contractAuthorityId = AuthorityId.make("contract-authority")

/** Who every notification of the suite is for: give this role an address in your directory. */
export const contractRecipients: ReadonlyArray<Recipient> = [{ _tag: "RoleHolder", role: "panel_administrator" }]

/** A fictional child. The body may name them; the subject, headers and URL never may. */
export const contractChild = "Robin Testwood"

/** Kinds core produces, one or two of each family; each goes out with the child's name in its body. */
export const contractKinds = [
  "referral.awaiting_approval",
  "sitting.agenda_published",
  "decision.final",
  "decision.amended",
  "disagreement.escalated",
  "placement.clocks_started",
  "clock.overdue"
] as const

let counter = 0

/**
 * A notification as core writes one: an id with the colons core's ids have, a headline safe for a subject line, body
 * lines that name the child, an act-by with its rule and facts holding ids only.
 */
export const contractNotification = (kind: string = contractKinds[0], overrides: Partial<Notification> = {}): Notification => {
  const n = ++counter
  return {
    id: `ref_${process.pid}_${n}:${kind}:2027-06-01T08:00:00.000Z:panel_administrator`,
    authorityId: contractAuthorityId,
    kind,
    recipients: contractRecipients,
    headline: `Panel request for child child-1 (accommodation under section 20) needs you (${kind}, NSO-2)`,
    body: [`Request ref_${n} is about ${contractChild}.`, `Open Carepanel to act on it for ${contractChild.split(" ")[0]}.`],
    actBy: { due: "2027-06-04T11:00:00.000Z", ruleId: "NSO-2", explanation: "The Head of Service authorises the request before the deadline" },
    facts: { referralId: `ref_${n}`, childIds: "child-1", ruleId: "NSO-2" },
    ...overrides
  }
}
