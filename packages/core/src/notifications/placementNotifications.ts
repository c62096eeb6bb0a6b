import { DateTime } from "effect"
import { formatInstant } from "../calendar/format.js"
import type { PlacementStep } from "../policy/DecisionPolicy.js"
import { citation, headlineCitation } from "../policy/citation.js"
import type { Notification } from "../ports/Notification.js"
import { placementStepRule, regulation24Of } from "../regulation24/placementRules.js"
import { familyNamedBy, type Placement, type PlacementState, visitedPlacementOf } from "../regulation24/Placement.js"
import { placementClocks } from "../regulation24/placementClocks.js"
import { visitClocks } from "../visits/visitClocks.js"
import type { PlacementEvent } from "../regulation24/PlacementEvents.js"
import type { ActedBy } from "../shared/actor.js"
import { type ActBy, actByClock, type Addressee, addressTo, clockNamed, earliest, factsOf, iso, personAs, roleHolder, teamManagerOf } from "./address.js"
import { type NotificationContext, redactor, withheldText } from "./CaseContext.js"
import { nominatedOfficerOf } from "./nominatedOfficer.js"

const placementFacts = (placement: Placement) =>
  factsOf({
    placementId: placement.id,
    childId: placement.childId,
    status: placement.status,
    urgent: placement.urgent,
    placedAt: placement.placement === undefined ? undefined : iso(placement.placement.placedAt),
    approvalExpiresAt: placement.approval === undefined ? undefined : iso(placement.approval.expiresAt)
  })

/**
 * The carers by relationship only: their names stay in Carepanel. A relationship is typed as free text ("Dana's
 * sister"), so it loses the names of the child and family the request form holds, of the people every placement of
 * the child names (the case's, `caseForChild`: of every request of the child, withdrawn ones too) and of those this
 * placement names (`familyNamedBy`: its carers, the parents who consented to s20). Without a case (no request names the
 * child, or a record could not be read) nobody knows which names to take out: the relationships are withheld, as a
 * decision's free text is.
 */
const carersLine = (placement: Placement, context: NotificationContext) => {
  if (placement.placement === undefined) return []
  const { carers, placedAt } = placement.placement
  const known = context.case
  if (known === undefined) return [`Placed at ${formatInstant(placedAt)} with connected-person carers: ${withheldText}.`]
  const redact = redactor(known.childNames, [...(known.familyNames ?? []), ...familyNamedBy(placement)])
  return [
    `Placed at ${formatInstant(placedAt)} with connected-person carers: ${carers
      .map((carer) => `${redact(carer.relationship)}${carer.hasParentalResponsibility ? " (parental responsibility)" : ""}`)
      .join(", ")}.`
  ]
}

/** The social worker of the case, or the social worker who recorded the step; and the team manager (LIN-16). */
const caseholders = (context: NotificationContext, by: ActedBy): ReadonlyArray<Addressee> => [
  ...(context.case?.socialWorker !== undefined
    ? [personAs("social_worker", context.case.socialWorker)]
    : by.role === "social_worker"
      ? [personAs("social_worker", by)]
      : []),
  teamManagerOf(context.case)
]

/**
 * Who must act after a connected-person placement's commit (LIN-14..18, STAT-R24): the Assistant Director to consent
 * to looked-after status when the basic test says Regulation 24 (LIN-14); when the child is under police protection and
 * placed or not, the social worker, team manager, locality service manager, head of service and nominated officer at
 * once, with the 72-hour limit (LIN-15, LIN-17, STAT-S46); on placement, the locality service manager
 * to authorise it (LIN-17, by the LIN-18 kinship clock it must precede) and the social worker and team manager with
 * every clock that started (LIN-16, LIN-18, STAT-R24 and its warning, the placement plan STAT-R9 and the first visit STAT-R28); the service manager again when the viability
 * assessment is in; the caseholders once it is authorised (LIN-18) or extended (STAT-R25-1).
 * Matches `Aggregate.notifications`.
 */
export const placementNotifications = (
  events: ReadonlyArray<PlacementEvent>,
  state: PlacementState,
  context: NotificationContext
): ReadonlyArray<Notification> => {
  if (state === undefined) return []
  const placement = state
  const clocks = placementClocks(placement, context.policy)
  const clock = (name: string): ActBy | undefined => {
    const spec = clockNamed(clocks, `${placement.id}:${name}`)
    return spec === undefined ? undefined : actByClock(spec, context)
  }
  // The placement plan's and the first visit's clocks (STAT-R9, STAT-R28) start with the placement too.
  const running = [...clocks, ...visitClocks(visitedPlacementOf(placement), context.calendar)]
    .filter((spec) => spec.metAt === undefined)
    .map((spec) => ({ spec, actBy: actByClock(spec, context) }))
  const send = (id: string, kind: string, headline: string, body: ReadonlyArray<string>, actBy: ActBy | undefined, to: ReadonlyArray<Addressee>) =>
    addressTo(placement.authorityId, { id: `${placement.id}:${id}`, kind, headline, body, actBy, facts: placementFacts(placement) }, to)
  const child = `child ${placement.childId}`
  const step = (name: PlacementStep) => placementStepRule(context.policy, name)
  const cite = (name: PlacementStep) => citation(step(name), context.policy)
  const citeInHeadline = (name: PlacementStep) => headlineCitation(step(name))
  const viability = regulation24Of(context.policy).viabilityAssessment?.clock
  const viabilityWithin = viability?._tag === "HoursAfter" ? ` before or within ${viability.hours} hours of it` : ""
  const notifications: Notification[] = []
  for (const event of events) {
    switch (event._tag) {
      case "BasicTestRecorded":
        if (!event.isRegulation24 || placement.lookedAfterConsent !== undefined) break
        notifications.push(
          ...send(
            "looked-after-consent",
            "placement.looked_after_consent_needed",
            `Regulation 24: consent to looked-after status for ${child} (${citeInHeadline("basicTest")})`,
            [`The basic test for ${child} says Regulation 24: the child becomes looked after with the Assistant Director's consent (${cite("basicTest")}).`],
            clock("looked-after-consent"),
            [roleHolder("assistant_director")]
          )
        )
        break
      case "PolicePowersRecorded": {
        // LIN-15: act now. Placing the child with carers does not end police protection (STAT-S46), so this goes out placed or not.
        const limit = clock("police-protection")
        if (!event.underPoliceProtection || event.since === undefined || limit === undefined) break
        notifications.push(
          ...send(
            "police-protection",
            "placement.police_protection",
            `Act now: ${child} is under police protection (${citeInHeadline("policeProtection")}, STAT-S46)`,
            [
              `Police protection began at ${formatInstant(event.since)} and lasts at most 72 hours, until ${formatInstant(DateTime.unsafeMake(limit.due))} (STAT-S46).`,
              `By then the child is returned home, accommodated under s20 with the recorded consent of a person with parental responsibility, or an emergency protection order or interim care order is obtained (STAT-S46). Placing the child with carers does not end police protection. Act immediately (${cite("policeProtection")}).`,
              `For a connected-person placement: the viability assessment${viabilityWithin} (${cite("viabilityAssessment")}), and the locality service manager's authorisation (${cite("authorisation")}).`
            ],
            limit,
            [...caseholders(context, event.by), roleHolder("service_manager"), roleHolder("head_of_service"), ...nominatedOfficerOf(context.policy)]
          )
        )
        break
      }
      case "PlacementMade":
        notifications.push(
          ...send(
            "authorise",
            "placement.authorisation_needed",
            `Regulation 24 placement of ${child} to authorise (${citeInHeadline("authorisation")})`,
            [
              ...carersLine(placement, context),
              `Authorise the placement on the viability assessment (${cite("authorisation")}); it then goes to the kinship team (${cite("kinshipReferral")}).`
            ],
            clock("kinship-referral"),
            [roleHolder("service_manager")]
          ),
          ...send(
            "placed",
            "placement.clocks_started",
            `Regulation 24 placement of ${child}: clocks started`,
            [...carersLine(placement, context), ...running.map(({ spec, actBy }) => `${spec.title}: ${actBy.explanation}.`)],
            earliest(running.map(({ actBy }) => actBy)),
            caseholders(context, event.by)
          )
        )
        break
      case "ViabilityAssessmentRecorded":
        if (placement.authorisation !== undefined) break
        notifications.push(
          ...send(
            "viability-recorded",
            "placement.authorisation_needed",
            `Viability assessment for ${child} is ready: authorise the placement (${citeInHeadline("authorisation")})`,
            [`The viability assessment was recorded at ${formatInstant(event.at)}${event.late ? `, late (${cite("viabilityAssessment")})` : ""}.`, ...carersLine(placement, context)],
            clock("kinship-referral"),
            [roleHolder("service_manager")]
          )
        )
        break
      case "PlacementAuthorised":
        if (placement.kinshipReferral !== undefined) break
        notifications.push(
          ...send(
            "authorised",
            "placement.authorised",
            `Regulation 24 placement of ${child} is authorised: refer to the kinship team (${citeInHeadline("kinshipReferral")})`,
            [`Authorised by ${event.by.name} (${cite("authorisation")}). Send the viability assessment and the carers' signed BACS form to the kinship team (${cite("kinshipReferral")}).`],
            clock("kinship-referral"),
            caseholders(context, event.by)
          )
        )
        break
      case "S20ConsentWithdrawn": {
        // STAT-S20-CONSENT, s20(8): the s20 basis has ended; the child may be held without one.
        const withdrawnAt = event.withdrawnAt ?? event.at
        const recordedLater = DateTime.Equivalence(withdrawnAt, event.at) ? "" : `, recorded ${formatInstant(event.at)}`
        notifications.push(
          ...send(
            "s20-consent-withdrawn",
            "placement.s20_consent_withdrawn",
            `Urgent: s20 consent withdrawn for ${child} (STAT-S20-CONSENT)`,
            [
              `Consent to s20 accommodation was withdrawn at ${formatInstant(withdrawnAt)}${recordedLater}: the s20 basis has ended (STAT-S20-CONSENT).`,
              "Return the child, agree accommodation afresh, or seek legal advice on an order today."
            ],
            undefined,
            [...caseholders(context, event.by), roleHolder("head_of_service"), roleHolder("service_manager")]
          )
        )
        break
      }
      case "ApprovalExtended":
        notifications.push(
          ...send(
            "extended",
            "placement.approval_extended",
            `Temporary approval for ${child} extended by ${event.weeks} weeks (STAT-R25-1)`,
            [`The temporary approval now ends at ${formatInstant(event.expiresAt)} (STAT-R25-1): approve the carers as foster carers or end the placement by then (STAT-R25-4).`],
            clock("approval-warning"),
            caseholders(context, event.by)
          )
        )
        break
      default:
        break
    }
  }
  return notifications
}
