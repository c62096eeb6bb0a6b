import { AuthorityId, type Notification, PersonId } from "@carepanel/core"

export const authorityId = AuthorityId.make("north-somerset")

/** A fictional child: the name may appear in a body, never in a subject. */
export const CHILD = "Robin Testwood"

export const notification = (overrides: Partial<Notification> = {}): Notification => ({
  id: "referral-42.submitted",
  authorityId,
  kind: "referral.submitted",
  recipients: [
    { _tag: "Person", personId: PersonId.make("priya-ashdown"), name: "Priya Ashdown", email: "priya@example.gov.uk" },
    { _tag: "RoleHolder", role: "panel_administrator" }
  ],
  headline: "A request for the Resource Panel is ready for triage",
  body: [`Priya Ashdown submitted a request about ${CHILD}.`, "Open Carepanel to triage it."],
  actBy: { due: "2027-06-04T11:00:00.000Z", ruleId: "NSO-4", explanation: "Triage within two working days of submission." },
  facts: { referralId: "referral-42", childName: CHILD },
  ...overrides
})
