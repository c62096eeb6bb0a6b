import { ChildId, ChildRecords, EpoOutcome, LocalDate } from "@carepanel/core"
import { Schema } from "effect"
import { optional } from "../../graphql/decodeInput.js"
import { childRecordRefusals } from "../errors/refusals.js"
import { commandMutation, type InputFields } from "../mutation.js"
import { using } from "../run.js"
import { EpoOutcomeEnum } from "../shared/enums.js"
import { ChildRecordRef } from "./childRecordType.js"

const type = ChildRecordRef
const refusals = childRecordRefusals

commandMutation("recordEmergencyProtectionOrder", {
  description: "STAT-S44: the court's emergency protection order, made at `madeAt` for `days` whole days (1-8); starts the clock to its end.",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), madeAt: t.field({ type: "DateTime", required: true }), days: t.int({ required: true }) }),
  schema: Schema.Struct({ childId: ChildId, madeAt: Schema.DateTimeUtc, days: Schema.Int }),
  execute: (actor, { childId, madeAt, days }) => using(ChildRecords, (records) => records.recordEmergencyProtectionOrder(actor, childId, madeAt, days))
})

commandMutation("extendEmergencyProtectionOrder", {
  description:
    "STAT-S44: the one extension of the order in force, by 1-7 days from its first end, made by the court at `extendedAt` (default now; the order must have been in force then).",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), days: t.int({ required: true }), extendedAt: t.field({ type: "DateTime" }) }),
  schema: Schema.Struct({ childId: ChildId, days: Schema.Int, extendedAt: optional(Schema.DateTimeUtc) }),
  execute: (actor, { childId, days, extendedAt }) => using(ChildRecords, (records) => records.extendEmergencyProtectionOrder(actor, childId, days, extendedAt))
})

commandMutation("recordEmergencyProtectionOrderEnded", {
  description: "STAT-S44: how the order ended (returned home, s20 with consent, an interim care order, discharged) and when (default now); meets the clock to its end.",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), outcome: t.field({ type: EpoOutcomeEnum, required: true }), endedAt: t.field({ type: "DateTime" }) }),
  schema: Schema.Struct({ childId: ChildId, outcome: EpoOutcome, endedAt: optional(Schema.DateTimeUtc) }),
  execute: (actor, { childId, outcome, endedAt }) => using(ChildRecords, (records) => records.recordEmergencyProtectionOrderEnded(actor, childId, outcome, endedAt))
})

commandMutation("recordChildDateOfBirth", {
  description: "The child's date of birth on their statutory record: STAT-S25's under-13 test needs it.",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), dateOfBirth: t.field({ type: "Date", required: true }) }),
  schema: Schema.Struct({ childId: ChildId, dateOfBirth: LocalDate }),
  execute: (actor, { childId, dateOfBirth }) => using(ChildRecords, (records) => records.recordDateOfBirth(actor, childId, dateOfBirth))
})

commandMutation("recordSecureAccommodation", {
  description:
    "STAT-S25: a further period in secure accommodation from `startedAt` (ended at `endedAt` if it has); refused if it would take the child past 72 hours in any 28 days without a court's authority, or a child under 13 without the Secretary of State's prior approval.",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), startedAt: t.field({ type: "DateTime", required: true }), endedAt: t.field({ type: "DateTime" }) }),
  schema: Schema.Struct({ childId: ChildId, startedAt: Schema.DateTimeUtc, endedAt: optional(Schema.DateTimeUtc) }),
  execute: (actor, { childId, startedAt, endedAt }) => using(ChildRecords, (records) => records.recordSecureAccommodation(actor, childId, startedAt, endedAt))
})

commandMutation("endSecureAccommodation", {
  description: "STAT-S25: the open period in secure accommodation ended (default now); meets its clocks, late if past the 72 hours.",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), endedAt: t.field({ type: "DateTime" }) }),
  schema: Schema.Struct({ childId: ChildId, endedAt: optional(Schema.DateTimeUtc) }),
  execute: (actor, { childId, endedAt }) => using(ChildRecords, (records) => records.endSecureAccommodation(actor, childId, endedAt))
})

commandMutation("recordSecureAccommodationCourtAuthority", {
  description: "STAT-S25: a court's authority for secure accommodation (an s25 order) from `from` until `until`.",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), from: t.field({ type: "DateTime", required: true }), until: t.field({ type: "DateTime", required: true }) }),
  schema: Schema.Struct({ childId: ChildId, from: Schema.DateTimeUtc, until: Schema.DateTimeUtc }),
  execute: (actor, { childId, from, until }) => using(ChildRecords, (records) => records.recordSecureAccommodationCourtAuthority(actor, childId, from, until))
})

commandMutation("recordSecretaryOfStateApproval", {
  description: "STAT-S25 (reg 4): the Secretary of State's approval of secure accommodation for a child under 13, given at `approvedAt`.",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), approvedAt: t.field({ type: "DateTime", required: true }) }),
  schema: Schema.Struct({ childId: ChildId, approvedAt: Schema.DateTimeUtc }),
  execute: (actor, { childId, approvedAt }) => using(ChildRecords, (records) => records.recordSecretaryOfStateApproval(actor, childId, approvedAt))
})

commandMutation("recordLetterBeforeProceedings", {
  description: "STAT-PLO: the letter before proceedings, sent at `sentAt`: entry to pre-proceedings. Starts the 16-week warning and the authority's review (NSO-9).",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), sentAt: t.field({ type: "DateTime", required: true }) }),
  schema: Schema.Struct({ childId: ChildId, sentAt: Schema.DateTimeUtc }),
  execute: (actor, { childId, sentAt }) => using(ChildRecords, (records) => records.recordLetterBeforeProceedings(actor, childId, sentAt))
})

commandMutation("recordPreProceedingsContinued", {
  description:
    "STAT-PLO: a review held at `reviewedAt` (now unless given) decided, with `reasons`, that pre-proceedings go on for `weeks` more (1-16) instead of issuing proceedings or stepping down. It meets the 16 weeks (or the last such review's weeks), and its own weeks then run.",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), weeks: t.int({ required: true }), reasons: t.string({ required: true }), reviewedAt: t.field({ type: "DateTime" }) }),
  schema: Schema.Struct({ childId: ChildId, weeks: Schema.Int, reasons: Schema.NonEmptyTrimmedString, reviewedAt: optional(Schema.DateTimeUtc) }),
  execute: (actor, { childId, weeks, reasons, reviewedAt }) => using(ChildRecords, (records) => records.recordPreProceedingsContinued(actor, childId, weeks, reasons, reviewedAt))
})

commandMutation("endPreProceedings", {
  description: "STAT-PLO: pre-proceedings ended without proceedings (default now).",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), endedAt: t.field({ type: "DateTime" }) }),
  schema: Schema.Struct({ childId: ChildId, endedAt: optional(Schema.DateTimeUtc) }),
  execute: (actor, { childId, endedAt }) => using(ChildRecords, (records) => records.endPreProceedings(actor, childId, endedAt))
})

commandMutation("recordProceedingsIssued", {
  description: "STAT-S31: care proceedings issued at `issuedAt`; they finish within 26 weeks unless the court extends.",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), issuedAt: t.field({ type: "DateTime", required: true }) }),
  schema: Schema.Struct({ childId: ChildId, issuedAt: Schema.DateTimeUtc }),
  execute: (actor, { childId, issuedAt }) => using(ChildRecords, (records) => records.recordProceedingsIssued(actor, childId, issuedAt))
})

commandMutation("extendProceedings", {
  description:
    "STAT-S31: the court's extension of the timetable, 1-8 weeks from its current end; one at a time, made by the court at `extendedAt` (default now), which meets the timetable's clock.",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), weeks: t.int({ required: true }), extendedAt: t.field({ type: "DateTime" }) }),
  schema: Schema.Struct({ childId: ChildId, weeks: Schema.Int, extendedAt: optional(Schema.DateTimeUtc) }),
  execute: (actor, { childId, weeks, extendedAt }) => using(ChildRecords, (records) => records.extendProceedings(actor, childId, weeks, extendedAt))
})

commandMutation("recordProceedingsConcluded", {
  description: "STAT-S31: care proceedings concluded (default now); meets the timetable's clock.",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), concludedAt: t.field({ type: "DateTime" }) }),
  schema: Schema.Struct({ childId: ChildId, concludedAt: optional(Schema.DateTimeUtc) }),
  execute: (actor, { childId, concludedAt }) => using(ChildRecords, (records) => records.recordProceedingsConcluded(actor, childId, concludedAt))
})

commandMutation("recordChildDeath", {
  description:
    "STAT-R50: the child died on `diedOn`; where before 18, the record is kept 15 years from then. STAT-R33: an open period of being looked after ends (reason \"died\") when that day ends, and no further review is due.",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), diedOn: t.field({ type: "Date", required: true }) }),
  schema: Schema.Struct({ childId: ChildId, diedOn: LocalDate }),
  execute: (actor, { childId, diedOn }) => using(ChildRecords, (records) => records.recordChildDeath(actor, childId, diedOn))
})

commandMutation("recordLegalStatus", {
  description:
    "The child's SSDA903 legal status from `from` (C1, C2, D1, E1, J1-J3, L1-L3, V2-V4; any other code is refused by name). A child not looked after becomes looked after from `from` (STAT-R33's first review counts from it); a child already looked after keeps their start.",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), code: t.string({ required: true }), from: t.field({ type: "DateTime", required: true }) }),
  schema: Schema.Struct({ childId: ChildId, code: Schema.String, from: Schema.DateTimeUtc }),
  execute: (actor, { childId, code, from }) => using(ChildRecords, (records) => records.recordLegalStatus(actor, childId, code, from))
})

commandMutation("recordLookedAfterReview", {
  description: "STAT-R33: a looked-after review held at `heldAt`, chaired by the child's Independent Reviewing Officer (`iroName`); meets the review due and starts the next.",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), heldAt: t.field({ type: "DateTime", required: true }), iroName: t.string({ required: true }) }),
  schema: Schema.Struct({ childId: ChildId, heldAt: Schema.DateTimeUtc, iroName: Schema.NonEmptyTrimmedString }),
  execute: (actor, { childId, heldAt, iroName }) => using(ChildRecords, (records) => records.recordLookedAfterReview(actor, childId, heldAt, iroName))
})

commandMutation("recordLookedAfterEnded", {
  description: "The child ceased to be looked after at `endedAt` (default now), for `reason`; no further review is due.",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), reason: t.string({ required: true }), endedAt: t.field({ type: "DateTime" }) }),
  schema: Schema.Struct({ childId: ChildId, reason: Schema.NonEmptyTrimmedString, endedAt: optional(Schema.DateTimeUtc) }),
  execute: (actor, { childId, reason, endedAt }) => using(ChildRecords, (records) => records.recordLookedAfterEnded(actor, childId, reason, endedAt))
})

const withdrawalReason = (t: Parameters<InputFields>[0]) =>
  t.string({ required: true, description: "Why it was a mistake (required): it stays on the child's record with the withdrawal." })

commandMutation("withdrawChildDeath", {
  description:
    "A death recorded on this child's record by mistake (recorded against the wrong child), withdrawn for `reason`: the child reads as alive again, the looked-after period the death ended is open again and its STAT-R33 reviews fall due from its own history. The log keeps both entries.",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), diedOn: t.field({ type: "Date", required: true }), reason: withdrawalReason(t) }),
  schema: Schema.Struct({ childId: ChildId, diedOn: LocalDate, reason: Schema.NonEmptyTrimmedString }),
  execute: (actor, { childId, diedOn, reason }) => using(ChildRecords, (records) => records.withdrawEntry(actor, childId, { kind: "death", diedOn }, reason))
})

commandMutation("withdrawSecureAccommodationCourtAuthority", {
  description:
    "STAT-S25: a court's authority for secure accommodation from `from` until `until` recorded by mistake (another child's order), withdrawn for `reason`: the 48- and 72-hour clocks go back to what they were without it. The log keeps both entries.",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), from: t.field({ type: "DateTime", required: true }), until: t.field({ type: "DateTime", required: true }), reason: withdrawalReason(t) }),
  schema: Schema.Struct({ childId: ChildId, from: Schema.DateTimeUtc, until: Schema.DateTimeUtc, reason: Schema.NonEmptyTrimmedString }),
  execute: (actor, { childId, from, until, reason }) =>
    using(ChildRecords, (records) => records.withdrawEntry(actor, childId, { kind: "court_authority", from, until }, reason))
})

commandMutation("withdrawSecretaryOfStateApproval", {
  description:
    "STAT-S25 (reg 4): the Secretary of State's approval given at `approvedAt` recorded by mistake, withdrawn for `reason`: a child under 13 needs an approval that still stands before secure accommodation. The log keeps both entries.",
  type,
  refusals,
  fields: (t) => ({ childId: t.id({ required: true }), approvedAt: t.field({ type: "DateTime", required: true }), reason: withdrawalReason(t) }),
  schema: Schema.Struct({ childId: ChildId, approvedAt: Schema.DateTimeUtc, reason: Schema.NonEmptyTrimmedString }),
  execute: (actor, { childId, approvedAt, reason }) =>
    using(ChildRecords, (records) => records.withdrawEntry(actor, childId, { kind: "secretary_of_state_approval", approvedAt }, reason))
})
