import { DateTime } from "effect"
import { headlineCitation } from "../policy/citation.js"
import { formatInstant } from "../calendar/format.js"
import type { Deadline } from "../deadlines/Deadline.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { Notification } from "../ports/Notification.js"
import { type AuthorityId, PersonId } from "../shared/ids.js"
import { actByDeadline, addressTo, factsOf, iso } from "./address.js"
import { type CaseContext, redactor, withheldText } from "./CaseContext.js"
import type { ClockLookup } from "./clockLookup.js"
import { clockNameOf, clockRecipients } from "./clockRecipients.js"
import { forChildren, sittingName } from "./recordName.js"

export interface ClockScope {
  readonly authorityId: AuthorityId
  /** Names the chair's role for a sitting's panel; "panel_chair" without it. */
  readonly policy?: AuthorityPolicy
  /** The case and panel behind each clock (see `clockLookup`); without it, caseholders fall back to roles. */
  readonly lookup?: ClockLookup
  /** A clock is due soon this many hours ahead; 48 unless said otherwise (as `Deadlines`). */
  readonly dueSoonHours?: number
}

export type Alarm = "due_soon" | "overdue"

/** Whether a clock calls for a reminder at `now`: never once met, overdue after its due instant, due soon within the window. */
export const alarmOf = (deadline: Deadline, now: DateTime.Utc, dueSoonHours = 48): Alarm | undefined => {
  if (deadline.state === "met" || deadline.metAt !== undefined) return undefined
  if (DateTime.greaterThan(now, deadline.due)) return "overdue"
  return DateTime.distance(now, deadline.due) <= dueSoonHours * 3_600_000 ? "due_soon" : undefined
}

/** The clocks a temporary approval ends by (`regulation24/placementClocks.ts`), and the warning ahead of them. */
const approvalEnds = ["temporary-approval", "extended-approval"]

/**
 * Whether `deadline` is the warning ahead of a temporary approval's end (STAT-R24, STAT-R25-1) and that end has come:
 * the warning is for before it ("ends in 14 days" would then be false), and the end's own clock reminds after it.
 */
const warningPassed = (deadline: Deadline, deadlines: ReadonlyArray<Deadline>, now: DateTime.Utc): boolean =>
  clockNameOf(deadline).name === "approval-warning" &&
  deadlines.some(
    (end) =>
      end.about.kind === deadline.about.kind &&
      end.about.id === deadline.about.id &&
      approvalEnds.includes(clockNameOf(end).name) &&
      end.metAt === undefined &&
      !DateTime.lessThan(now, end.due)
  )

/** Overdue clocks that mean a child may be held without a legal basis: the alert says so first. */
const urgentWhenOverdue: ReadonlyArray<string> = ["STAT-S46", "STAT-S25"]

const subject: Record<Deadline["about"]["kind"], string> = {
  referral: "panel request",
  sitting: "sitting",
  decision: "panel decision",
  action: "action",
  disagreement: "disagreement",
  placement: "Regulation 24 placement",
  child: "child's record"
}

/**
 * What a reminder's headline says the clock is about, the way staff tell records apart: a sitting by its panel and date,
 * anything else by its children's case ids (the clock's own, else its case's: not for a placement, which is one child's
 * while its case may hold siblings); the record's id when neither is known. A child's record is named by the child's id.
 */
const aboutWhat = (deadline: Deadline, known: CaseContext | undefined, scope: ClockScope): string => {
  const { about } = deadline
  if (about.kind === "child") return `${subject.child} ${about.id}`
  if (about.kind === "sitting") {
    const sitting = scope.lookup?.sittingOf?.(about)
    return sitting === undefined ? `${subject.sitting} ${about.id}` : sittingName(scope.policy, sitting)
  }
  const children = forChildren(about.childIds ?? (about.kind === "placement" ? [] : (known?.childIds ?? [])))
  return `${subject[about.kind]} ${children === "" ? about.id : children}`
}

/** A clock that calls for a reminder at `now`, and which. */
export interface DueReminder {
  readonly deadline: Deadline
  readonly alarm: Alarm
}

/**
 * The clocks that call for a reminder at `now`: never a met one, nor a temporary approval's warning once the approval
 * has ended (`warningPassed`: pass the placement's other clocks with it).
 */
export const remindersDue = (deadlines: ReadonlyArray<Deadline>, now: DateTime.Utc, dueSoonHours?: number): ReadonlyArray<DueReminder> =>
  deadlines.flatMap((deadline) => {
    const alarm = alarmOf(deadline, now, dueSoonHours)
    return alarm === undefined || warningPassed(deadline, deadlines, now) ? [] : [{ deadline, alarm }]
  })

/** A reminder's id less its recipient's key: the clock, the alarm and the due instant. */
const reminderIdOf = ({ deadline, alarm }: DueReminder) => `${deadline.id}:${alarm}:${iso(deadline.due)}`

/** The case behind a reminder's clock, the chair's role for its sitting's panel, and whom it goes to. */
const addresseesOf = ({ deadline }: DueReminder, scope: ClockScope) => {
  const known = scope.lookup?.caseOf(deadline.about)
  const panelId = scope.lookup?.panelOf(deadline.about)
  const chairRole = scope.policy?.panels.find((panel) => panel.id === panelId)?.chair.role ?? scope.policy?.panels[0].chair.role ?? "panel_chair"
  return { known, addressees: clockRecipients(deadline, known, chairRole, scope.policy) }
}

/**
 * The ids of a reminder's notifications, one per recipient, as `reminderNotifications` gives them, without writing
 * their text: what the outbox is asked whether it holds already.
 */
export const reminderIds = (reminder: DueReminder, scope: ClockScope): ReadonlyArray<string> => {
  const id = reminderIdOf(reminder)
  return [...new Set(addresseesOf(reminder, scope).addressees.map((addressee) => addressee.key))].map((key) => `${id}:${key}`)
}

/** A case whose social worker is known: who a reminder goes to depends on its case only through that (`socialWorkerOf`). */
const caseWithASocialWorker: CaseContext = { socialWorker: { personId: PersonId.make("any"), name: "" }, childNames: [] }

/**
 * Every id a reminder's notifications can have whatever its case turns out to be (not known, or known with its social
 * worker), from the records its clock was worked out from: when all are queued, so is the reminder, and the request
 * behind it need not be read.
 */
export const possibleReminderIds = (reminder: DueReminder, scope: ClockScope & { readonly lookup: ClockLookup }): ReadonlyArray<string> => {
  const idsWith = (known: CaseContext | undefined) => reminderIds(reminder, { ...scope, lookup: { ...scope.lookup, caseOf: () => known } })
  return [...new Set([...idsWith(undefined), ...idsWith(caseWithASocialWorker)])]
}

/**
 * Reminders for clocks that are due soon or overdue at `now`, for whoever the clock concerns (`clockRecipients`).
 * The id is `${deadline}:${alarm}:${due}:${recipient}`: run it every hour and each clock reminds each person once
 * when it falls due soon and once when it falls overdue (the outbox keeps one entry per id); a due date that moves
 * (an amended action) reminds again. Met clocks never remind, nor a temporary approval's warning once the approval
 * has ended (`remindersDue`). The headline names the rule and what the clock is about (`aboutWhat`), never the clock's
 * title: an action's title is free text and may hold a child's name; the body redacts it.
 */
export const clockNotifications = (deadlines: ReadonlyArray<Deadline>, now: DateTime.Utc, scope: ClockScope): ReadonlyArray<Notification> =>
  reminderNotifications(remindersDue(deadlines, now, scope.dueSoonHours), scope)

/** The notifications of reminders due (`remindersDue`), one per recipient (see `clockNotifications`). */
export const reminderNotifications = (reminders: ReadonlyArray<DueReminder>, scope: ClockScope): ReadonlyArray<Notification> =>
  reminders.flatMap((reminder) => {
    const { deadline, alarm } = reminder
    const { known, addressees } = addresseesOf(reminder, scope)
    const redact = redactor(known?.childNames ?? [], known?.familyNames)
    // An action's clock is titled by the action's own words: without its case no child's or parent's name can be taken out of them.
    const title = known === undefined && deadline.about.kind === "action" ? withheldText : redact(deadline.title)
    const due = formatInstant(deadline.due)
    return addressTo(
      scope.authorityId,
      {
        id: reminderIdOf(reminder),
        kind: alarm === "overdue" ? "clock.overdue" : "clock.due_soon",
        headline: `${alarm === "overdue" ? (urgentWhenOverdue.includes(deadline.ruleId) ? "Urgent: overdue" : "Overdue") : "Due soon"} (${headlineCitation(deadline.ruleId)}): ${aboutWhat(deadline, known, scope)}`,
        body: [
          `${title}.`,
          alarm === "overdue" ? `This was due at ${due} and is not done yet.` : `This is due at ${due}.`,
          `Why: ${redact(deadline.explanation)}.`
        ],
        actBy: actByDeadline(deadline),
        facts: factsOf({
          deadlineId: deadline.id,
          ruleId: deadline.ruleId,
          alarm,
          due: iso(deadline.due),
          aboutKind: deadline.about.kind,
          aboutId: deadline.about.id,
          // The request an action's or decision's clock belongs to, so a webhook finds the case system that sent it.
          referralId: scope.lookup?.requestOf(deadline.about)
        })
      },
      addressees
    )
  })
