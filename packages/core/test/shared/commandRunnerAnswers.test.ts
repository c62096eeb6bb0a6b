import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { EventStore } from "../../src/ports/EventStore.js"
import { Outbox } from "../../src/ports/Outbox.js"
import { as } from "../fixtures.js"
import { commandHandler } from "../../src/shared/commandHandler.js"
import { execute, load } from "../../src/shared/commandRunner.js"
import { fold } from "../../src/shared/decider.js"
import { decisions, inNotesWorld, noteAggregate, noteCodec, noteCodecNames, type NoteCommand, noteStream, notePermissions, setClock, staff } from "./fixtures.js"
import { contextOf, london } from "../fixtures.js"

// What the command runner answers when a stored event cannot be read, an event cannot be written, a command's input
// is wrong, or nothing changes: with Schema's own codec (whose answers are Eithers, read without a trip through a
// fibre) and with a codec that answers through effects, the same words.
const eventsOf = (id: string) => Effect.flatMap(EventStore, (store) => store.readStream(noteStream(id)))
const outboxNow = Effect.flatMap(Outbox, (outbox) => outbox.due("email", "2099-01-01T00:00:00.000Z", 100))

for (const name of noteCodecNames) {
  describe(`stored events read and written with ${name}`, () => {
    it.effect("an event that cannot be read is a PersistenceError naming the event and its record", () =>
      inNotesWorld(
        Effect.gen(function* () {
          const handle = commandHandler(noteAggregate({ codec: noteCodec(name) }), notePermissions, "note")
          yield* handle(staff.socialWorker, "note-1", { _tag: "WriteNote", text: "Placement visit done" })
          const store = yield* EventStore
          // Another version's writer left an amendment with a blank text.
          yield* store.append({ stream: noteStream("note-1"), expectedVersion: 1, events: [{ type: "NoteAmended", data: { _tag: "NoteAmended", text: "" } }], readModels: [], notifications: [] })
          const error = yield* Effect.flip(handle(staff.chair, "note-1", { _tag: "ConfirmNoteRead" }))
          expect(error).toMatchObject({ _tag: "PersistenceError", operation: "decode event" })
          expect(error.message).toMatch(/^Event 2 of note-1 cannot be read: /)
          expect(error.message).toContain("NoteAmended")
          expect(error.message).toContain('actual ""')
        })
      )
    )

    it.effect("an event that cannot be written is a PersistenceError in the codec's words, and nothing is written", () =>
      inNotesWorld(
        Effect.gen(function* () {
          // Unchecked commands: a blank amendment reaches the decider, and its event does not encode.
          const handle = commandHandler(noteAggregate({ codec: noteCodec(name), checked: false }), notePermissions, "note")
          yield* handle(staff.socialWorker, "note-1", { _tag: "WriteNote", text: "Placement visit done" })
          const error = yield* Effect.flip(handle(staff.teamManager, "note-1", { _tag: "AmendNote", text: "  " }))
          expect(error).toMatchObject({ _tag: "PersistenceError", operation: "encode event" })
          expect(error.message).toContain('actual "  "')
          expect((yield* eventsOf("note-1")).length).toBe(1)
        })
      )
    )

    it.effect("the events written are read back into the same record", () =>
      inNotesWorld(
        Effect.gen(function* () {
          const aggregate = noteAggregate({ codec: noteCodec(name) })
          const handle = commandHandler(aggregate, notePermissions, "note")
          yield* setClock("2027-06-07", "09:00")
          yield* handle(staff.socialWorker, "note-1", { _tag: "WriteNote", text: "Placement visit done" })
          yield* handle(staff.teamManager, "note-1", { _tag: "AmendNote", text: "Placement visit moved" })
          // A second aggregate object has no folded state of its own: it reads the stream from the start.
          const { state, version } = yield* load(noteAggregate({ codec: noteCodec(name) }), noteStream("note-1"))
          expect(version).toBe(2)
          expect(state).toMatchObject({ text: "Placement visit moved", amendments: 1, author: { name: "Priya Ashdown" }, lastBy: { name: "Tom Brackley" } })
        })
      )
    )
  })
}

describe("a command whose input is wrong", () => {
  it.effect("is refused before deciding, with every problem by its path, and nothing is written", () =>
    inNotesWorld(
      Effect.gen(function* () {
        const handle = commandHandler(noteAggregate(), notePermissions, "note")
        const before = decisions.count
        const refused = yield* Effect.flip(handle(staff.socialWorker, "note-1", { _tag: "WriteNote", text: "  ", pages: 30 }))
        expect(refused).toMatchObject({
          _tag: "InvalidInput",
          problems: [
            { path: "text", message: "must not be empty" },
            { path: "pages", message: "must be from 1 to 20, not 30" }
          ],
          message: "Nothing was saved. Please correct: text must not be empty; pages must be from 1 to 20, not 30."
        })
        expect(decisions.count).toBe(before)
        expect(yield* eventsOf("note-1")).toEqual([])
      })
    )
  )

  it.effect("is decided as it is by an aggregate that declares no command schema", () =>
    inNotesWorld(
      Effect.gen(function* () {
        const handle = commandHandler(noteAggregate({ checked: false }), notePermissions, "note")
        const written = yield* handle(staff.socialWorker, "note-1", { _tag: "WriteNote", text: "Placement visit done", pages: 30 })
        expect(written.text).toBe("Placement visit done")
      })
    )
  )
})

describe("execute", () => {
  it.effect("answers the record, the events it wrote and the stream's version; a command that changes nothing writes nothing", () =>
    inNotesWorld(
      Effect.gen(function* () {
        const aggregate = noteAggregate()
        const context = contextOf("lincolnshire")
        const stream = noteStream("note-1")
        const at = london("2027-06-07", "09:00")
        const command = (body: Record<string, unknown>, actor: keyof typeof staff) => ({ ...body, by: as(staff[actor]), at }) as NoteCommand
        const first = yield* execute(aggregate, stream, command({ _tag: "WriteNote", text: "Placement visit done" }, "socialWorker"), context)
        expect(first).toMatchObject({ state: { text: "Placement visit done" }, events: [{ _tag: "NoteWritten" }], version: 1 })
        const second = yield* execute(aggregate, stream, command({ _tag: "AmendNote", text: "Placement visit moved" }, "teamManager"), context)
        expect(second).toMatchObject({ state: { text: "Placement visit moved", amendments: 1 }, events: [{ _tag: "NoteAmended" }], version: 2 })
        const none = yield* execute(aggregate, stream, command({ _tag: "ConfirmNoteRead" }, "chair"), context)
        expect(none).toMatchObject({ state: { text: "Placement visit moved", amendments: 1 }, events: [], version: 2 })
        expect((yield* eventsOf("note-1")).length).toBe(2)
      })
    )
  )
})

describe("who is told", () => {
  it.effect("the author of an amended note is told once; a command that changes nothing tells nobody", () =>
    inNotesWorld(
      Effect.gen(function* () {
        const handle = commandHandler(noteAggregate(), notePermissions, "note")
        yield* handle(staff.socialWorker, "note-1", { _tag: "WriteNote", text: "Placement visit done" })
        yield* handle(staff.chair, "note-1", { _tag: "ConfirmNoteRead" })
        expect(yield* outboxNow).toEqual([])
        yield* handle(staff.teamManager, "note-1", { _tag: "AmendNote", text: "Placement visit moved" })
        expect((yield* outboxNow).map((entry) => [entry.notification.headline, entry.notification.recipients])).toEqual([
          ["Your note was amended", [{ _tag: "Person", personId: "priya-ashdown", name: "Priya Ashdown" }]]
        ])
      })
    )
  )

  it.effect("a record that tells nobody queues nothing", () =>
    inNotesWorld(
      Effect.gen(function* () {
        const handle = commandHandler(noteAggregate({ told: false }), notePermissions, "note")
        yield* handle(staff.socialWorker, "note-1", { _tag: "WriteNote", text: "Placement visit done" })
        yield* handle(staff.teamManager, "note-1", { _tag: "AmendNote", text: "Placement visit moved" })
        expect(yield* outboxNow).toEqual([])
      })
    )
  )
})

describe("a note's history", () => {
  it("folds, event by event from none, to the note as it now is", () => {
    const aggregate = noteAggregate()
    const by = { personId: "priya-ashdown", name: "Priya Ashdown", role: "social_worker" } as const
    const at = london("2027-06-07", "09:00")
    expect(fold(aggregate.decider, [])).toBeUndefined()
    expect(
      fold(aggregate.decider, [
        { _tag: "NoteWritten", text: "Placement visit done", by: by as never, at },
        { _tag: "NoteAmended", text: "Placement visit moved", by: by as never, at },
        { _tag: "NoteAmended", text: "Placement visit moved again", by: by as never, at }
      ])
    ).toMatchObject({ text: "Placement visit moved again", amendments: 2 })
  })
})
