import { Schema } from "effect"
import type { Deadline } from "../deadlines/Deadline.js"
import { Role } from "../shared/roles.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { type Addressee, roleHolder, socialWorkerOf, teamManagerOf } from "./address.js"
import type { CaseContext } from "./CaseContext.js"
import { nominatedOfficerOf } from "./nominatedOfficer.js"

const isRole = Schema.is(Role)

/**
 * The clock a deadline is, from its id: every clock function names its clocks `${record}:${clock}[:...]`
 * (`ref_1:submission:sit_1`, `dec_1:action:act_1`, `plc_1:viability`). Kept here, beside its tests, so a renamed
 * clock shows up as a failing routing test rather than a silent default.
 */
export const clockNameOf = (deadline: Deadline): { readonly name: string; readonly rest: ReadonlyArray<string> } => {
  const [, name = "", ...rest] = deadline.id.split(":")
  return { name, rest }
}

const administrator = roleHolder("panel_administrator")

/**
 * Who a clock falling due concerns. Case clocks go to the social worker (when known) and the team manager;
 * sitting clocks to the administrator, the final record to the chair (CPR-11); FGC escalations to the role the
 * clock escalates to (LIN-9); a disagreement's areas to the chair and administrator who note them at panel, its
 * outcome to the Assistant Director, and the chair too where the chair takes it there (LIN-13's route, whatever rule its
 * clock cites);
 * returns and reviews to the administrator to diarise (CPR-10, NSO-9) and the social worker; the Complex Needs Panel
 * template to the administrator (CPR-6). Anything unknown goes to the administrator, who keeps the file (SUP-6). Police protection's clocks (STAT-S46) also go to the head of
 * service and the authority's nominated officer.
 */
export const clockRecipients = (
  deadline: Deadline,
  known: CaseContext | undefined,
  chairRole: Role,
  policy?: AuthorityPolicy
): ReadonlyArray<Addressee> => {
  const caseholders = [...socialWorkerOf(known), teamManagerOf(known)]
  const { name, rest } = clockNameOf(deadline)
  switch (deadline.about.kind) {
    case "referral":
      return caseholders
    case "placement":
      // STAT-S46 (and its DEF-S46-WARN-48H warning): the child may be held without a legal basis.
      if (name === "police-protection" || name === "police-protection-warning") {
        return [...caseholders, roleHolder("head_of_service"), ...nominatedOfficerOf(policy)]
      }
      // STAT-R25-4: the approval expired without approval as foster carers; the nominated officer is told at once.
      if (name === "alternative-arrangement") return [...caseholders, ...nominatedOfficerOf(policy)]
      return caseholders
    case "child":
      // NSO-10: the administrator books the sitting that takes the EPO plan retrospectively.
      if (name === "epo-retrospective") return [...caseholders, administrator]
      // STAT-S25: past 72 hours the child is held without a legal basis.
      if (name === "secure-72h") return [...caseholders, roleHolder("head_of_service")]
      return caseholders
    case "sitting":
      return name === "record-final" ? [roleHolder(chairRole)] : [administrator]
    case "disagreement":
      if (name === "areas") return [roleHolder(chairRole), administrator]
      return policy?.disagreement.route === "chair_with_assistant_director" ? [roleHolder("assistant_director"), roleHolder(chairRole)] : [roleHolder("assistant_director")]
    case "action": {
      const escalateTo = rest[1]
      if (name === "fgc" && escalateTo !== undefined && isRole(escalateTo)) {
        return [escalateTo === "team_manager" ? teamManagerOf(known) : roleHolder(escalateTo), roleHolder("practice_supervisor")]
      }
      return caseholders
    }
    case "decision":
      switch (name) {
        case "actions-case-note":
          return [teamManagerOf(known)]
        case "return":
        case "accommodation-review":
        case "review":
          return [administrator, ...socialWorkerOf(known)]
        case "retrospective":
        // CPR-6: the administrator emails the Complex Needs Panel referral template.
        case "complex-needs-template":
          return [administrator]
        default:
          return caseholders
      }
  }
}
