import { DateTime, Schema } from "effect"
import type { Outcome } from "../decision/DecisionParts.js"
import { RequestType, requestTypeLabel } from "../policy/RequestType.js"
import { joined } from "./ReportInputs.js"
import { dayOf } from "./Period.js"
import type { Timeline } from "./timeline.js"

/** Where a request stands now: its latest hearing's outcome, or why it has none. */
export const RequestStanding = Schema.Literal("draft", "awaiting_decision", "approved", "declined", "deferred", "withdrawn", "redirected")
export type RequestStanding = typeof RequestStanding.Type

const afterHearing: Record<Outcome, RequestStanding> = { approve: "approved", decline: "declined", defer: "deferred" }

export const standingOf = (timeline: Timeline): RequestStanding => {
  const { status } = timeline.referral
  if (status === "withdrawn" || status === "redirected") return status
  const latest = timeline.hearings[timeline.hearings.length - 1]
  if (latest !== undefined) return afterHearing[latest.outcome]
  return status === "draft" ? "draft" : "awaiting_decision"
}

const maybe = <A>(schema: Schema.Schema<A>) => Schema.UndefinedOr(schema)

/** One request: when it came, when and how it was decided, how often deferred. No names, no free text. */
export const RequestRow = Schema.Struct({
  referralId: Schema.String,
  panelId: Schema.String,
  requestTypes: Schema.String,
  children: Schema.Int,
  childIds: Schema.String,
  submittedAt: maybe(Schema.String),
  submittedOn: maybe(Schema.String),
  acceptedLate: maybe(Schema.Boolean),
  standing: RequestStanding,
  firstDecisionOn: maybe(Schema.String),
  firstOutcome: maybe(Schema.String),
  outcomeOn: maybe(Schema.String),
  outcome: maybe(Schema.String),
  hearings: Schema.Int,
  deferrals: Schema.Int,
  calendarDaysToFirstDecision: maybe(Schema.Number),
  workingDaysToFirstDecision: maybe(Schema.Number),
  calendarDaysToOutcome: maybe(Schema.Number),
  workingDaysToOutcome: maybe(Schema.Number)
})
export type RequestRow = typeof RequestRow.Type

export const requestRow = (timeline: Timeline): RequestRow => {
  const { referral, first, outcome } = timeline
  return {
    referralId: referral.id,
    panelId: referral.form.panelId,
    requestTypes: joined(referral.form.requestTypes),
    children: referral.form.children.length,
    childIds: joined(referral.form.children.map((child) => child.childId)),
    submittedAt: referral.submittedAt === undefined ? undefined : DateTime.formatIso(referral.submittedAt),
    submittedOn: referral.submittedAt === undefined ? undefined : dayOf(referral.submittedAt),
    acceptedLate: referral.acceptedLate,
    standing: standingOf(timeline),
    firstDecisionOn: first === undefined ? undefined : dayOf(first.at),
    firstOutcome: first?.outcome,
    outcomeOn: outcome === undefined ? undefined : dayOf(outcome.at),
    outcome: outcome?.outcome,
    hearings: timeline.hearings.length,
    deferrals: timeline.deferrals,
    calendarDaysToFirstDecision: timeline.toFirstDecision?.calendarDays,
    workingDaysToFirstDecision: timeline.toFirstDecision?.workingDays,
    calendarDaysToOutcome: timeline.toOutcome?.calendarDays,
    workingDaysToOutcome: timeline.toOutcome?.workingDays
  }
}

/** Requests of one type by where they stand: a request of two types counts once under each. */
export const TypeRow = Schema.Struct({
  requestType: RequestType,
  label: Schema.String,
  requests: Schema.Int,
  approved: Schema.Int,
  declined: Schema.Int,
  deferred: Schema.Int,
  awaitingDecision: Schema.Int,
  closed: Schema.Int
})
export type TypeRow = typeof TypeRow.Type

export const typeRows = (timelines: ReadonlyArray<Timeline>): ReadonlyArray<TypeRow> => {
  const types = RequestType.literals.filter((type) => timelines.some((timeline) => timeline.referral.form.requestTypes.includes(type)))
  return types.map((requestType) => {
    const standings = timelines.filter((timeline) => timeline.referral.form.requestTypes.includes(requestType)).map(standingOf)
    const count = (...wanted: ReadonlyArray<RequestStanding>) => standings.filter((standing) => wanted.includes(standing)).length
    return {
      requestType,
      label: requestTypeLabel[requestType],
      requests: standings.length,
      approved: count("approved"),
      declined: count("declined"),
      deferred: count("deferred"),
      awaitingDecision: count("awaiting_decision", "draft"),
      closed: count("withdrawn", "redirected")
    }
  })
}
