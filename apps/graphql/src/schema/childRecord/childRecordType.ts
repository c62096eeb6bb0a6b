import {
  type ChildRecord,
  closedSpans,
  describeEntry,
  countedParts,
  courtSpans,
  currentLookedAfter,
  describeRoute,
  epoEndsAt,
  hourMs,
  legalStatusLabel,
  openPeriod,
  type Retention,
  retentionOf,
  usedInWindowEnding
} from "@carepanel/core"
import { DateTime } from "effect"
import { builder } from "../builder.js"
import { appNow } from "../shared/appNow.js"
import { EpoOutcomeEnum } from "../shared/enums.js"
import { ActedByRef } from "../shared/objects.js"

type Epo = ChildRecord["emergencyProtectionOrders"][number]

const EpoExtensionRef = builder.objectRef<NonNullable<Epo["extension"]>>("EmergencyProtectionOrderExtension").implement({
  description: "STAT-S44: the order's one extension, of at most 7 days from its first end.",
  fields: (t) => ({
    days: t.exposeInt("days"),
    from: t.field({ type: "DateTime", resolve: (extension) => extension.from }),
    endsAt: t.field({ type: "DateTime", resolve: (extension) => extension.endsAt }),
    extendedAt: t.field({ type: "DateTime", description: "When the court extended the order (at most `at`, when it was recorded).", resolve: (extension) => extension.extendedAt ?? extension.at }),
    by: t.field({ type: ActedByRef, resolve: (extension) => extension.by }),
    at: t.field({ type: "DateTime", resolve: (extension) => extension.at })
  })
})

const EpoEndedRef = builder.objectRef<NonNullable<Epo["ended"]>>("EmergencyProtectionOrderEnded").implement({
  description: "STAT-S44: how and when the order ended.",
  fields: (t) => ({
    outcome: t.field({ type: EpoOutcomeEnum, resolve: (ended) => ended.outcome }),
    endedAt: t.field({ type: "DateTime", resolve: (ended) => ended.endedAt }),
    by: t.field({ type: ActedByRef, resolve: (ended) => ended.by }),
    at: t.field({ type: "DateTime", resolve: (ended) => ended.at })
  })
})

const EpoRef = builder.objectRef<Epo>("EmergencyProtectionOrder").implement({
  description: "STAT-S44: an emergency protection order, for the court's period of at most 8 days.",
  fields: (t) => ({
    orderId: t.exposeString("orderId"),
    madeAt: t.field({ type: "DateTime", resolve: (order) => order.madeAt }),
    days: t.exposeInt("days", { description: "The court's period in days (1-8)." }),
    endsAt: t.field({ type: "DateTime", description: "When the order ends now: its extended end if extended.", resolve: (order) => epoEndsAt(order) }),
    inForce: t.boolean({
      description: "No end recorded and its end not reached.",
      resolve: async (order, _args, context) =>
        order.ended === undefined && DateTime.lessThan(DateTime.unsafeMake(await appNow(context)), epoEndsAt(order))
    }),
    extension: t.field({ type: EpoExtensionRef, nullable: true, resolve: (order) => order.extension ?? null }),
    ended: t.field({ type: EpoEndedRef, nullable: true, resolve: (order) => order.ended ?? null }),
    by: t.field({ type: ActedByRef, resolve: (order) => order.by }),
    at: t.field({ type: "DateTime", resolve: (order) => order.at })
  })
})

type Secure = ChildRecord["secureAccommodation"]

const SecurePeriodRef = builder.objectRef<Secure["periods"][number]>("SecureAccommodationPeriod").implement({
  description: "STAT-S25: one period in secure accommodation; open while endedAt is null.",
  fields: (t) => ({
    periodId: t.exposeString("periodId"),
    startedAt: t.field({ type: "DateTime", resolve: (period) => period.startedAt }),
    endedAt: t.field({ type: "DateTime", nullable: true, resolve: (period) => period.endedAt ?? null })
  })
})

const CourtAuthorityRef = builder.objectRef<Secure["courtAuthorities"][number]>("SecureAccommodationCourtAuthority").implement({
  description: "STAT-S25: a court's authority (an s25 order); time under it does not count towards the 72 hours.",
  fields: (t) => ({
    from: t.field({ type: "DateTime", resolve: (court) => court.from }),
    until: t.field({ type: "DateTime", resolve: (court) => court.until })
  })
})

/** Counted hours in the 28 days to `now`: ended periods and the open one so far, less the court's authority. */
const hoursUsedAt = (secure: Secure, now: number): number => {
  const courts = courtSpans(secure)
  const open = openPeriod(secure)
  const spans = [...closedSpans(secure), ...(open ? [{ from: open.startedAt.epochMillis, to: now }] : [])].flatMap((span) => countedParts(span, courts))
  return Math.round((usedInWindowEnding(spans, now) / hourMs) * 100) / 100
}

const SecureRef = builder.objectRef<Secure>("SecureAccommodation").implement({
  description: "STAT-S25: at most 72 hours, whether or not consecutive, in any 28 days without a court's authority.",
  fields: (t) => ({
    periods: t.field({ type: [SecurePeriodRef], resolve: (secure) => secure.periods }),
    courtAuthorities: t.field({ type: [CourtAuthorityRef], resolve: (secure) => secure.courtAuthorities }),
    secretaryOfStateApprovedAt: t.field({ type: "DateTime", nullable: true, resolve: (secure) => secure.secretaryOfStateApproval?.approvedAt ?? null }),
    hoursUsedInLast28Days: t.float({ description: "Counted hours in the 28 days to now (elapsed hours).", resolve: async (secure, _args, context) => hoursUsedAt(secure, await appNow(context)) })
  })
})

type ProceedingsRecord = ChildRecord["proceedings"]

const ProceedingsExtensionRef = builder.objectRef<ProceedingsRecord["extensions"][number]>("ProceedingsExtension").implement({
  description: "STAT-S31: one extension of the timetable by the court, of at most 8 weeks from the end before it.",
  fields: (t) => ({
    weeks: t.exposeInt("weeks"),
    from: t.field({ type: "DateTime", resolve: (extension) => extension.from }),
    endsAt: t.field({ type: "DateTime", resolve: (extension) => extension.endsAt }),
    extendedAt: t.field({ type: "DateTime", description: "When the court extended the timetable.", resolve: (extension) => extension.extendedAt ?? extension.at })
  })
})

const PreProceedingsContinuedRef = builder.objectRef<NonNullable<ProceedingsRecord["continuations"]>[number]>("PreProceedingsContinuation").implement({
  description: "STAT-PLO: a review that decided, with reasons, that pre-proceedings go on for so many more weeks.",
  fields: (t) => ({
    reviewedAt: t.field({ type: "DateTime", resolve: (continuation) => continuation.reviewedAt }),
    weeks: t.exposeInt("weeks"),
    reasons: t.exposeString("reasons"),
    by: t.field({ type: ActedByRef, resolve: (continuation) => continuation.by })
  })
})

const ProceedingsRef = builder.objectRef<ProceedingsRecord>("Proceedings").implement({
  description: "STAT-PLO pre-proceedings from the letter before proceedings, and STAT-S31 care proceedings from their issue.",
  fields: (t) => ({
    letterSentAt: t.field({ type: "DateTime", nullable: true, resolve: (p) => p.letterSentAt ?? null }),
    continuations: t.field({ type: [PreProceedingsContinuedRef], resolve: (p) => p.continuations ?? [] }),
    preProceedingsEndedAt: t.field({ type: "DateTime", nullable: true, resolve: (p) => p.preProceedingsEndedAt ?? null }),
    issuedAt: t.field({ type: "DateTime", nullable: true, resolve: (p) => p.issuedAt ?? null }),
    extensions: t.field({ type: [ProceedingsExtensionRef], resolve: (p) => p.extensions }),
    concludedAt: t.field({ type: "DateTime", nullable: true, resolve: (p) => p.concludedAt ?? null })
  })
})

const RetentionRef = builder.objectRef<Retention>("Retention").implement({
  description: "STAT-R50: how long the child's record is kept, and why.",
  fields: (t) => ({
    keepUntil: t.field({ type: "Date", resolve: (retention) => retention.keepUntil }),
    explanation: t.exposeString("explanation")
  })
})

const LegalStatusRef = builder.objectRef<ChildRecord["legalStatuses"][number]>("LegalStatus").implement({
  description: "An SSDA903 legal status, in force from `from` until the next one.",
  fields: (t) => ({
    code: t.exposeString("code", { nullable: true, description: "The SSDA903 code: C1, C2, D1, E1, J1-J3, L1-L3, V2-V4." }),
    label: t.string({ nullable: true, resolve: (status) => legalStatusLabel[status.code] }),
    from: t.field({ type: "DateTime", resolve: (status) => status.from }),
    by: t.field({ type: ActedByRef, resolve: (status) => status.by }),
    at: t.field({ type: "DateTime", resolve: (status) => status.at })
  })
})

type Period = ChildRecord["lookedAfter"][number]

const LookedAfterReviewRef = builder.objectRef<Period["reviews"][number]>("LookedAfterReview").implement({
  description: "STAT-R33: a looked-after review, chaired by the child's Independent Reviewing Officer.",
  fields: (t) => ({
    heldAt: t.field({ type: "DateTime", resolve: (review) => review.heldAt }),
    iroName: t.exposeString("iroName"),
    by: t.field({ type: ActedByRef, resolve: (review) => review.by }),
    at: t.field({ type: "DateTime", resolve: (review) => review.at })
  })
})

const LookedAfterPeriodRef = builder.objectRef<Period>("LookedAfterPeriod").implement({
  description: "One period of being looked after: STAT-R33's reviews count from `from`; its clocks are in the record's `clocks`.",
  fields: (t) => ({
    periodId: t.exposeString("periodId"),
    from: t.field({ type: "DateTime", description: "When the child became looked after.", resolve: (period) => period.from }),
    route: t.exposeString("route", { description: "legal_status, s20_accommodation, police_protection_accommodation or regulation24_placement." }),
    how: t.string({ nullable: true, description: "How the period began, in words.", resolve: (period) => describeRoute(period) }),
    placementId: t.string({ nullable: true, resolve: (period) => period.placementId ?? null }),
    reviews: t.field({ type: [LookedAfterReviewRef], resolve: (period) => period.reviews }),
    endedAt: t.field({ type: "DateTime", nullable: true, resolve: (period) => period.ended?.endedAt ?? null }),
    endReason: t.string({ nullable: true, resolve: (period) => period.ended?.reason ?? null })
  })
})

const ChildRecordWithdrawalRef = builder.objectRef<NonNullable<ChildRecord["withdrawals"]>[number]>("ChildRecordWithdrawal").implement({
  description: "An entry recorded by mistake and withdrawn: the record reads as if it had never been made; the log keeps both.",
  fields: (t) => ({
    kind: t.string({ description: "death, court_authority or secretary_of_state_approval.", resolve: (withdrawal) => withdrawal.entry.kind }),
    what: t.string({ description: "The withdrawn entry in words, by its dates.", resolve: (withdrawal) => describeEntry(withdrawal.entry) }),
    recordedAt: t.field({ type: "DateTime", description: "When the withdrawn entry was recorded.", resolve: (withdrawal) => withdrawal.recordedAt }),
    reason: t.string({ description: "Why it was a mistake.", resolve: (withdrawal) => withdrawal.reason }),
    by: t.field({ type: ActedByRef, description: "Who withdrew it.", resolve: (withdrawal) => withdrawal.by }),
    at: t.field({ type: "DateTime", description: "When it was withdrawn.", resolve: (withdrawal) => withdrawal.at })
  })
})

/** What the core records about one child under the statutes that run on the child; its clocks are in `clocks`. */
export const ChildRecordRef = builder.objectRef<ChildRecord>("ChildRecord").implement({
  description:
    "A child's statutory record: emergency protection orders (STAT-S44), secure accommodation (STAT-S25), pre-proceedings and care proceedings (STAT-PLO, STAT-S31), legal status (SSDA903), looked-after status and its reviews (STAT-R33).",
  fields: (t) => ({
    childId: t.exposeString("childId"),
    emergencyProtectionOrders: t.field({ type: [EpoRef], resolve: (record) => record.emergencyProtectionOrders }),
    dateOfBirth: t.field({ type: "Date", nullable: true, resolve: (record) => record.dateOfBirth ?? null }),
    secureAccommodation: t.field({ type: SecureRef, resolve: (record) => record.secureAccommodation }),
    proceedings: t.field({ type: ProceedingsRef, resolve: (record) => record.proceedings }),
    diedOn: t.field({ type: "Date", nullable: true, resolve: (record) => record.diedOn ?? null }),
    legalStatus: t.field({
      type: LegalStatusRef,
      nullable: true,
      description: "The current legal status while the child is looked after; null otherwise.",
      resolve: (record) => (currentLookedAfter(record.lookedAfter) === undefined ? null : (record.legalStatuses.at(-1) ?? null))
    }),
    legalStatuses: t.field({ type: [LegalStatusRef], description: "Every legal status recorded, oldest first.", resolve: (record) => record.legalStatuses }),
    lookedAfter: t.field({
      type: LookedAfterPeriodRef,
      nullable: true,
      description: "The period the child is looked after in now; null when not looked after.",
      resolve: (record) => currentLookedAfter(record.lookedAfter) ?? null
    }),
    lookedAfterPeriods: t.field({ type: [LookedAfterPeriodRef], description: "Every period of being looked after, oldest first.", resolve: (record) => record.lookedAfter }),
    withdrawnEntries: t.field({
      type: [ChildRecordWithdrawalRef],
      description: "Entries recorded by mistake and withdrawn, oldest withdrawal first, each with its reason.",
      resolve: (record) => record.withdrawals ?? []
    }),
    retention: t.field({
      type: RetentionRef,
      nullable: true,
      description: "STAT-R50: null until the date of birth is recorded.",
      resolve: (record) => retentionOf(record) ?? null
    })
  })
})
