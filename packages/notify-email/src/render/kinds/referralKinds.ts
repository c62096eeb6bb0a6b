import type { KindContent } from "../layout.js"
import { fact, roleFact } from "./facts.js"

/** Panel requests: waiting for approval, ready, returned, let on late. */
export const referralKinds: Readonly<Record<string, KindContent>> = {
  "referral.awaiting_approval": {
    happened: (n) => `Panel request ${fact(n, "referralId")} was submitted and is waiting for the ${roleFact(n, "approverRole", "approver")}'s approval.`,
    toDo: () => "Open the request in Carepanel, check it, then approve it or return it to the social worker with what must change."
  },
  "referral.ready": {
    happened: (n) => `Panel request ${fact(n, "referralId")} is complete and has every approval it needs.`,
    toDo: (n) => `Accept it onto the agenda of a sitting of panel ${fact(n, "panelId")}.`
  },
  "referral.returned": {
    happened: (n) => `Panel request ${fact(n, "referralId")} was returned to you for changes.`,
    toDo: () => "Read the reason under Details, change the request in Carepanel and submit it again."
  },
  "referral.late_permission_granted": {
    happened: (n) => `The chair let late panel request ${fact(n, "referralId")} be heard at sitting ${fact(n, "sittingId")}.`,
    toDo: () => "Accept it onto that sitting's agenda once it is complete and approved."
  }
}
