import type { KindContent } from "../layout.js"
import { fact } from "./facts.js"

const child = (n: Parameters<KindContent["happened"]>[0]) => `child ${fact(n, "childId")}`

/** Regulation 24 connected-person placements: consent, authorisation, clocks, extension. */
export const placementKinds: Readonly<Record<string, KindContent>> = {
  "placement.looked_after_consent_needed": {
    happened: (n) => `The basic test for ${child(n)} says this is a Regulation 24 placement: the child becomes looked after.`,
    toDo: () => "Consent to the child becoming looked after, and record your consent in Carepanel."
  },
  "placement.authorisation_needed": {
    happened: (n) => `Regulation 24 placement ${fact(n, "placementId")} of ${child(n)} needs authorising.`,
    toDo: () => "Read the viability assessment and authorise the placement in Carepanel; it then goes to the kinship team."
  },
  "placement.clocks_started": {
    happened: (n) => `${child(n).replace(/^c/, "C")} was placed with connected-person carers under Regulation 24, and the placement's deadlines have started.`,
    toDo: () => "Meet each deadline listed under Details; the first one due is under By when."
  },
  "placement.authorised": {
    happened: (n) => `Regulation 24 placement ${fact(n, "placementId")} of ${child(n)} is authorised.`,
    toDo: () => "Send the viability assessment and the carers' signed BACS form to the kinship team."
  },
  "placement.approval_extended": {
    happened: (n) => `The temporary approval of the carers of ${child(n)} was extended.`,
    toDo: () => "Approve the carers as foster carers, or end the placement, before the temporary approval ends."
  }
}
