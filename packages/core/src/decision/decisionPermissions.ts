import { childRecordRecorders } from "../childRecord/ChildRecordCommands.js"
import { type Permission, permission } from "../shared/authorise.js"
import { everyRole, type Role } from "../shared/roles.js"
import type { DecisionCommand } from "./DecisionCommands.js"
import { amendmentApprovers } from "./decideShared.js"

const chairs = amendmentApprovers
const caseholders = ["social_worker", "practice_supervisor", "team_manager"] as const

/** Who may record any action's progress (CPR-8); the decider lets an action's owner record their own besides. */
export const actionRecorders = {
  CompleteAction: [...caseholders, "service_manager", "panel_administrator"],
  MarkActionOutstanding: [...caseholders, "service_manager"]
} as const satisfies Record<string, ReadonlyArray<Role>>
/** Every member of staff who may own an action and is not already an action recorder. */
const owners = (recorders: ReadonlyArray<Role>) => everyRole.filter((role) => role !== "integrator" && role !== "auditor" && !recorders.includes(role))

/** Who may run each decision command. The decider checks the finer rules (the next sign-off, the agreement's roles). */
export const decisionPermissions = {
  RecordDecision: permission("record a panel decision", "panel_administrator", ...chairs),
  RecordOutsidePanelAgreement: permission(
    "record an agreement outside panel",
    "head_of_service", "service_manager", "assistant_director", "panel_chair", "vice_chair", "team_manager"
  ),
  EditDecision: permission("edit a decision before sign-off", "panel_administrator", ...chairs),
  SignOff: permission("sign off a decision", ...chairs, "head_of_service"),
  AgreeOutsidePanel: permission("agree a decision outside panel", "head_of_service", "service_manager", ...chairs),
  RefuseOutsidePanel: permission("refuse to agree a decision outside panel", "head_of_service", "service_manager", ...chairs),
  AmendDecision: permission("amend a signed decision", ...chairs),
  CompleteAction: permission("complete an action", ...actionRecorders.CompleteAction, ...owners(actionRecorders.CompleteAction)),
  MarkActionOutstanding: permission("record why an action is outstanding", ...actionRecorders.MarkActionOutstanding, ...owners(actionRecorders.MarkActionOutstanding)),
  RecordActionsCaseNote: permission("record the actions case note", "team_manager"),
  RecordFgcReferralReceived: permission("record an FGC referral as received", "practice_supervisor", "team_manager", "panel_administrator"),
  ApproveChangeOfCircumstances: permission("approve alternative action", "service_manager", "head_of_service", "assistant_director"),
  WaiveReturn: permission("close a return to panel by case note", "team_manager", "practice_supervisor"),
  RecordS20Task: permission("record a 48-hour task", ...caseholders),
  RecordComplexNeedsTemplateSent: permission("record the Complex Needs Panel referral template as sent", "panel_administrator"),
  /** Whoever records a decision at panel, or gives an agreement outside panel its last agreement, tells the request's earlier decisions of the hearing. */
  NoteLaterHearing: permission(
    "note a later hearing on the request's earlier decisions",
    "panel_administrator", ...chairs, "head_of_service", "service_manager", "team_manager"
  ),
  /** Whoever records on the child's record that pre-proceedings ended or proceedings were issued tells the child's decisions (NSO-9). */
  NotePreProceedingsOver: permission("note on the child's decisions that pre-proceedings are over", ...childRecordRecorders)
} satisfies Record<DecisionCommand["_tag"], Permission>

export const decisionReaders = permission(
  "read decisions",
  ...caseholders, "head_of_service", "service_manager", ...chairs, "panel_administrator", "panel_member", "integrator", "auditor"
)
