import type { Decision, DecisionState } from "./Decision.js"
import type { DecisionEvent } from "./DecisionEvents.js"
import type { ActionProgress, DecisionContent } from "./DecisionParts.js"

const open: ActionProgress = { _tag: "Open" }

/** New content keeps the progress of actions it still lists; new actions start open. */
const withContent = (decision: Decision | undefined, content: DecisionContent): Decision["content"] => ({
  ...content,
  actions: content.actions.map((plan) => ({
    ...plan,
    progress: decision?.content.actions.find((action) => action.actionId === plan.actionId)?.progress ?? open
  }))
})

const progress = (decision: Decision, actionId: string, next: ActionProgress): Decision => ({
  ...decision,
  content: {
    ...decision.content,
    actions: decision.content.actions.map((action) => (action.actionId === actionId ? { ...action, progress: next } : action))
  }
})

const base = {
  signOffs: [],
  amendments: [],
  fgcReferralsReceived: [],
  changesOfCircumstances: [],
  laterHearings: []
} as const

/** Folds one event into the decision. Total: an event that does not fit leaves the state as it was. */
export const evolveDecision = (state: DecisionState, event: DecisionEvent): DecisionState => {
  switch (event._tag) {
    case "DecisionRecorded":
      return {
        ...base,
        id: event.decisionId,
        authorityId: event.authorityId,
        subject: event.subject,
        madeAt: "panel",
        sittingId: event.sittingId,
        ...(event.chair === undefined ? {} : { chairedBy: event.chair }),
        heardAt: event.heardAt,
        status: event.signOffsNeeded.length === 0 ? "final" : "awaiting_sign_off",
        content: withContent(undefined, event.content),
        recordedBy: event.by,
        pendingSignOffs: event.signOffsNeeded
      }
    case "OutsidePanelAgreementRecorded":
      return {
        ...base,
        id: event.decisionId,
        authorityId: event.authorityId,
        subject: event.subject,
        madeAt: "outside_panel",
        heardAt: event.at,
        status: "awaiting_agreement",
        content: withContent(undefined, event.content),
        recordedBy: event.by,
        pendingSignOffs: [],
        outsidePanel: {
          ruleId: event.ruleId,
          whyOutsidePanel: event.whyOutsidePanel,
          timescales: event.timescales,
          ...(event.placedAt === undefined ? {} : { placedAt: event.placedAt }),
          ...(event.lpmAt === undefined ? {} : { lpmAt: event.lpmAt }),
          ...(event.confirmedCases === undefined ? {} : { confirmedCases: event.confirmedCases }),
          pendingAgreements: event.agreementsNeeded,
          agreements: [],
          retrospectivePresentation: event.retrospectivePresentation,
          s20TasksDone: []
        }
      }
  }
  if (state === undefined) return state
  switch (event._tag) {
    case "DecisionEdited":
      return { ...state, content: withContent(state, event.content) }
    case "DecisionSignedOff": {
      const pendingSignOffs = state.pendingSignOffs.slice(1)
      return {
        ...state,
        pendingSignOffs,
        signOffs: [
          ...state.signOffs,
          { role: event.role, ruleId: event.ruleId, by: event.by, at: event.at, ...(event.forTheChair === undefined ? {} : { forTheChair: event.forTheChair }) }
        ],
        status: pendingSignOffs.length === 0 ? "final" : state.status
      }
    }
    case "OutsidePanelAgreed": {
      if (state.outsidePanel === undefined) return state
      const index = state.outsidePanel.pendingAgreements.findIndex((entry) => entry.anyOf.includes(event.role))
      const pendingAgreements = state.outsidePanel.pendingAgreements.filter((_, i) => i !== index)
      return {
        ...state,
        status: pendingAgreements.length === 0 ? "final" : state.status,
        outsidePanel: {
          ...state.outsidePanel,
          pendingAgreements,
          agreements: [...state.outsidePanel.agreements, { role: event.role, by: event.by, at: event.at }]
        }
      }
    }
    case "OutsidePanelAgreementRefused":
      return state.outsidePanel === undefined
        ? state
        : {
            ...state,
            status: "not_agreed",
            outsidePanel: { ...state.outsidePanel, refused: { role: event.role, reason: event.reason, by: event.by, at: event.at } }
          }
    case "DecisionAmended":
      return {
        ...state,
        content: withContent(state, event.content),
        amendments: [...state.amendments, { whatChanged: event.whatChanged, why: event.why, approvedBy: event.approvedBy, by: event.by, at: event.at }]
      }
    case "ActionCompleted":
      return progress(state, event.actionId, { _tag: "Completed", evidence: event.evidence, by: event.by, at: event.at })
    case "ActionOutstanding":
      return progress(state, event.actionId, { _tag: "Outstanding", reason: event.reason, by: event.by, at: event.at })
    case "ActionsCaseNoteRecorded":
      // LIN-6: the first note meets the month; a later update note does not move when it was met.
      return { ...state, actionsCaseNoteAt: state.actionsCaseNoteAt ?? event.at }
    case "FgcReferralReceived":
      return { ...state, fgcReferralsReceived: [...state.fgcReferralsReceived, { actionId: event.actionId, at: event.at }] }
    case "ChangeOfCircumstancesApproved":
      return {
        ...(event.replaces ?? []).reduce(
          (replaced, actionId) => progress(replaced, actionId, { _tag: "Replaced", alternativeAction: event.alternativeAction, by: event.by, at: event.at }),
          state
        ),
        changesOfCircumstances: [
          ...state.changesOfCircumstances,
          { circumstances: event.circumstances, alternativeAction: event.alternativeAction, by: event.by, at: event.at }
        ]
      }
    case "ReturnWaived":
      return { ...state, returnWaived: { caseNote: event.caseNote, by: event.by, at: event.at } }
    case "S20TaskDone":
      return state.outsidePanel === undefined
        ? state
        : {
            ...state,
            outsidePanel: {
              ...state.outsidePanel,
              s20TasksDone: [...state.outsidePanel.s20TasksDone, { task: event.task, note: event.note, at: event.at }]
            }
          }
    case "ComplexNeedsReferralStarted":
      return { ...state, complexNeedsReferral: { startedAt: event.at } }
    case "ComplexNeedsTemplateSent":
      return state.complexNeedsReferral === undefined
        ? state
        : { ...state, complexNeedsReferral: { ...state.complexNeedsReferral, templateSent: { note: event.note, by: event.by, at: event.at } } }
    case "LaterHearingNoted": {
      const noted = { ...state, laterHearings: [...state.laterHearings, event.hearing] }
      // A proposal outside panel still waiting for an agreement when its request is heard again lapses (NSO-10, LIN-11, KNO-5).
      if (state.status !== "awaiting_agreement" || state.outsidePanel === undefined) return noted
      const { reviewOf: _reviewOf, ...overtaken } = event.hearing
      return { ...noted, status: "lapsed", outsidePanel: { ...state.outsidePanel, overtaken } }
    }
    case "PreProceedingsOverNoted":
      return { ...state, preProceedingsOver: { at: event.overAt, how: event.how } }
  }
}
