import type { VoicedOnBehalf } from "./DisagreementEvents.js"

/**
 * Who voiced a represented member's dissent (KNO-2), as the record, minutes and decision sheet say it: "voiced by Bea
 * Example, Education, representing them, KNO-2". No rule is named where the panel's cover is a local default.
 */
export const voicedByWords = (onBehalf: VoicedOnBehalf): string =>
  `voiced by ${onBehalf.voicedBy.name}, ${onBehalf.voicedBySeat}, representing them${onBehalf.ruleId === undefined ? "" : `, ${onBehalf.ruleId}`}`
