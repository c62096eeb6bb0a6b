import type { ChildRecordState } from "./ChildRecord.js"
import type { ChildRecordEvent } from "./ChildRecordEvents.js"
import type { EmergencyProtectionOrder } from "./EmergencyProtectionOrder.js"

const updateOrder = (state: NonNullable<ChildRecordState>, orderId: string, update: (order: EmergencyProtectionOrder) => EmergencyProtectionOrder) => ({
  ...state,
  emergencyProtectionOrders: state.emergencyProtectionOrders.map((order) => (order.orderId === orderId ? update(order) : order))
})

/** Folds one event into the child's record. Total: an event that does not fit leaves the state as it was. */
export const evolveChildRecord = (state: ChildRecordState, event: ChildRecordEvent): ChildRecordState => {
  if (event._tag === "ChildRecordOpened") return { childId: event.childId, authorityId: event.authorityId, emergencyProtectionOrders: [] }
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
  }
}
