import { Schema } from "effect"
import { formatDate, formatInstant } from "../calendar/format.js"
import { LocalDate } from "../calendar/LocalDate.js"
import type { RuleId } from "../policy/rules.js"

/**
 * A fact on a child's record that can be withdrawn when it was recorded by mistake, named by its own dates: the
 * child's death (by its date), a court's authority for secure accommodation (by its dates), the Secretary of State's
 * approval (by when it was given).
 */
export const WithdrawableEntry = Schema.Union(
  Schema.Struct({ kind: Schema.Literal("death"), diedOn: LocalDate }),
  Schema.Struct({ kind: Schema.Literal("court_authority"), from: Schema.DateTimeUtc, until: Schema.DateTimeUtc }),
  Schema.Struct({ kind: Schema.Literal("secretary_of_state_approval"), approvedAt: Schema.DateTimeUtc })
)
export type WithdrawableEntry = typeof WithdrawableEntry.Type
export type WithdrawableKind = WithdrawableEntry["kind"]

/** The rule each kind of entry is recorded under. */
export const withdrawableRule: Record<WithdrawableKind, RuleId> = {
  death: "STAT-R50",
  court_authority: "STAT-S25",
  secretary_of_state_approval: "STAT-S25"
}

/** "the death on Wed 10 Feb 2027": the entry in words, as a social worker names it. */
export const describeEntry = (entry: WithdrawableEntry): string => {
  switch (entry.kind) {
    case "death":
      return `the death on ${formatDate(entry.diedOn)}`
    case "court_authority":
      return `the court's authority for secure accommodation from ${formatInstant(entry.from)} until ${formatInstant(entry.until)}`
    case "secretary_of_state_approval":
      return `the Secretary of State's approval given at ${formatInstant(entry.approvedAt)}`
  }
}
