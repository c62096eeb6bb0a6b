import { londonDateOf } from "../calendar/londonTime.js"
import { Schema } from "effect"
import { carriesFreeText, referralNotifications } from "../notifications/referralNotifications.js"
import { placementsOfChildren } from "../regulation24/placementsOfChildren.js"
import { Effect } from "effect"
import type { StreamRef } from "../ports/EventStore.js"
import { type Aggregate, eventCodec } from "../shared/commandRunner.js"
import type { ReferralCommand } from "./ReferralCommands.js"
import { type ReferralContext, referralDecider } from "./ReferralDecider.js"
import type { ReferralRefusal } from "./ReferralErrors.js"
import { DocumentRef, ReferralEvent } from "./ReferralEvents.js"
import { Referral, type ReferralState } from "./Referral.js"
import { ReferralForm } from "./ReferralForm.js"
import { memoisedEncoder } from "../shared/memoisedEncoder.js"
import { referralClocksRow } from "./referralClockInputs.js"

export const referralStreamType = "referral"
export const referralCollection = "referrals"

const encodeRest = Schema.encodeSync(Referral.pipe(Schema.omit("form", "documents")))
const encodeForm = memoisedEncoder(ReferralForm)
const encodeDocument = memoisedEncoder(DocumentRef)

/** `Schema.encodeSync(Referral)`, with the form and each document encoded once, not again on every command. */
export const referralDocument = (referral: Referral): typeof Referral.Encoded => ({
  ...encodeRest(referral),
  form: encodeForm(referral.form),
  documents: referral.documents.map(encodeDocument)
})

/** The referral read models: the folded request, plus the fields lists are filtered on; and its clocks' inputs. */
export const referralAggregate: Aggregate<ReferralCommand, ReferralEvent, ReferralState, ReferralRefusal, ReferralContext> = {
  streamType: referralStreamType,
  decider: referralDecider,
  events: eventCodec(ReferralEvent),
  // Only a return or a late permission carries free text: only then are the children's placements read, for their carers'
  // names (a store that cannot be read fails the command, as its append would).
  notifications: (events, state, context) =>
    state === undefined || !carriesFreeText(events)
      ? Effect.succeed(referralNotifications(events, state, context))
      : placementsOfChildren(state.authorityId, state.form.children.map((child) => child.childId)).pipe(
          Effect.map((placements) => referralNotifications(events, state, context, placements))
        ),
  readModels: (state, stream: StreamRef) =>
    state === undefined
      ? []
      : [
          {
            collection: referralCollection,
            authorityId: stream.authorityId,
            id: stream.id,
            index: {
              status: state.status,
              panelId: state.form.panelId,
              sittingId: state.sittingId ?? null,
              teamId: state.form.teamId ?? null,
              childIds: state.form.children.map((child) => child.childId),
              requestTypes: [...state.form.requestTypes],
              /** The London date, as every date the API takes (an evening in summer is already the next day in UTC). */
              createdOn: londonDateOf(state.createdAt)
            },
            doc: referralDocument(state)
          },
          referralClocksRow(state, stream)
        ]
}
