import { DateTime, Option } from "effect"
import { isNonEmptyReadonlyArray } from "effect/Array"
import { describeSharedFunding, formatDate, formatInstant, type FundingPartner, fundingPartnerLabel, londonDateOf, type Notification } from "@carepanel/core"
import { formatDue, type KindContent } from "../layout.js"
import { fact, roleFact, ruleFact } from "./facts.js"

const outcome = { approve: "approved", decline: "declined", defer: "deferred" } as const
const outcomeOf = (value: string) => (Object.hasOwn(outcome, value) ? outcome[value as keyof typeof outcome] : value)

/** The shared funding the panel found fits, as the core words it ("tripartite funding with ..."), from `fundingPartners`. */
const sharedFundingOf = (notification: Notification): string => {
  const partners = fact(notification, "fundingPartners", "")
    .split(",")
    .filter((partner): partner is FundingPartner => Object.hasOwn(fundingPartnerLabel, partner))
  return isNonEmptyReadonlyArray(partners) ? describeSharedFunding({ partners }) : "funding shared with partners not named"
}

/** The hearing that overtook a proposal outside panel, from `overtakenAt` and `overtakenAtPanel`, as the core words it. */
const heardAgainOf = (notification: Notification): string =>
  Option.match(DateTime.make(fact(notification, "overtakenAt", "")), {
    onNone: () => "the request was heard again",
    onSome: (at) =>
      notification.facts.overtakenAtPanel === true
        ? `the request was heard at the sitting on ${formatDate(londonDateOf(at))}`
        : `the request was decided outside panel at ${formatInstant(at)}`
  })

/** Panel decisions: waiting for sign-off or agreement, refused or lapsed, final, amended, and the Complex Needs Panel referral to come. */
export const decisionKinds: Readonly<Record<string, KindContent>> = {
  "decision.awaiting_sign_off": {
    happened: (n) =>
      `Panel decision ${fact(n, "decisionId")} on request ${fact(n, "referralId")} is waiting for ${
        fact(n, "signOffPersonId", "") === "" ? `the ${roleFact(n, "signOffRole", "signatory")}'s sign-off` : "your sign-off, as the person who chaired the sitting"
      }.`,
    toDo: () => "Check the decision sheet in Carepanel and sign it off. It is not final until every sign-off is in."
  },
  "decision.awaiting_agreement": {
    happened: (n) => `An urgent decision on request ${fact(n, "referralId")} was made outside panel and needs your agreement.`,
    toDo: () => "Read why it could not wait for panel, then record your agreement in Carepanel, or speak to the person who made it."
  },
  "decision.agreement_refused": {
    happened: (n, context) =>
      `The ${roleFact(n, "refusedRole", "approver")} refused to agree the urgent decision on request ${fact(n, "referralId")} made outside panel (${ruleFact(n, context)}): it has lapsed.`,
    toDo: () => "None of its actions is owed. Read why under Details; bring the request to a sitting, or ask for a new agreement outside panel if circumstances change."
  },
  "decision.lapsed": {
    happened: (n, context) =>
      `The urgent decision on request ${fact(n, "referralId")} made outside panel lapsed before it was agreed (${ruleFact(n, context)}): ${heardAgainOf(n)}.`,
    toDo: () =>
      "Nothing is to be agreed on it, and none of its actions is owed. If you still have the email asking for your agreement, set it aside: the decision made at the hearing stands."
  },
  "decision.final": {
    happened: (n) => `The decision on request ${fact(n, "referralId")} is final: ${outcomeOf(fact(n, "outcome"))}.`,
    toDo: () => "Carry out the actions under Details by their due dates, and record each one in Carepanel when it is done."
  },
  "decision.amended": {
    happened: (n) => `The decision on request ${fact(n, "referralId")} was amended; it is now ${outcomeOf(fact(n, "outcome"))}.`,
    toDo: () => "Read what changed and why under Details, and work to the decision as it now stands."
  },
  "decision.complex_needs_referral": {
    happened: (n, context) =>
      `Decision ${fact(n, "decisionId")} on request ${fact(n, "referralId")} is final and found that ${sharedFundingOf(n)} fits (${ruleFact(n, context)}): a referral to the Complex Needs Panel will follow.`,
    toDo: () =>
      "Keep the child's name and case number under Details for your records. The social worker will complete the referral template with SEN and health colleagues and send it to you."
  },
  "decision.sheet_uploaded": {
    happened: (n) =>
      `The final decision sheet of decision ${fact(n, "decisionId")} on request ${fact(n, "referralId")} was uploaded to child ${fact(n, "childId")}'s file on ${formatDue(fact(n, "uploadedAt"))}.`,
    toDo: () =>
      "Nothing, unless the copy on the child's file is missing or differs: the SHA-256 under Details identifies the PDF that was filed. Work to the decision as the sheet records it."
  }
}
