import type { KindContent } from "../layout.js"
import { fact } from "./facts.js"

/** Formal disagreements with a decision: dissent recorded, areas noted, escalated, outcome. */
export const disagreementKinds: Readonly<Record<string, KindContent>> = {
  "disagreement.dissent_recorded": {
    happened: (n) => `A member's formal dissent from panel decision ${fact(n, "decisionId")} was recorded.`,
    toDo: () => "As chair, note the areas of disagreement at panel in Carepanel before anything is escalated."
  },
  "disagreement.areas_noted": {
    happened: (n) => `A member formally disagrees with panel decision ${fact(n, "decisionId")}, and the areas of disagreement were noted at panel.`,
    toDo: (n) =>
      n.facts.route === "chair_with_assistant_director"
        ? "As chair, agree an outcome with the Assistant Director and record it in Carepanel."
        : "Raise the disagreement with your own manager and ask for it to be escalated to the Assistant Director."
  },
  "disagreement.escalated": {
    happened: (n) => `A formal disagreement with panel decision ${fact(n, "decisionId")} was escalated to you.`,
    toDo: (n) =>
      n.facts.step === "member_manager"
        ? "As the member's manager, take it to the Assistant Director."
        : "As Assistant Director, agree the outcome and record it in Carepanel."
  },
  "disagreement.outcome": {
    happened: (n) => `The outcome of the disagreement with panel decision ${fact(n, "decisionId")} is recorded: ${fact(n, "outcome").replace(/_/g, " ")}.`,
    toDo: () => "Nothing more is needed from you. The rationale is under Details."
  }
}
