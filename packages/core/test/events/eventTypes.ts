import { join } from "node:path"
import { type Schema, SchemaAST } from "effect"
import { childRecordAggregate } from "../../src/childRecord/childRecordAggregate.js"
import { ChildRecordEvent } from "../../src/childRecord/ChildRecordEvents.js"
import { decisionAggregate } from "../../src/decision/decisionAggregate.js"
import { DecisionEvent } from "../../src/decision/DecisionEvents.js"
import { disagreementAggregate } from "../../src/disagreement/disagreementAggregate.js"
import { DisagreementEvent } from "../../src/disagreement/DisagreementEvents.js"
import { referralAggregate } from "../../src/referral/referralAggregate.js"
import { ReferralEvent } from "../../src/referral/ReferralEvents.js"
import { placementAggregate } from "../../src/regulation24/placementAggregate.js"
import { PlacementEvent } from "../../src/regulation24/PlacementEvents.js"
import type { EventCodec } from "../../src/shared/commandRunner.js"
import { sittingAggregate } from "../../src/sitting/sittingAggregate.js"
import { SittingEvent } from "../../src/sitting/SittingEvents.js"

/** Every aggregate's stream type, the schema of its events and the codec its stream is read with. */
export const eventSchemas: ReadonlyArray<{
  readonly streamType: string
  readonly schema: Schema.Schema.Any
  readonly codec: Pick<EventCodec<{ readonly _tag: string }>, "decode">
}> = [
  { streamType: referralAggregate.streamType, schema: ReferralEvent, codec: referralAggregate.events },
  { streamType: sittingAggregate.streamType, schema: SittingEvent, codec: sittingAggregate.events },
  { streamType: decisionAggregate.streamType, schema: DecisionEvent, codec: decisionAggregate.events },
  { streamType: disagreementAggregate.streamType, schema: DisagreementEvent, codec: disagreementAggregate.events },
  { streamType: placementAggregate.streamType, schema: PlacementEvent, codec: placementAggregate.events },
  { streamType: childRecordAggregate.streamType, schema: ChildRecordEvent, codec: childRecordAggregate.events }
]

/** The `_tag`s of a union of tagged structs, read from its encoded side. */
export const eventTypesOf = (schema: Schema.Schema.Any): ReadonlyArray<string> => {
  const encoded = SchemaAST.encodedAST(schema.ast)
  const members = SchemaAST.isUnion(encoded) ? encoded.types : [encoded]
  return members.flatMap((member) => {
    if (!SchemaAST.isTypeLiteral(member)) return []
    const tag = member.propertySignatures.find((signature) => signature.name === "_tag")?.type
    return tag !== undefined && SchemaAST.isLiteral(tag) && typeof tag.literal === "string" ? [tag.literal] : []
  })
}

export const fixturesDir = join(import.meta.dirname, "fixtures")

/** `fixtures/<streamType>/<EventType>.json`: `{ type, data }` as an event store holds it. */
export const fixturePath = (streamType: string, type: string) => join(fixturesDir, streamType, `${type}.json`)
