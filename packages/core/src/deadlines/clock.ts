import { DateTime } from "effect"
import type { ClockRule } from "../calendar/ClockRule.js"
import { formatInstant } from "../calendar/format.js"
import { remembered } from "../calendar/remembered.js"
import { type ResolvedClock, resolveClock } from "../calendar/resolveClock.js"
import type { Calendar } from "../calendar/WorkingCalendar.js"
import { type CitingPolicy, citation } from "../policy/citation.js"
import type { RuledClock } from "../policy/RuledClock.js"
import type { RuleId } from "../policy/rules.js"
import type { Deadline, DeadlineState } from "./Deadline.js"

/** A clock before its state is known: the subject, the rule, the anchor in words, and when it was met. */
export interface ClockSpec {
  readonly id: string
  readonly about: Deadline["about"]
  readonly title: string
  /** A policy clock resolved against the anchor, or a due instant someone set (an action's due date). */
  readonly rule: RuledClock | FixedClock
  readonly anchor: DateTime.Utc
  /** "the sitting on Wed 9 Jun 2027" */
  readonly anchorText: string
  readonly metAt?: DateTime.Utc | undefined
  /** A hard stop the clock may not run past, e.g. CPR-11's "before the next sitting". */
  readonly notAfter?: { readonly instant: DateTime.Utc; readonly text: string } | undefined
  /** A window's opening, from the same anchor (NSO-9's 8 weeks): the explanation shows "between ... and ...". */
  readonly opensAfter?: ClockRule | undefined
}

export interface FixedClock {
  readonly ruleId: RuleId
  readonly fixed: { readonly due: DateTime.Utc; readonly phrase: string }
}

export interface Now {
  readonly now: DateTime.Utc
  /** A clock is "due soon" this many hours before it falls due. */
  readonly dueSoonHours: number
}

const stateOf = (due: DateTime.Utc, metAt: DateTime.Utc | undefined, { now, dueSoonHours }: Now): DeadlineState => {
  if (metAt !== undefined) return "met"
  if (DateTime.greaterThan(now, due)) return "overdue"
  return DateTime.distance(now, due) <= dueSoonHours * 3_600_000 ? "due_soon" : "pending"
}

/** A closed day moved forward but kept before the sitting is Carepanel's choice, not the seed's: say so. */
const movedByDefault = (rule: ClockSpec["rule"], policy: CitingPolicy) =>
  "clock" in rule && "ifClosed" in rule.clock && rule.clock.ifClosed === "nextWorkingDayBefore" ? `; ${citation("DEF-NEXT-WORKING-DAY-BEFORE", policy)}` : ""

/** A clock rule resolved against an anchor on one calendar. */
export type ClockResolver = (rule: ClockRule, anchor: DateTime.Utc) => ResolvedClock

const resolverOn =
  (calendar: Calendar): ClockResolver =>
  (rule, anchor) =>
    resolveClock(rule, { instant: anchor }, calendar)

const resolvers = new WeakMap<Calendar, ClockResolver>()

/**
 * `resolveClock` on one calendar, each rule and anchor worked out once for as long as the calendar is in use: an
 * authority's clocks share them (every request aimed at a sitting is due at the same instant), each call of the
 * deadlines asks for the same ones again, and working-day arithmetic is most of a clock's cost.
 */
export const rememberingResolver = (calendar: Calendar): ClockResolver => {
  const known = resolvers.get(calendar)
  if (known !== undefined) return known
  const byRule = new WeakMap<ClockRule, (anchorMillis: number) => ResolvedClock>()
  const resolver: ClockResolver = (rule, anchor) => {
    let ofRule = byRule.get(rule)
    if (ofRule === undefined) {
      ofRule = remembered((anchorMillis: number) => resolveClock(rule, { instant: DateTime.unsafeMake(anchorMillis) }, calendar))
      byRule.set(rule, ofRule)
    }
    return ofRule(DateTime.toEpochMillis(anchor))
  }
  resolvers.set(calendar, resolver)
  return resolver
}

/** `policy`: the authority's, whose own rules (`BRK-4`) the explanation cites with their words and source. */
export const toDeadline = (spec: ClockSpec, calendar: Calendar, now: Now, resolve: ClockResolver = resolverOn(calendar), policy: CitingPolicy = {}): Deadline => {
  const resolved: { due: DateTime.Utc; phrase: string; adjusted?: string | undefined } = "fixed" in spec.rule ? spec.rule.fixed : resolve(spec.rule.clock, spec.anchor)
  const capped = spec.notAfter !== undefined && DateTime.lessThan(spec.notAfter.instant, resolved.due)
  const due = capped ? spec.notAfter!.instant : resolved.due
  const opens = spec.opensAfter === undefined ? undefined : resolve(spec.opensAfter, spec.anchor)
  const why = capped
    ? `${spec.notAfter!.text}, which comes before ${resolved.phrase} ${spec.anchorText}`
    : opens !== undefined
      ? `between ${formatInstant(opens.due)} and ${formatInstant(due)} (${opens.phrase.replace(/ after$/, "")} to ${resolved.phrase} ${spec.anchorText})`
      : `${resolved.phrase} ${spec.anchorText}${resolved.adjusted ? ` (${resolved.adjusted}${movedByDefault(spec.rule, policy)})` : ""}`
  return {
    id: spec.id,
    about: spec.about,
    title: spec.title,
    ruleId: spec.rule.ruleId,
    due,
    state: stateOf(due, spec.metAt, now),
    ...(spec.metAt === undefined ? {} : { metAt: spec.metAt, metLate: DateTime.greaterThan(spec.metAt, due) }),
    explanation: `due ${formatInstant(due)} - ${citation(spec.rule.ruleId, policy)}: ${why}${
      spec.metAt !== undefined && DateTime.greaterThan(spec.metAt, due) ? `; met late, at ${formatInstant(spec.metAt)}` : ""
    }`
  }
}

const deadlinesOn = new WeakMap<Calendar, WeakMap<CitingPolicy, WeakMap<ClockSpec, Deadline>>>()

/**
 * `toDeadline` on one calendar and policy, each clock object's deadline kept while its state (pending, due soon,
 * overdue, met) holds: nothing else in it moves with the time. Where the clocks themselves are kept (a request's
 * submission clock, `referralClocks`), an authority's thousands of running clocks cost no new deadlines at each call.
 */
export const rememberingDeadlines = (calendar: Calendar, policy: CitingPolicy): ((spec: ClockSpec, now: Now) => Deadline) => {
  const resolve = rememberingResolver(calendar)
  const ofCalendar = deadlinesOn.get(calendar) ?? new WeakMap<CitingPolicy, WeakMap<ClockSpec, Deadline>>()
  deadlinesOn.set(calendar, ofCalendar)
  const known = ofCalendar.get(policy) ?? new WeakMap<ClockSpec, Deadline>()
  ofCalendar.set(policy, known)
  return (spec, now) => {
    const kept = known.get(spec)
    if (kept !== undefined && kept.state === stateOf(kept.due, spec.metAt, now)) return kept
    const deadline = toDeadline(spec, calendar, now, resolve, policy)
    known.set(spec, deadline)
    return deadline
  }
}
