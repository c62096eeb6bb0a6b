import { DateTime } from "effect"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import type { Disagreement } from "../../src/disagreement/Disagreement.js"
import type { Placement } from "../../src/regulation24/Placement.js"
import type { ReportInputs } from "../../src/reports/ReportInputs.js"
import { ActionId, DisagreementId, PlacementId } from "../../src/shared/ids.js"
import { contextOf, london } from "../fixtures.js"
import { asOf, juneInputs } from "./fixtures.js"

/** June's records with some of them changed, and the clocks computed again from the changed records. */
export const juneWith = (change: (inputs: ReportInputs) => Partial<Pick<ReportInputs, "referrals" | "decisions" | "sittings" | "disagreements" | "placements">>, now = asOf): ReportInputs => {
  const june = juneInputs(now)
  const changed = { ...june, ...change(june) }
  const deadlines = deadlinesOf(changed, contextOf("lincolnshire"), { now, dueSoonHours: 48 })
  return { ...changed, deadlines }
}

/** dis_1 as it stood when the member had just recorded a dissent from dec_1's first action (9 Jun, 12:00). */
export const freshDissent = (dis1: Disagreement, id = "dis_2"): Disagreement => ({
  ...dis1,
  id: DisagreementId.make(id),
  status: "dissent_recorded",
  dissentsFrom: { _tag: "RecommendedAction", actionId: ActionId.make("act_1a"), action: "Family group conference" },
  areas: [],
  notedAt: undefined,
  escalations: [],
  outcome: undefined
})

/** A dissent the member withdrew on Mon 14 Jun after the areas were noted. */
export const withdrawnDissent = (dis1: Disagreement, id = "dis_3"): Disagreement => ({
  ...dis1,
  id: DisagreementId.make(id),
  status: "withdrawn",
  escalations: [],
  outcome: undefined,
  withdrawn: { reason: "Reassured by the revised plan", by: dis1.recordedBy, at: london("2027-06-14", "10:00") }
})

/** Another placement, found on a date, and not a Regulation 24 placement. */
export const notRegulation24 = (plc1: Placement, day: string, id = "plc_2"): Placement => ({
  ...plc1,
  id: PlacementId.make(id),
  status: "not_regulation24",
  basicTest: { ...plc1.basicTest, isRegulation24: false, at: london(day, "10:00") },
  placement: undefined,
  approval: undefined,
  viabilityAssessment: undefined,
  authorisation: undefined
})

export const plusWeeks = (instant: DateTime.Utc, weeks: number): DateTime.Utc => DateTime.add(instant, { weeks })
