import type { KindContent } from "../layout.js"
import { dateFact, fact } from "./facts.js"

/** Sittings: agenda out, cancelled, the record's draft and its final version. */
export const sittingKinds: Readonly<Record<string, KindContent>> = {
  "sitting.agenda_published": {
    happened: (n) => `The agenda and papers for sitting ${fact(n, "sittingId")} on ${dateFact(n, "date")} are out: ${fact(n, "items", "no")} item(s).`,
    toDo: () => "Read the request forms and earlier records in Carepanel before the sitting."
  },
  "sitting.cancelled": {
    happened: (n) => `Sitting ${fact(n, "sittingId")} on ${dateFact(n, "date")} is cancelled and will not take place.`,
    toDo: () => "Take it out of your diary. The requests on its agenda stay open until they are listed at another sitting."
  },
  "sitting.draft_record_with_chair": {
    happened: (n) => `The draft record of sitting ${fact(n, "sittingId")} on ${dateFact(n, "date")} is ready for the chair.`,
    toDo: () => "Check the draft record in Carepanel and return the final record."
  },
  "sitting.final_record_returned": {
    happened: (n) => `The chair returned the final record of sitting ${fact(n, "sittingId")} on ${dateFact(n, "date")}.`,
    toDo: () => "Upload each child's record to the case system."
  }
}
