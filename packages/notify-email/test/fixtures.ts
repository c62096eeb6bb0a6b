import { AuthorityId, type Notification, PersonId } from "@carepanel/core"

export const authorityId = AuthorityId.make("north-somerset")

/** A fictional child: the name may appear in a body, never in a subject. */
export const CHILD = "Robin Testwood"

/** A request waiting for the team manager's approval, as core writes it, with the child named in a body line. */
export const notification = (overrides: Partial<Notification> = {}): Notification => ({
  id: "ref_42:approval:2027-06-01T08:00:00.000Z:0:team_manager",
  authorityId,
  kind: "referral.awaiting_approval",
  recipients: [
    { _tag: "Person", personId: PersonId.make("priya-ashdown"), name: "Priya Ashdown", email: "priya@example.gov.uk" },
    { _tag: "RoleHolder", role: "panel_administrator" }
  ],
  headline: "Panel request for child wx-child-42 (an edge-of-care resource) is waiting for the team manager's approval (NSO-2)",
  body: ["Request ref_42: an edge-of-care resource.", `Priya Ashdown wrote it about ${CHILD}.`],
  actBy: { due: "2027-06-04T11:00:00.000Z", ruleId: "NSO-3", explanation: "Requests reach the panel by 12:00 on the Friday before the sitting" },
  facts: { referralId: "ref_42", approverRole: "team_manager", ruleId: "NSO-2" },
  ...overrides
})
