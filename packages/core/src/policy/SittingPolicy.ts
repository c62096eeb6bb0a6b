import { Schema } from "effect"
import { RuledClock } from "./RuledClock.js"

/** Clocks around a sitting: the agenda and papers out before it (NSO-3, CPR-9) and the record after it (CPR-11). */
export const SittingPolicy = Schema.Struct({
  /**
   * The agenda to members, where it has its own deadline ahead of the papers. Absent: the agenda goes with
   * the papers, on the papers' clock.
   */
  agendaToMembers: Schema.optional(RuledClock),
  /** The papers (request forms, earlier records) to members (NSO-3; CPR-9 sends them with the agenda). */
  papersToMembers: Schema.optional(RuledClock),
  record: Schema.optional(
    Schema.Struct({
      /** From the end of the sitting to the draft reaching the chair. */
      draftToChair: RuledClock,
      /** From the draft reaching the chair to the final record back. */
      finalFromChair: RuledClock,
      /** From the final record to each child's record uploaded to the case system. */
      uploadEachChild: RuledClock,
      /** CPR-11: all of it before the next sitting at the latest. */
      beforeNextSitting: Schema.Boolean
    })
  )
})
export type SittingPolicy = typeof SittingPolicy.Type
