import type { LocalDate } from "../calendar/LocalDate.js"
import type { Deadline } from "../deadlines/Deadline.js"
import type { Decision } from "../decision/Decision.js"
import type { Disagreement } from "../disagreement/Disagreement.js"
import type { Referral } from "../referral/Referral.js"
import type { Placement } from "../regulation24/Placement.js"
import type { PanelId, ReferralId } from "../shared/ids.js"
import type { Sitting } from "../sitting/Sitting.js"
import { type CaseContext, caseOf } from "./CaseContext.js"
import { newestOpenRequestOf } from "./newestOpenRequest.js"

/** What a clock notification needs to know beyond the deadline: the case it is about, and the sitting's panel. */
export interface ClockLookup {
  readonly caseOf: (about: Deadline["about"]) => CaseContext | undefined
  readonly panelOf: (about: Deadline["about"]) => PanelId | undefined
  /** The request a request's, decision's, action's or disagreement's clock belongs to (not a placement's or a child's: those are the child's). */
  readonly requestOf: (about: Deadline["about"]) => ReferralId | undefined
  /** A sitting's panel and date, for a headline that names the sitting as staff do (`sittingName`). */
  readonly sittingOf?: (about: Deadline["about"]) => { readonly panelId: PanelId; readonly date: LocalDate } | undefined
}

export interface ClockLookupInputs {
  readonly referrals: ReadonlyArray<Referral>
  readonly sittings?: ReadonlyArray<Sitting>
  readonly decisions?: ReadonlyArray<Decision>
  readonly disagreements?: ReadonlyArray<Disagreement>
  readonly placements?: ReadonlyArray<Placement>
}

/**
 * The case behind every clock, from the read models `deadlinesOf` ran on: a request is its own case; a decision,
 * its actions and a disagreement are the request's; a placement is the child's latest open request (a placement
 * names only the child), or no case when the child has none. A case takes the names its children's placements among
 * `placements` hold (`caseOf`): pass every placement of those children for all their carers' names to be taken out.
 */
export const clockLookup = ({ referrals, sittings = [], decisions = [], disagreements = [], placements = [] }: ClockLookupInputs): ClockLookup => {
  const referralById = new Map(referrals.map((referral) => [referral.id as string, referral]))
  const decisionById = new Map(decisions.map((decision) => [decision.id as string, decision]))
  const decisionByAction = new Map(decisions.flatMap((decision) => decision.content.actions.map((action) => [action.actionId as string, decision] as const)))
  const disagreementById = new Map(disagreements.map((disagreement) => [disagreement.id as string, disagreement]))
  const placementById = new Map(placements.map((placement) => [placement.id as string, placement]))
  const sittingById = new Map(sittings.map((sitting) => [sitting.id as string, sitting]))

  const requestOf = (about: Deadline["about"]): ReferralId | undefined => {
    switch (about.kind) {
      case "referral":
        return about.id as ReferralId
      case "decision":
        return decisionById.get(about.id)?.subject.referralId
      case "action":
        return decisionByAction.get(about.id)?.subject.referralId
      case "disagreement":
        return disagreementById.get(about.id)?.referralId
      default:
        return undefined
    }
  }

  const referralOf = (about: Deadline["about"]): Referral | undefined => {
    switch (about.kind) {
      case "referral":
      case "decision":
      case "action":
      case "disagreement":
        return referralById.get(requestOf(about) ?? "")
      case "placement": {
        const placement = placementById.get(about.id)
        return placement === undefined ? undefined : newestOpenRequestOf(referrals, placement.childId)
      }
      case "child":
        return newestOpenRequestOf(referrals, about.id)
      case "sitting":
        return undefined
    }
  }

  return {
    caseOf: (about) => {
      const referral = referralOf(about)
      return referral === undefined ? undefined : caseOf(referral, placements)
    },
    panelOf: (about) => (about.kind === "sitting" ? sittingById.get(about.id)?.panelId : undefined),
    requestOf,
    sittingOf: (about) => (about.kind === "sitting" ? sittingById.get(about.id) : undefined)
  }
}
