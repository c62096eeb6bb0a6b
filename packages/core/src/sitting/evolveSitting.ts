import type { SittingState } from "./Sitting.js"
import type { SittingEvent } from "./SittingEvents.js"

/** Folds one event into the sitting. Total: an event that does not fit leaves the state as it was. */
export const evolveSitting = (state: SittingState, event: SittingEvent): SittingState => {
  if (event._tag === "SittingScheduled") {
    return {
      id: event.sittingId,
      authorityId: event.authorityId,
      panelId: event.panelId,
      date: event.date,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      agenda: [],
      attendance: [],
      record: { uploads: [] }
    }
  }
  if (state === undefined) return state
  switch (event._tag) {
    case "SittingCancelled":
      return { ...state, cancelled: { reason: event.reason, by: event.by } }
    case "AgendaBuilt": {
      // A rebuilt agenda, and its papers, must be sent to members again.
      const { agendaPublishedAt: _published, papersSentAt: _papers, ...rest } = state
      return { ...rest, agenda: event.items }
    }
    case "AgendaPublished": {
      const { papersSentAt: _papers, ...rest } = state
      return { ...rest, agendaPublishedAt: event.at, ...(event.withPapers ? { papersSentAt: event.at } : {}) }
    }
    case "PapersSent":
      return { ...state, papersSentAt: event.at }
    case "AttendanceRecorded":
      return {
        ...state,
        attendance: [
          ...state.attendance.filter((a) => a.personId !== event.attendance.personId),
          { ...event.attendance, recordedAt: event.at }
        ]
      }
    case "QuorumConfirmed":
      return { ...state, quorum: { enough: event.enough, note: event.note, by: event.by, at: event.at, ...(event.decided === undefined ? {} : { decided: event.decided }) } }
    case "DraftRecordSentToChair":
      return { ...state, record: { ...state.record, draftSentAt: event.at } }
    case "FinalRecordReturned":
      return { ...state, record: { ...state.record, finalAt: event.at } }
    case "ChildRecordUploaded":
      return {
        ...state,
        record: { ...state.record, uploads: [...state.record.uploads, { childId: event.childId, at: event.at, ...(event.sheet === undefined ? {} : { sheet: event.sheet }) }] }
      }
  }
}
