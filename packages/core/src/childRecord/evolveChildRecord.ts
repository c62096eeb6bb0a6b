import { DateTime } from "effect"
import type { ChildRecordState } from "./ChildRecord.js"
import type { ChildRecordEntryWithdrawn, ChildRecordEvent } from "./ChildRecordEvents.js"
import type { EmergencyProtectionOrder } from "./EmergencyProtectionOrder.js"
import type { LookedAfterPeriod } from "./LookedAfter.js"
import { noProceedings, type Proceedings } from "./Proceedings.js"
import { noSecureAccommodation, type SecureAccommodation } from "./SecureAccommodation.js"
import { standingEntries } from "./withdrawnEntries.js"

const updateOrder = (state: NonNullable<ChildRecordState>, orderId: string, update: (order: EmergencyProtectionOrder) => EmergencyProtectionOrder) => ({
  ...state,
  emergencyProtectionOrders: state.emergencyProtectionOrders.map((order) => (order.orderId === orderId ? update(order) : order))
})

const updateSecure = (state: NonNullable<ChildRecordState>, update: (secure: SecureAccommodation) => SecureAccommodation) => ({
  ...state,
  secureAccommodation: update(state.secureAccommodation)
})

const updateProceedings = (state: NonNullable<ChildRecordState>, update: (proceedings: Proceedings) => Proceedings) => ({
  ...state,
  proceedings: update(state.proceedings)
})

const updatePeriod = (state: NonNullable<ChildRecordState>, periodId: string, update: (period: LookedAfterPeriod) => LookedAfterPeriod) => ({
  ...state,
  lookedAfter: state.lookedAfter.map((period) => (period.periodId === periodId ? update(period) : period))
})

/**
 * Folds one event into the child's record, keeping it among the record's entries. Total: an event that does not fit
 * leaves the state as it was. A withdrawal reads the record again from the entries that still stand, so from then on
 * it is as if the withdrawn entry had never been made; the entries keep both, and the record lists the withdrawal.
 */
export const evolveChildRecord = (state: ChildRecordState, event: ChildRecordEvent): ChildRecordState => {
  const entries = [...(state?.entries ?? []), event]
  if (event._tag !== "ChildRecordEntryWithdrawn") {
    const next = evolveFact(state, event)
    return next === undefined ? next : { ...next, entries }
  }
  const reread = standingEntries(entries).reduce(evolveFact, undefined)
  return reread === undefined ? reread : { ...reread, entries, withdrawals: [...(state?.withdrawals ?? []), event] }
}

const evolveFact = (state: ChildRecordState, event: Exclude<ChildRecordEvent, ChildRecordEntryWithdrawn>): ChildRecordState => {
  if (event._tag === "ChildRecordOpened") {
    return { childId: event.childId, authorityId: event.authorityId, emergencyProtectionOrders: [], secureAccommodation: noSecureAccommodation, proceedings: noProceedings, legalStatuses: [], lookedAfter: [] }
  }
  if (state === undefined) return state
  const recorded = { by: event.by, at: event.at }
  switch (event._tag) {
    case "EmergencyProtectionOrderMade":
      return {
        ...state,
        emergencyProtectionOrders: [
          ...state.emergencyProtectionOrders,
          { orderId: event.orderId, madeAt: event.madeAt, days: event.days, endsAt: event.endsAt, ...recorded }
        ]
      }
    case "EmergencyProtectionOrderExtended":
      return updateOrder(state, event.orderId, (order) => ({ ...order, extension: { days: event.days, from: event.from, endsAt: event.endsAt, extendedAt: event.extendedAt ?? event.at, ...recorded } }))
    case "EmergencyProtectionOrderEnded":
      return updateOrder(state, event.orderId, (order) => ({ ...order, ended: { outcome: event.outcome, endedAt: event.endedAt, ...recorded } }))
    case "DateOfBirthRecorded":
      return { ...state, dateOfBirth: event.dateOfBirth }
    case "ChildDeathRecorded":
      return { ...state, diedOn: event.diedOn }
    case "SecureAccommodationStarted":
      return updateSecure(state, (secure) => ({
        ...secure,
        periods: [...secure.periods, { periodId: event.periodId, startedAt: event.startedAt, ...(event.endedAt === undefined ? {} : { endedAt: event.endedAt }), ...recorded }]
      }))
    case "SecureAccommodationEnded":
      return updateSecure(state, (secure) => ({
        ...secure,
        periods: secure.periods.map((period) => (period.periodId === event.periodId ? { ...period, endedAt: event.endedAt } : period))
      }))
    case "SecureAccommodationAuthorisedByCourt":
      return updateSecure(state, (secure) => ({ ...secure, courtAuthorities: [...secure.courtAuthorities, { from: event.from, until: event.until, ...recorded }] }))
    case "LetterBeforeProceedingsSent":
      // A new entry to pre-proceedings starts a new cycle: earlier proceedings have concluded.
      return { ...state, proceedings: { extensions: [], letterSentAt: event.sentAt } }
    case "PreProceedingsContinued": {
      const continuation = { reviewedAt: event.reviewedAt, weeks: event.weeks, reasons: event.reasons, ...recorded }
      return updateProceedings(state, (p) => ({ ...p, continuations: [...(p.continuations ?? []), continuation] }))
    }
    case "PreProceedingsEnded":
      return updateProceedings(state, (p) => ({ ...p, preProceedingsEndedAt: event.endedAt }))
    case "ProceedingsIssued":
      // After concluded proceedings, new ones start a new cycle without the old letter.
      return updateProceedings(state, (p) => (p.concludedAt === undefined ? { ...p, issuedAt: event.issuedAt } : { extensions: [], issuedAt: event.issuedAt }))
    case "ProceedingsExtended":
      return updateProceedings(state, (p) => ({ ...p, extensions: [...p.extensions, { weeks: event.weeks, from: event.from, endsAt: event.endsAt, extendedAt: event.extendedAt ?? event.at, ...recorded }] }))
    case "ProceedingsConcluded":
      return updateProceedings(state, (p) => ({ ...p, concludedAt: event.concludedAt }))
    case "LegalStatusChanged": {
      const changed = { ...state, legalStatuses: [...state.legalStatuses, { code: event.code, from: event.from, ...recorded }] }
      if (event.movesStartOf === undefined) return changed
      return updatePeriod(changed, event.movesStartOf, (period) => ({ ...period, from: event.from, route: "legal_status", code: event.code }))
    }
    case "BecameLookedAfter": {
      const { _tag, by, at, ...period } = event
      return { ...state, lookedAfter: [...state.lookedAfter, { ...period, reviews: [], ...recorded }] }
    }
    case "LookedAfterEnded":
      return updatePeriod(state, event.periodId, (period) => ({ ...period, ended: { endedAt: event.endedAt, reason: event.reason, ...recorded } }))
    case "LookedAfterReviewHeld":
      // Kept in the order they were held, whatever the order they were entered in.
      return updatePeriod(state, event.periodId, (period) => ({
        ...period,
        reviews: [...period.reviews, { heldAt: event.heldAt, iroName: event.iroName, ...recorded }].sort((a, b) => DateTime.toEpochMillis(a.heldAt) - DateTime.toEpochMillis(b.heldAt))
      }))
    case "SecretaryOfStateApprovalRecorded":
      return updateSecure(state, (secure) => ({ ...secure, secretaryOfStateApproval: { approvedAt: event.approvedAt, ...recorded } }))
  }
}
