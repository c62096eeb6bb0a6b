import type { ChildRecordState } from "./ChildRecord.js"
import type { ChildRecordEvent } from "./ChildRecordEvents.js"
import type { EmergencyProtectionOrder } from "./EmergencyProtectionOrder.js"
import { noSecureAccommodation, type SecureAccommodation } from "./SecureAccommodation.js"

const updateOrder = (state: NonNullable<ChildRecordState>, orderId: string, update: (order: EmergencyProtectionOrder) => EmergencyProtectionOrder) => ({
  ...state,
  emergencyProtectionOrders: state.emergencyProtectionOrders.map((order) => (order.orderId === orderId ? update(order) : order))
})

const updateSecure = (state: NonNullable<ChildRecordState>, update: (secure: SecureAccommodation) => SecureAccommodation) => ({
  ...state,
  secureAccommodation: update(state.secureAccommodation)
})

/** Folds one event into the child's record. Total: an event that does not fit leaves the state as it was. */
export const evolveChildRecord = (state: ChildRecordState, event: ChildRecordEvent): ChildRecordState => {
  if (event._tag === "ChildRecordOpened") {
    return { childId: event.childId, authorityId: event.authorityId, emergencyProtectionOrders: [], secureAccommodation: noSecureAccommodation }
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
      return updateOrder(state, event.orderId, (order) => ({ ...order, extension: { days: event.days, from: event.from, endsAt: event.endsAt, ...recorded } }))
    case "EmergencyProtectionOrderEnded":
      return updateOrder(state, event.orderId, (order) => ({ ...order, ended: { outcome: event.outcome, endedAt: event.endedAt, ...recorded } }))
    case "DateOfBirthRecorded":
      return { ...state, dateOfBirth: event.dateOfBirth }
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
    case "SecretaryOfStateApprovalRecorded":
      return updateSecure(state, (secure) => ({ ...secure, secretaryOfStateApproval: { approvedAt: event.approvedAt, ...recorded } }))
  }
}
