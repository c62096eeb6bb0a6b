import {
  type Actor,
  ChildRecords,
  currentExpiry,
  type Deadline,
  Deadlines,
  formatDate,
  formatInstant,
  hasS20Basis,
  isUnderPoliceProtection,
  londonDateOf,
  type Placement,
  Placements,
  retentionOf,
  s20ConsentWithdrawnAt
} from "@carepanel/core"
import { DateTime, Effect } from "effect"
import { counted } from "../ui/describe.js"

/** One line of the tracker's clocks: a clock the core computes, or a record past its retention date (STAT-R50). */
export interface TrackerClock {
  readonly state: Deadline["state"]
  readonly due: DateTime.Utc | undefined
  /** When due, in words: the clock's instant, or the last day a record was to be kept. */
  readonly dueText: string
  /** Where there is no instant to count down to: what to say instead of the time left. */
  readonly countdown?: string
  readonly ruleId: string
  readonly title: string
  readonly explanation: string
}

/** What the statutory clocks are about: a Regulation 24 placement, a child's statutory record, or anything else. */
export interface TrackedSubject {
  readonly kind: Deadline["about"]["kind"]
  readonly id: string
  /** The child, where the subject is one child's (a placement, a child's record). */
  readonly childId: string | undefined
  readonly placement: Placement | undefined
  /** Most urgent first. */
  readonly clocks: ReadonlyArray<TrackerClock>
  readonly pastRetention: boolean
}

const urgency: Record<Deadline["state"], number> = { overdue: 0, due_soon: 1, pending: 2, met: 3 }

const byUrgency = (a: TrackerClock, b: TrackerClock): number =>
  urgency[a.state] - urgency[b.state] || (a.due?.epochMillis ?? 0) - (b.due?.epochMillis ?? 0)

/**
 * On the tracker: every clock under a statutory rule (STAT-*), and every clock of a Regulation 24 placement or of a
 * child's statutory record (their local and Carepanel clocks count down to the statute's limits). Whatever the core
 * adds under those subjects or rules shows here without a change to this screen.
 */
export const isStatutory = (clock: Deadline): boolean =>
  clock.ruleId.startsWith("STAT-") || clock.about.kind === "placement" || clock.about.kind === "child"

/** "9 weeks 2 days left of the temporary approval", "extended pending an independent review", or how long ago it ran out. */
export const approvalCountdown = (placement: Placement, now: DateTime.Utc): string => {
  const approval = placement.approval
  if (approval === undefined) return placement.status === "identified" ? "not placed yet" : "no temporary approval"
  const expiry = currentExpiry(approval)
  if (expiry === undefined) return "extended pending an independent review (STAT-R25-2)"
  const ms = DateTime.distance(now, expiry)
  const extended = approval.extension === undefined ? "" : ` (extended ${approval.extension.weeks} weeks)`
  return ms >= 0 ? `${spanOf(ms)} left of the approval${extended}` : `‼ approval ran out ${spanOf(ms)} ago${extended}`
}

/** "3 weeks 2 days", "3 days 4 hours", "5 hours 10 minutes": a length of time either way, in whole units (an hour and a half is 1 hour 30 minutes). */
const spanOf = (ms: number): string => {
  const minutes = Math.floor(Math.abs(ms) / 60_000)
  const [days, hours, mins] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60]
  if (days >= 14) return `${counted(Math.floor(days / 7), "week")} ${counted(days % 7, "day")}`
  return days > 0 ? `${counted(days, "day")} ${counted(hours, "hour")}` : `${counted(hours, "hour")} ${counted(mins, "minute")}`
}

/** "3 weeks 2 days left", "3 days 4 hours left", "5 hours 10 minutes left", "overdue by 2 days 1 hour": the time to a clock's due instant. */
export const timeLeft = (due: DateTime.Utc, now: DateTime.Utc): string => {
  const ms = DateTime.distance(now, due)
  return ms >= 0 ? `${spanOf(ms)} left` : `overdue by ${spanOf(ms)}`
}

/** When s20 consent was withdrawn, which may be before it was recorded (s20(8), STAT-S20-CONSENT). */
const withdrawnLine = (placement: Placement): ReadonlyArray<string> => {
  const withdrawnAt = s20ConsentWithdrawnAt(placement)
  return withdrawnAt === undefined ? [] : [`✗ s20 consent withdrawn ${formatInstant(withdrawnAt)}`]
}

/** The placement's standing beside its approval: police protection and the s20 basis, in words. */
export const placementStanding = (placement: Placement): ReadonlyArray<string> => [
  ...(isUnderPoliceProtection(placement) ? ["‼ under police protection (STAT-S46)"] : []),
  ...(hasS20Basis(placement) ? ["✓ s20 on consent"] : withdrawnLine(placement))
]

const fromDeadline = (clock: Deadline): TrackerClock => ({ ...clock, dueText: formatInstant(clock.due) })

/**
 * The statutory tracker's read, through the core's use cases: Regulation 24 placements identified or live, every
 * statutory clock grouped by what it is about (a placement, a child's record: EPO, secure accommodation, proceedings;
 * whatever else the core counts down under a STAT- rule), and children's records past their retention date (STAT-R50).
 * Subjects with the most urgent clock come first.
 */
export const statutoryTracker = (actor: Actor) =>
  Effect.gen(function* () {
    const now = yield* DateTime.now
    const placements = yield* Effect.flatMap(Placements, (use) => use.list(actor))
    const clocks = (yield* Effect.flatMap(Deadlines, (use) => use.forAuthority(actor))).filter(isStatutory)
    const pastRetention = yield* Effect.flatMap(ChildRecords, (use) => use.pastRetention(actor, londonDateOf(now)))
    const subjects = new Map<string, { kind: Deadline["about"]["kind"]; id: string; clocks: TrackerClock[]; pastRetention: boolean }>()
    const subjectOf = (kind: Deadline["about"]["kind"], id: string) => {
      const key = `${kind}:${id}`
      const found = subjects.get(key) ?? { kind, id, clocks: [], pastRetention: false }
      subjects.set(key, found)
      return found
    }
    for (const placement of placements) if (placement.status === "placed" || placement.status === "identified") subjectOf("placement", placement.id)
    for (const clock of clocks) subjectOf(clock.about.kind, clock.about.id).clocks.push(fromDeadline(clock))
    for (const record of pastRetention) {
      const retention = retentionOf(record)
      if (retention === undefined) continue
      const subject = subjectOf("child", record.childId)
      subject.pastRetention = true
      subject.clocks.push({
        state: "overdue",
        due: undefined,
        dueText: formatDate(retention.keepUntil),
        countdown: `kept until ${formatDate(retention.keepUntil)}`,
        ruleId: "STAT-R50",
        title: "Record past its retention date: review it for deletion",
        explanation: retention.explanation
      })
    }
    const tracked: ReadonlyArray<TrackedSubject> = [...subjects.values()]
      .map((subject) => {
        const placement = subject.kind === "placement" ? placements.find((candidate) => candidate.id === subject.id) : undefined
        return {
          ...subject,
          placement,
          childId: placement?.childId ?? (subject.kind === "child" ? subject.id : undefined),
          clocks: [...subject.clocks].sort(byUrgency)
        }
      })
      .sort((a, b) => {
        const [first, second] = [a.clocks[0], b.clocks[0]]
        return first === undefined || second === undefined ? (first === undefined ? 1 : 0) - (second === undefined ? 1 : 0) : byUrgency(first, second)
      })
    return { now, tracked }
  })
