import type { DateTime } from "effect"
import type { Calendar } from "../calendar/WorkingCalendar.js"
import type { Deadline } from "../deadlines/Deadline.js"
import type { Decision } from "../decision/Decision.js"
import type { Disagreement } from "../disagreement/Disagreement.js"
import type { Referral } from "../referral/Referral.js"
import type { CitingPolicy } from "../policy/citation.js"
import type { Placement } from "../regulation24/Placement.js"
import type { Sitting } from "../sitting/Sitting.js"

/**
 * What every report reads: one authority's folded records, the clocks `deadlinesOf` computed from them at
 * `asOf`, and the authority's working calendar (for working days). Reports are pure functions of these.
 *
 * Reports hold ids, types, dates, counts and states, never free text: a rationale or an action's description may
 * name a child, and a report travels further (a spreadsheet, a committee paper) than the record it comes from.
 */
export interface ReportInputs {
  readonly referrals: ReadonlyArray<Referral>
  readonly sittings: ReadonlyArray<Sitting>
  readonly decisions: ReadonlyArray<Decision>
  readonly disagreements: ReadonlyArray<Disagreement>
  readonly placements: ReadonlyArray<Placement>
  readonly deadlines: ReadonlyArray<Deadline>
  readonly calendar: Calendar
  /** The authority's, whose own rules (`BRK-4`) a report cites with their words and source. */
  readonly policy: CitingPolicy
  /** When the clocks' states were computed: "overdue" means overdue at this instant. */
  readonly asOf: DateTime.Utc
}

/** "a;b": several values in one CSV cell. */
export const joined = (values: ReadonlyArray<string>): string => values.join(";")
