import { Schema } from "effect"

/** Identifiers are opaque strings, branded so a referral id can never be passed where a sitting id is expected. */
const id = <B extends string>(brand: B) => Schema.NonEmptyTrimmedString.pipe(Schema.brand(brand))

export const AuthorityId = id("AuthorityId")
export type AuthorityId = typeof AuthorityId.Type
export const PanelId = id("PanelId")
export type PanelId = typeof PanelId.Type
export const ReferralId = id("ReferralId")
export type ReferralId = typeof ReferralId.Type
export const SittingId = id("SittingId")
export type SittingId = typeof SittingId.Type
export const ChildId = id("ChildId")
export type ChildId = typeof ChildId.Type
export const PersonId = id("PersonId")
export type PersonId = typeof PersonId.Type
export const TeamId = id("TeamId")
export type TeamId = typeof TeamId.Type
export const DocumentId = id("DocumentId")
export type DocumentId = typeof DocumentId.Type
export const DecisionId = id("DecisionId")
export type DecisionId = typeof DecisionId.Type
export const ActionId = id("ActionId")
export type ActionId = typeof ActionId.Type
export const DisagreementId = id("DisagreementId")
export type DisagreementId = typeof DisagreementId.Type
export const PlacementId = id("PlacementId")
export type PlacementId = typeof PlacementId.Type
