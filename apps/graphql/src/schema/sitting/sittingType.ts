import { childrenToUpload, type Sitting } from "@carepanel/core"
import { builder } from "../builder.js"
import { AgendaItemKindEnum, AttendanceStatusEnum, MembershipEnum } from "../shared/enums.js"
import { ActedByRef } from "../shared/objects.js"

const AgendaItemRef = builder.objectRef<Sitting["agenda"][number]>("AgendaItem").implement({
  description: "A slot on the agenda: a request, a review brought back, or a decision made outside panel. Never a child's name.",
  fields: (t) => ({
    referralId: t.exposeString("referralId"),
    childIds: t.stringList({ resolve: (item) => item.childIds }),
    kind: t.field({ type: AgendaItemKindEnum, resolve: (item) => item.kind }),
    summary: t.exposeString("summary"),
    startsAt: t.field({ type: "DateTime", resolve: (item) => item.startsAt }),
    endsAt: t.field({ type: "DateTime", resolve: (item) => item.endsAt })
  })
})

const AttendanceRef = builder.objectRef<Sitting["attendance"][number]>("Attendance").implement({
  fields: (t) => ({
    personId: t.exposeString("personId"),
    name: t.exposeString("name"),
    seat: t.exposeString("seat"),
    membership: t.field({ type: MembershipEnum, resolve: (entry) => entry.membership }),
    status: t.field({ type: AttendanceStatusEnum, resolve: (entry) => entry.status }),
    standsInFor: t.string({ nullable: true, description: "A deputy's member by the name given when recorded (older records have only this).", resolve: (entry) => entry.standsInFor ?? null }),
    standsInForPersonId: t.string({ nullable: true, description: "A deputy's member by their personId, when recorded so: the link the quorum follows.", resolve: (entry) => entry.standsInForPersonId ?? null }),
    represents: t.stringList({
      description: "A member present: the members away they also represent (KNO-2), by their personId on the attendance; empty for none.",
      resolve: (entry) => entry.represents ?? []
    }),
    confirmedLate: t.boolean({ nullable: true, resolve: (entry) => entry.confirmedLate ?? null }),
    recordedAt: t.field({ type: "DateTime", nullable: true, resolve: (entry) => entry.recordedAt ?? null })
  })
})

const recordStatus = (sitting: Sitting): string => {
  const { record } = sitting
  if (record.finalAt === undefined) return record.draftSentAt === undefined ? "not_started" : "draft_with_chair"
  return childrenToUpload(sitting).every((childId) => record.uploads.some((upload) => upload.childId === childId)) ? "uploaded" : "final"
}

const RecordRef = builder.objectRef<Sitting>("SittingRecord").implement({
  description: "The record's turnaround after the sitting (CPR-11): drafted, with the chair, final, uploaded per child.",
  fields: (t) => ({
    status: t.string({ description: "not_started, draft_with_chair, final or uploaded (every child's record uploaded; a sitting the chair found too few members for has none to upload, NSO-1).", resolve: recordStatus }),
    draftSentAt: t.field({ type: "DateTime", nullable: true, resolve: (sitting) => sitting.record.draftSentAt ?? null }),
    finalAt: t.field({ type: "DateTime", nullable: true, resolve: (sitting) => sitting.record.finalAt ?? null }),
    uploadedChildIds: t.stringList({ resolve: (sitting) => sitting.record.uploads.map((upload) => upload.childId) })
  })
})

const CancelledRef = builder.objectRef<NonNullable<Sitting["cancelled"]>>("Cancellation").implement({
  fields: (t) => ({ reason: t.exposeString("reason"), by: t.field({ type: ActedByRef, resolve: (cancelled) => cancelled.by }) })
})

const QuorumRef = builder.objectRef<NonNullable<Sitting["quorum"]>>("QuorumDecision").implement({
  fields: (t) => ({
    enough: t.exposeBoolean("enough"),
    note: t.exposeString("note"),
    by: t.field({ type: ActedByRef, resolve: (quorum) => quorum.by }),
    at: t.field({ type: "DateTime", nullable: true, resolve: (quorum) => quorum.at ?? null })
  })
})

/** A sitting: its date and hours, agenda with slots, attendance, quorum and record. */
export const SittingRef = builder.objectRef<Sitting>("Sitting").implement({
  description: "A sitting of a panel.",
  fields: (t) => ({
    id: t.id({ resolve: (sitting) => sitting.id }),
    panelId: t.exposeString("panelId"),
    date: t.field({ type: "Date", resolve: (sitting) => sitting.date }),
    startsAt: t.field({ type: "DateTime", resolve: (sitting) => sitting.startsAt }),
    endsAt: t.field({ type: "DateTime", resolve: (sitting) => sitting.endsAt }),
    cancelled: t.field({ type: CancelledRef, nullable: true, resolve: (sitting) => sitting.cancelled ?? null }),
    agenda: t.field({ type: [AgendaItemRef], resolve: (sitting) => sitting.agenda }),
    agendaPublishedAt: t.field({ type: "DateTime", nullable: true, resolve: (sitting) => sitting.agendaPublishedAt ?? null }),
    papersSentAt: t.field({ type: "DateTime", nullable: true, description: "When the papers went to members (with the agenda, or after it).", resolve: (sitting) => sitting.papersSentAt ?? null }),
    attendance: t.field({ type: [AttendanceRef], resolve: (sitting) => sitting.attendance }),
    quorum: t.field({ type: QuorumRef, nullable: true, resolve: (sitting) => sitting.quorum ?? null }),
    record: t.field({ type: RecordRef, resolve: (sitting) => sitting })
  })
})

/** A proposed agenda entry (Agendas.propose): what a sitting should hear. */
export const AgendaEntryRef = builder
  .objectRef<{ readonly referralId: string; readonly childIds: ReadonlyArray<string>; readonly kind: Sitting["agenda"][number]["kind"]; readonly summary: string }>("AgendaEntry")
  .implement({
    fields: (t) => ({
      referralId: t.exposeString("referralId"),
      childIds: t.stringList({ resolve: (entry) => entry.childIds }),
      kind: t.field({ type: AgendaItemKindEnum, resolve: (entry) => entry.kind }),
      summary: t.exposeString("summary")
    })
  })
