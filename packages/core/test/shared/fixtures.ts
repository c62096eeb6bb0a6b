import { DateTime, Effect, Layer, Schema, TestClock } from "effect"
import { EnglandAndWalesCalendar } from "../../src/calendar/englandAndWales.js"
import type { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { StreamRef } from "../../src/ports/EventStore.js"
import type { Notification } from "../../src/ports/Notification.js"
import { ActedBy } from "../../src/shared/actor.js"
import { actedBy, permission } from "../../src/shared/authorise.js"
import type { AuthorityContext } from "../../src/shared/authorityContext.js"
import type { CommandBody, StampedCommand } from "../../src/shared/commandHandler.js"
import { type Aggregate, type EventCodec, eventCodec } from "../../src/shared/commandRunner.js"
import { NoSuchRecord } from "../../src/shared/errors.js"
import { AuthorityId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { InMemoryStoreLayer } from "../../src/testing/InMemoryStore.js"
import { staticPolicies } from "../../src/testing/StaticPolicies.js"
import { london } from "../fixtures.js"

/**
 * A note on a panel's file: the smallest record that goes through the shared command machinery. A social worker
 * or team manager writes it, only a team manager amends it, anyone may confirm they have read it (which changes
 * nothing), and its author is told when it is amended.
 */
export const NoteWritten = Schema.TaggedStruct("NoteWritten", { text: Schema.NonEmptyTrimmedString, by: ActedBy, at: Schema.DateTimeUtc })
export const NoteAmended = Schema.TaggedStruct("NoteAmended", { text: Schema.NonEmptyTrimmedString, by: ActedBy, at: Schema.DateTimeUtc })
export const NoteEvent = Schema.Union(NoteWritten, NoteAmended)
export type NoteEvent = typeof NoteEvent.Type

export interface Note {
  readonly text: string
  readonly author: ActedBy
  readonly writtenAt: DateTime.Utc
  readonly amendments: number
  readonly lastBy: ActedBy
}

export type NoteCommand = StampedCommand &
  ({ readonly _tag: "WriteNote"; readonly text: string; readonly pages?: number } | { readonly _tag: "AmendNote"; readonly text: string } | { readonly _tag: "ConfirmNoteRead" })

/** The note commands' own fields, as a form sends them. */
export const NoteCommandFields = Schema.Union(
  Schema.TaggedStruct("WriteNote", { text: Schema.NonEmptyTrimmedString, pages: Schema.optional(Schema.Int.pipe(Schema.between(1, 20))) }),
  Schema.TaggedStruct("AmendNote", { text: Schema.NonEmptyTrimmedString }),
  Schema.TaggedStruct("ConfirmNoteRead", {})
)

export class NoteAlreadyWritten extends Schema.TaggedError<NoteAlreadyWritten>()("NoteAlreadyWritten", { message: Schema.String }) {}

export const notePermissions = {
  WriteNote: permission("write a note on the panel's file", "social_worker", "team_manager"),
  AmendNote: permission("amend a note on the panel's file", "team_manager"),
  ConfirmNoteRead: permission("confirm they have read a note", "social_worker", "team_manager", "panel_chair")
}

/** How many times the note decider was asked to decide: a command refused before deciding leaves it alone. */
export const decisions = { count: 0 }

/** The author hears of every amendment to their note. */
const toldOfAmendment = (events: ReadonlyArray<NoteEvent>, state: Note | undefined | null, context: AuthorityContext) =>
  Effect.succeed(
    events
      .filter((event) => event._tag === "NoteAmended")
      .map(
        (event): Notification => ({
          id: `note-amended-${DateTime.formatIso(event.at)}`,
          authorityId: context.policy.authority.id,
          kind: "note_amended",
          recipients: [{ _tag: "Person", personId: state!.author.personId, name: state!.author.name }],
          headline: "Your note was amended",
          body: [`${event.by.name} amended your note.`],
          facts: {}
        })
      )
  )

export interface NoteOptions {
  /** What a note that was never written is: `undefined` (the default) or `null`. */
  readonly none?: undefined | null
  /** Check the commands' fields before deciding (default true). */
  readonly checked?: boolean
  /** Tell the author of amendments (default true). */
  readonly told?: boolean
  readonly codec?: EventCodec<NoteEvent>
}

/** The note aggregate, built inside each test (see the guide: a mutant is switched on after the file is collected). */
export const noteAggregate = (options: NoteOptions = {}): Aggregate<NoteCommand, NoteEvent, Note | undefined | null, NoteAlreadyWritten | NoSuchRecord, AuthorityContext> => {
  const none = "none" in options ? options.none : undefined
  return {
    streamType: "note",
    decider: {
      initialState: none,
      evolve: (state, event) =>
        event._tag === "NoteWritten"
          ? { text: event.text, author: event.by, writtenAt: event.at, amendments: 0, lastBy: event.by }
          : { ...state!, text: event.text, amendments: state!.amendments + 1, lastBy: event.by },
      decide: (command, state) => {
        decisions.count++
        switch (command._tag) {
          case "WriteNote":
            return state === undefined || state === null
              ? Effect.succeed([{ _tag: "NoteWritten" as const, text: command.text, by: actedBy(command.by), at: command.at }])
              : Effect.fail(new NoteAlreadyWritten({ message: "This note has been written already." }))
          case "AmendNote":
            return state === undefined || state === null
              ? Effect.fail(new NoSuchRecord({ message: "There is no note to amend." }))
              : Effect.succeed([{ _tag: "NoteAmended" as const, text: command.text, by: actedBy(command.by), at: command.at }])
          case "ConfirmNoteRead":
            return Effect.succeed([])
        }
      }
    },
    events: options.codec ?? eventCodec(NoteEvent),
    ...(options.checked === false ? {} : { commands: NoteCommandFields }),
    readModels: (state, stream) =>
      state === undefined || state === null
        ? []
        : [{ collection: "notes", authorityId: stream.authorityId, id: stream.id, index: { author: state.author.personId }, doc: { text: state.text } }],
    ...(options.told === false ? {} : { notifications: toldOfAmendment })
  }
}

/** Schema's codec, whose answers are Eithers, and the same codec answering through effects (as a test's codec might). */
export const noteCodecNames = ["Schema's own codec", "an effectful codec"] as const

/** The codec by its name, made when called (inside the test that uses it). */
export const noteCodec = (name: (typeof noteCodecNames)[number]): EventCodec<NoteEvent> => {
  const plain = eventCodec(NoteEvent)
  return name === "Schema's own codec"
    ? plain
    : { decode: (data) => Effect.suspend(() => plain.decode(data)), encode: (event) => Effect.suspend(() => plain.encode(event)) }
}

export const lincolnshire = preset("lincolnshire")
export const northSomerset = preset("north-somerset")
export const staff = staffOf(lincolnshire.authority.id)
export const otherStaff = staffOf(northSomerset.authority.id)
export const noteStream = (id: string, authority: AuthorityPolicy = lincolnshire): StreamRef => ({
  authorityId: AuthorityId.make(authority.authority.id),
  streamType: "note",
  id
})

/** A fresh in-memory store, both authorities' policies and the England and Wales calendar. */
export const notesWorld = (...policies: ReadonlyArray<AuthorityPolicy>) =>
  Layer.mergeAll(InMemoryStoreLayer, staticPolicies(...(policies.length === 0 ? [lincolnshire, northSomerset] : policies)), EnglandAndWalesCalendar)

export const inNotesWorld = <A, E, R>(effect: Effect.Effect<A, E, R>, ...policies: ReadonlyArray<AuthorityPolicy>) =>
  effect.pipe(Effect.provide(notesWorld(...policies)))

export const setClock = (date: string, time: string) => TestClock.setTime(london(date, time).epochMillis)

export type NoteBody = CommandBody<NoteCommand>
