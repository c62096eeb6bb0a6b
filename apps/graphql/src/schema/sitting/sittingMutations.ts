import {
  AgendaItemKind,
  Agendas,
  AttendanceStatus,
  ChildId,
  LocalDate,
  Membership,
  PanelId,
  PersonId,
  ReferralId,
  SittingId,
  Sittings
} from "@carepanel/core"
import { Schema } from "effect"
import { optional } from "../../graphql/decodeInput.js"
import { builder } from "../builder.js"
import { commonRefusals, sittingRefusals } from "../errors/refusals.js"
import { commandMutation, type InputFields } from "../mutation.js"
import { command, using } from "../run.js"
import { AgendaItemKindEnum, AttendanceStatusEnum, MembershipEnum } from "../shared/enums.js"
import { SittingRef } from "./sittingType.js"

const type = SittingRef
const refusals = sittingRefusals
const Text = Schema.NonEmptyTrimmedString
const ById = Schema.Struct({ sittingId: SittingId })
const sittingIdFields: InputFields = (t) => ({ sittingId: t.id({ required: true }) })
const sittingReasonFields: InputFields = (t) => ({ sittingId: t.id({ required: true }), reason: t.string({ required: true }) })

commandMutation("scheduleSitting", {
  description: "Schedules a sitting of a panel on a date (the panel administrator).",
  type,
  refusals,
  fields: (t) => ({ panelId: t.id({ required: true }), date: t.field({ type: "Date", required: true }) }),
  schema: Schema.Struct({ panelId: PanelId, date: LocalDate }),
  execute: (actor, { panelId, date }) => using(Sittings, (sittings) => sittings.schedule(actor, panelId, date))
})

builder.mutationField("scheduleSittingsForYear", (t) =>
  t.field({
    type: [SittingRef],
    description: "Schedules the sittings still to come in a year, from the panel's cadence or fixed dates.",
    args: {
      input: t.arg({
        required: true,
        type: builder.inputType("ScheduleSittingsForYearInput", { fields: (f) => ({ panelId: f.id({ required: true }), year: f.int({ required: true }) }) })
      })
    },
    errors: { types: [...commonRefusals, ...refusals], directResult: false },
    resolve: (_root, args, context) =>
      command(context, "scheduleSittingsForYear", Schema.Struct({ panelId: PanelId, year: Schema.Int.pipe(Schema.between(2000, 2200)) }), args.input, (actor, input) =>
        using(Sittings, (sittings) => sittings.scheduleYear(actor, input.panelId, input.year))
      )
  })
)

commandMutation("cancelSitting", {
  description:
    "Cancels a sitting before it starts, with a reason. The requests accepted onto it go back in line, ready for another sitting: the next sitting's proposed agenda offers them.",
  type,
  refusals,
  fields: sittingReasonFields,
  schema: Schema.Struct({ sittingId: SittingId, reason: Text }),
  execute: (actor, { sittingId, reason }) => using(Sittings, (sittings) => sittings.cancel(actor, sittingId, reason))
})

const AgendaEntryInput = builder.inputType("AgendaEntryInput", {
  fields: (t) => ({
    referralId: t.id({ required: true }),
    childIds: t.idList({ required: true }),
    kind: t.field({ type: AgendaItemKindEnum, required: true }),
    summary: t.string({ required: true, description: "What the panel is asked, without the child's name (agendas travel by email)." })
  })
})
const AgendaEntry = Schema.Struct({ referralId: ReferralId, childIds: Schema.Array(ChildId), kind: AgendaItemKind, summary: Text })

commandMutation("buildAgenda", {
  description: "Sets the agenda by hand; each entry gets a time slot (CPR-2).",
  type,
  refusals,
  fields: (t) => ({ sittingId: t.id({ required: true }), entries: t.field({ type: [AgendaEntryInput], required: true }) }),
  schema: Schema.Struct({ sittingId: SittingId, entries: Schema.Array(AgendaEntry) }),
  execute: (actor, { sittingId, entries }) => using(Sittings, (sittings) => sittings.buildAgenda(actor, sittingId, entries))
})

commandMutation("buildProposedAgenda", {
  description: "Proposes the agenda (accepted requests, reviews due, outside-panel decisions) and builds it in one step.",
  type,
  refusals,
  fields: sittingIdFields,
  schema: ById,
  execute: (actor, { sittingId }) => using(Agendas, (agendas) => agendas.build(actor, sittingId))
})

commandMutation("publishAgenda", {
  description: "Sends the agenda to members (CPR-9), with its papers (NSO-3) unless papersToFollow: then sendPapers later.",
  type,
  refusals,
  fields: (t) => ({ sittingId: t.id({ required: true }), papersToFollow: t.boolean() }),
  schema: Schema.Struct({ sittingId: SittingId, papersToFollow: optional(Schema.Boolean) }),
  execute: (actor, { sittingId, ...options }) => using(Sittings, (sittings) => sittings.publishAgenda(actor, sittingId, options))
})

commandMutation("sendPapers", {
  description: "Sends the papers of an agenda that went without them (NSO-3).",
  type,
  refusals,
  fields: sittingIdFields,
  schema: ById,
  execute: (actor, { sittingId }) => using(Sittings, (sittings) => sittings.sendPapers(actor, sittingId))
})

commandMutation("recordAttendance", {
  description:
    "Records one person's attendance (present, apologies, deputy, observer, confirmed). Present is recorded from the sitting's day on; before it, a member who will come is confirmed.",
  type,
  refusals,
  fields: (t) => ({
      sittingId: t.id({ required: true }),
      personId: t.id({ required: true }),
      name: t.string({ required: true }),
      seat: t.string({ required: true }),
      membership: t.field({ type: MembershipEnum, required: true }),
      status: t.field({ type: AttendanceStatusEnum, required: true }),
      standsInFor: t.string({
        description: "A deputy's member by name: needed when the member is not on the sitting's attendance (an outside agency's seat); otherwise as given."
      }),
      standsInForPersonId: t.id({
        description:
          "A deputy's member by their personId on the sitting's attendance (KNO-2, CPR-3): the link the quorum and the minutes follow. Refused for the deputy themselves, a member recorded present, or a member another deputy covers."
      }),
      represents: t.idList({
        description:
          "A member recorded present: the members away they also represent (KNO-2), each by their personId on the sitting's attendance; they keep their own seat and count once towards a quorum. Refused for themselves, a member at the sitting, a member a deputy or another representative covers, or a member not on the attendance."
      }),
      chairAgreed: t.boolean({ description: "KNO-2: an observer attends with the chair's agreement." })
    }),
  schema: Schema.Struct({
    sittingId: SittingId,
    personId: PersonId,
    name: Text,
    seat: Text,
    membership: Membership,
    status: AttendanceStatus,
    standsInFor: optional(Schema.String),
    standsInForPersonId: optional(PersonId),
    represents: optional(Schema.Array(PersonId)),
    chairAgreed: optional(Schema.Boolean)
  }),
  execute: (actor, { sittingId, ...entry }) => using(Sittings, (sittings) => sittings.recordAttendance(actor, sittingId, entry))
})

commandMutation("confirmQuorum", {
  description: "The chair decides whether enough members are present, on the sitting's day.",
  type,
  refusals,
  fields: (t) => ({ sittingId: t.id({ required: true }), enough: t.boolean({ required: true }), note: t.string({ required: true }) }),
  schema: Schema.Struct({ sittingId: SittingId, enough: Schema.Boolean, note: Schema.String }),
  execute: (actor, { sittingId, enough, note }) => using(Sittings, (sittings) => sittings.confirmQuorum(actor, sittingId, enough, note))
})

commandMutation("sendDraftRecordToChair", {
  description: "Sends the draft record to the chair once the sitting has ended.",
  type,
  refusals,
  fields: sittingIdFields,
  schema: ById,
  execute: (actor, { sittingId }) => using(Sittings, (sittings) => sittings.sendDraftRecordToChair(actor, sittingId))
})

commandMutation("returnFinalRecord", {
  description: "The chair returns the final record.",
  type,
  refusals,
  fields: sittingIdFields,
  schema: ById,
  execute: (actor, { sittingId }) => using(Sittings, (sittings) => sittings.returnFinalRecord(actor, sittingId))
})

commandMutation("recordChildRecordUploaded", {
  description: "Records the final record as uploaded to one child's file.",
  type,
  refusals,
  fields: (t) => ({ sittingId: t.id({ required: true }), childId: t.id({ required: true }), referralId: t.id({ required: true }) }),
  schema: Schema.Struct({ sittingId: SittingId, childId: ChildId, referralId: ReferralId }),
  execute: (actor, { sittingId, childId, referralId }) => using(Sittings, (sittings) => sittings.recordChildUploaded(actor, sittingId, childId, referralId))
})
