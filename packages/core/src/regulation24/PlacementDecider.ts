import { DateTime, Effect } from "effect"
import { formatInstant } from "../calendar/format.js"
import type { Calendar } from "../calendar/WorkingCalendar.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { PlacementStep } from "../policy/DecisionPolicy.js"
import { citation, citingEachOnce } from "../policy/citation.js"
import { actedBy, } from "../shared/authorise.js"
import type { Decider } from "../shared/decider.js"
import { evolvePlacement } from "./evolvePlacement.js"
import {
  currentExpiry,
  hasS20Basis,
  hasExpired,
  isRegulation24,
  isUnderPoliceProtection,
  type PlacementState,
  policeProtectionOutcomeLabel
} from "./Placement.js"
import { missingFromS20Consent } from "../s20/S20Consent.js"
import type { PlacementCommand } from "./PlacementCommands.js"
import {
  AlreadyRecorded,
  EndReasonNotApplicable,
  KinshipReferralIncomplete,
  NotYetHappened,
  PlacementAlreadyExists,
  type PlacementRefusal,
  PlacementEndRefused,
  PoliceProtectionOutcomeRefused,
  S20ConsentIncomplete,
  S20ConsentNeedsParentalResponsibility,
  ViabilityAssessmentNeeded
} from "./PlacementErrors.js"
import type { PlacementEvent } from "./PlacementEvents.js"
import { decideVisits } from "../visits/decideVisits.js"
import { decideExtension } from "./decideExtension.js"
import { s20AccommodationBeganAt, visitedPlacementOf } from "./Placement.js"
import { stepsAfterTheEnd } from "./stepsAfterTheEnd.js"
import { once, openStatuses, requireStatus, } from "./placementGuards.js"
import { isLate, originalExpiry, placementStepRule, regulation24Of } from "./placementRules.js"

export interface PlacementContext {
  readonly policy: AuthorityPolicy
  readonly calendar: Calendar
}

/** Types a command's events as placement events (so `_tag` literals stay literal). */
const emit = (...events: ReadonlyArray<PlacementEvent>): ReadonlyArray<PlacementEvent> => events

const decide = (
  command: PlacementCommand,
  state: PlacementState,
  { policy, calendar }: PlacementContext
): Effect.Effect<ReadonlyArray<PlacementEvent>, PlacementRefusal> =>
  Effect.gen(function* () {
    const audit = { by: actedBy(command.by), at: command.at }
    const rules = regulation24Of(policy)
    const step = (name: PlacementStep) => placementStepRule(policy, name)
    const cite = (name: PlacementStep) => citation(step(name), policy)
    switch (command._tag) {
      case "RecordBasicTest":
        if (state !== undefined) {
          return yield* new PlacementAlreadyExists({ placementId: command.placementId, message: `A placement with id ${command.placementId} already exists.` })
        }
        return emit({
          _tag: "BasicTestRecorded",
          placementId: command.placementId,
          authorityId: command.by.authorityId,
          childId: command.childId,
          answers: command.answers,
          isRegulation24: isRegulation24(command.answers),
          ...audit
        })
      case "RecordPolicePowers": {
        const placement = yield* requireStatus(state, openStatuses, "record police powers")
        yield* once(placement.policePowers, "police powers check")
        if (!command.underPoliceProtection) return emit({ _tag: "PolicePowersRecorded", underPoliceProtection: false, ...audit })
        const since = command.since ?? command.at
        if (DateTime.greaterThan(since, command.at)) {
          return yield* new NotYetHappened({ message: `Police protection cannot be recorded as starting at ${formatInstant(since)}, which is still to come.` })
        }
        return emit({ _tag: "PolicePowersRecorded", underPoliceProtection: true, since, ...audit })
      }
      case "RecordPoliceProtectionOutcome": {
        const placement = yield* requireStatus(state, [...openStatuses, "ended"], "record how police protection ended")
        const powers = placement.policePowers
        const refuse = (message: string) => new PoliceProtectionOutcomeRefused({ ruleId: "STAT-S46", message })
        if (powers?.underPoliceProtection !== true || powers.since === undefined) {
          return yield* refuse("The child is not recorded as under police protection: record police powers first (STAT-S46).")
        }
        const ended = placement.policeProtectionEnded
        if (ended !== undefined) {
          return yield* refuse(`Police protection already ended at ${formatInstant(ended.endedAt)}: ${policeProtectionOutcomeLabel[ended.outcome]} (STAT-S46).`)
        }
        const endedAt = command.endedAt ?? command.at
        if (DateTime.greaterThan(endedAt, command.at)) {
          return yield* new NotYetHappened({ message: `Police protection cannot be recorded as ending at ${formatInstant(endedAt)}, which is still to come.` })
        }
        if (DateTime.lessThan(endedAt, powers.since)) {
          return yield* refuse(`Police protection began at ${formatInstant(powers.since)}; it cannot have ended before, at ${formatInstant(endedAt)} (STAT-S46).`)
        }
        if (command.outcome === "accommodated_s20" && !hasS20Basis(placement)) {
          return yield* refuse(
            "Accommodation under s20 ends police protection only with the recorded consent of a person with parental responsibility: record the s20 accommodation with its consents first (STAT-S46, STAT-S20-CONSENT)."
          )
        }
        return emit({ _tag: "PoliceProtectionEnded", outcome: command.outcome, endedAt, ...audit })
      }
      case "RecordPlacementMade": {
        const placement = yield* requireStatus(state, openStatuses, "record the placement")
        yield* once(placement.placement, "placement with the carers")
        if (DateTime.greaterThan(command.placedAt, command.at)) {
          return yield* new NotYetHappened({ message: `A placement at ${formatInstant(command.placedAt)} has not happened yet: record it once it has.` })
        }
        const approvalExpiresAt = originalExpiry(policy, command.placedAt, calendar)
        return emit({ _tag: "PlacementMade", placedAt: command.placedAt, carers: command.carers, approvalExpiresAt, ...audit })
      }
      case "RecordViabilityAssessment": {
        const placement = yield* requireStatus(state, openStatuses, "record the viability assessment")
        yield* once(placement.viabilityAssessment, "viability assessment")
        const late = isLate(rules.viabilityAssessment, placement.placement?.placedAt, command.at, calendar)
        return emit({ _tag: "ViabilityAssessmentRecorded", late, ...audit })
      }
      case "AuthorisePlacement": {
        const placement = yield* requireStatus(state, openStatuses, "authorise the placement")
        yield* once(placement.authorisation, "service manager's authorisation")
        if (placement.viabilityAssessment === undefined) {
          return yield* new ViabilityAssessmentNeeded({
            ruleId: step("authorisation"),
            message: `The locality service manager authorises the placement on the viability assessment (${cite("authorisation")}): record the viability assessment first.`
          })
        }
        return emit({ _tag: "PlacementAuthorised", ...audit })
      }
      case "RecordKinshipReferral": {
        const placement = yield* requireStatus(state, openStatuses, "refer to the kinship team")
        yield* once(placement.kinshipReferral, "referral to the kinship team")
        const missing = [
          ...(command.bacsFormSigned ? [] : [{ item: "the BACS form signed by the carers", ruleId: step("kinshipReferral") }]),
          ...(placement.viabilityAssessment ? [] : [{ item: "the viability assessment", ruleId: step("viabilityAssessment") }]),
          ...(placement.authorisation ? [] : [{ item: "the locality service manager's authorisation", ruleId: step("authorisation") }])
        ]
        if (missing.length > 0) {
          const citeOnce = citingEachOnce(policy)
          return yield* new KinshipReferralIncomplete({
            missing,
            message: `The referral cannot go to the kinship team without ${missing.map((m) => `${m.item} (${citeOnce(m.ruleId)})`).join(", ")}.`
          })
        }
        const late = isLate(rules.kinshipReferral, placement.placement?.placedAt, command.at, calendar)
        return emit({ _tag: "KinshipReferralSent", late, ...audit })
      }
      case "RecordLookedAfterConsent": {
        const placement = yield* requireStatus(state, openStatuses, "record the Assistant Director's consent")
        yield* once(placement.lookedAfterConsent, "Assistant Director's consent to looked-after status")
        return emit({ _tag: "LookedAfterConsentGiven", ...audit })
      }
      case "RecordS20Consent": {
        const placement = yield* requireStatus(state, ["placed"], "record s20 consent")
        yield* once(placement.s20Consent, "s20 consent")
        const holders = placement.placement!.carers.filter((carer) => carer.hasParentalResponsibility).map((carer) => carer.name)
        const signedBy = [...new Set(command.signedBy.map((name) => name.trim()))]
        const notEligible = signedBy.filter((name) => !holders.includes(name))
        const [first, ...rest] = signedBy
        if (holders.length === 0 || first === undefined || notEligible.length > 0) {
          return yield* new S20ConsentNeedsParentalResponsibility({
            ruleId: step("basicTest"),
            notEligible,
            message:
              holders.length === 0
                ? `None of the carers holds parental responsibility, so nobody here can sign s20 consent (${cite("basicTest")}).`
                : first === undefined
                  ? `Name the carers with parental responsibility who signed s20 consent (${cite("basicTest")}): ${holders.join(", ")}.`
                  : `Only carers with parental responsibility sign s20 consent (${cite("basicTest")}); not recorded as such: ${notEligible.join(", ")}.`
          })
        }
        return emit({ _tag: "S20ConsentSigned", signedBy: [first, ...rest], ...audit })
      }
      case "RecordS20Accommodation": {
        // Police protection outlives the placement (STAT-S46): while it runs, s20 accommodation agreed after the
        // placement ended is recorded, since only with it can police protection end as "accommodated under s20".
        const placement = yield* requireStatus(
          state,
          state !== undefined && isUnderPoliceProtection(state) ? [...openStatuses, "ended"] : openStatuses,
          "record s20 accommodation"
        )
        if (hasS20Basis(placement)) {
          return yield* new AlreadyRecorded({ what: "s20 accommodation", message: `The s20 accommodation was already recorded at ${formatInstant(placement.s20Accommodation!.at)}.` })
        }
        const missing = missingFromS20Consent(command.record, command.at)
        const [first, ...rest] = command.record.consents
        if (missing.length > 0 || first === undefined || command.record.childWishes === undefined) {
          return yield* new S20ConsentIncomplete({
            ruleId: "STAT-S20-CONSENT",
            missing: [...missing],
            message: `The child cannot be accommodated under s20 until the consent record shows: ${missing.join("; ")} (STAT-S20-CONSENT).`
          })
        }
        return emit({ _tag: "S20AccommodationRecorded", consents: [first, ...rest], childWishes: command.record.childWishes, ...audit })
      }
      case "RecordS20ConsentWithdrawn": {
        const placement = yield* requireStatus(state, [...openStatuses, "ended"], "record s20 consent withdrawn")
        if (!hasS20Basis(placement)) {
          return yield* new S20ConsentIncomplete({
            ruleId: "STAT-S20-CONSENT",
            missing: [],
            message: "There is no s20 consent in force to withdraw: record the s20 accommodation first (STAT-S20-CONSENT)."
          })
        }
        const withdrawnBy = command.withdrawnBy.trim()
        if (withdrawnBy === "") {
          return yield* new S20ConsentIncomplete({ ruleId: "STAT-S20-CONSENT", missing: ["who withdrew consent"], message: "Name the person with parental responsibility who withdrew consent (STAT-S20-CONSENT)." })
        }
        const withdrawnAt = command.withdrawnAt ?? command.at
        if (DateTime.greaterThan(withdrawnAt, command.at)) {
          return yield* new NotYetHappened({ message: `Consent to s20 accommodation cannot be recorded as withdrawn at ${formatInstant(withdrawnAt)}, which is still to come.` })
        }
        const began = s20AccommodationBeganAt(placement)!
        if (DateTime.lessThan(withdrawnAt, began)) {
          return yield* new NotYetHappened({
            message: `The s20 accommodation began at ${formatInstant(began)}: consent cannot have been withdrawn before it, at ${formatInstant(withdrawnAt)} (STAT-S20-CONSENT).`
          })
        }
        return emit({ _tag: "S20ConsentWithdrawn", withdrawnBy, withdrawnAt, ...audit })
      }
      case "RecordPlacementReconsidered":
      case "RecordFosteringPanelViewsSought":
      case "RecordIroInformed":
      case "ExtendApproval":
      case "ExtendPendingReview":
      case "RecordIndependentReviewOutcome":
        return yield* decideExtension(command, state, { policy, calendar }, audit)
      case "EndPlacement": {
        const placement = yield* requireStatus(state, openStatuses, "end this placement")
        const placedAt = placement.placement?.placedAt
        const endedAt = command.endedAt ?? command.at
        if (DateTime.greaterThan(endedAt, command.at)) {
          return yield* new NotYetHappened({ message: `The placement cannot be recorded as ending at ${formatInstant(endedAt)}, which is still to come.` })
        }
        if (placedAt !== undefined && DateTime.lessThan(endedAt, placedAt)) {
          return yield* new NotYetHappened({
            message: `The child was placed at ${formatInstant(placedAt)}: the placement cannot end before it started, at ${formatInstant(endedAt)}.`
          })
        }
        // Not placed: the placement began with the basic test (a placed child may have been placed before it was recorded).
        if (placedAt === undefined && DateTime.lessThan(endedAt, placement.basicTest.at)) {
          return yield* new NotYetHappened({
            message: `The placement was identified at ${formatInstant(placement.basicTest.at)}: it cannot end before it began, at ${formatInstant(endedAt)}.`
          })
        }
        const stepsAfter = stepsAfterTheEnd(placement, endedAt)
        if (stepsAfter.length > 0) {
          return yield* new PlacementEndRefused({
            stepsAfter: [...stepsAfter],
            message: `The placement cannot have ended at ${formatInstant(endedAt)}: ${stepsAfter.join(", ")} ${stepsAfter.length === 1 ? "is" : "are"} recorded on it after that. Correct that first, or give a later end.`
          })
        }
        if (command.reason === "approved_as_foster_carer" && placement.status !== "placed") {
          return yield* new EndReasonNotApplicable({ message: "The child was never placed with these carers, so the placement cannot end with their approval as foster carers." })
        }
        if (command.reason === "approval_expired_child_moved" && !(placement.approval && hasExpired(placement.approval, endedAt))) {
          const expiry = placement.approval && currentExpiry(placement.approval)
          return yield* new EndReasonNotApplicable({
            ruleId: "STAT-R25-4",
            message: `The temporary approval has not expired${
              placement.approval === undefined ? "" : expiry === undefined ? ": it runs until the independent review's outcome" : `: it runs until ${formatInstant(expiry)}`
            }. If the child moved anyway, the reason is "child moved" (STAT-R25-4).`
          })
        }
        return emit({ _tag: "PlacementEnded", reason: command.reason, endedAt, ...audit })
      }
      case "RecordVisit":
      case "RecordPlacementPlan":
      case "RecordFirstReview": {
        const placement = yield* requireStatus(state, [...openStatuses, "ended"], "record a visit, placement plan or review")
        return yield* decideVisits(command, visitedPlacementOf(placement), { ...audit, open: placement.status !== "ended" })
      }
    }
  })

export const placementDecider: Decider<PlacementCommand, PlacementEvent, PlacementState, PlacementRefusal, PlacementContext> = {
  initialState: undefined,
  evolve: evolvePlacement,
  decide
}
