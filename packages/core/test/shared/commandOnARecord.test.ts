import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect } from "effect"
import { EventStore } from "../../src/ports/EventStore.js"
import { commandHandler, commandPrepare } from "../../src/shared/commandHandler.js"
import { appendTogether } from "../../src/shared/commandRunner.js"
import { ConcurrencyConflict } from "../../src/ports/EventStore.js"
import { inNotesWorld, lincolnshire, type NoteBody, noteAggregate, noteStream, notePermissions, type NoteOptions, otherStaff, setClock, staff } from "./fixtures.js"

// A note on a Lincolnshire panel's file, through the machinery every use case runs through: who may, what is stamped
// on the command, and what a caller hears about a record that is not there or is another authority's.
const handlerOf = (options: NoteOptions = {}) => commandHandler(noteAggregate(options), notePermissions, "note")
const preparerOf = (options: NoteOptions = {}) => commandPrepare(noteAggregate(options), notePermissions, "note")
const write = (text: string): NoteBody => ({ _tag: "WriteNote", text })
const amend = (text: string): NoteBody => ({ _tag: "AmendNote", text })
const confirm: NoteBody = { _tag: "ConfirmNoteRead" }
const eventsOf = (id: string) => Effect.flatMap(EventStore, (store) => store.readStream(noteStream(id)))

describe("a command on a record", () => {
  it.effect("is stamped with the actor who sent it, the role they act in and the clock's instant", () =>
    inNotesWorld(
      Effect.gen(function* () {
        const handle = handlerOf()
        yield* setClock("2027-06-07", "09:00")
        const written = yield* handle(staff.socialWorker, "note-1", write("Family group conference booked for Friday"))
        expect(written.text).toBe("Family group conference booked for Friday")
        expect(written.author).toStrictEqual({ personId: "priya-ashdown", name: "Priya Ashdown", role: "social_worker" })
        expect(DateTime.formatIso(written.writtenAt)).toBe("2027-06-07T08:00:00.000Z")
        yield* setClock("2027-06-08", "14:30")
        const amended = yield* handle(staff.teamManager, "note-1", amend("Family group conference moved to Monday"))
        expect(amended).toMatchObject({ text: "Family group conference moved to Monday", amendments: 1, lastBy: { name: "Tom Brackley", role: "team_manager" } })
        expect(amended.author.name).toBe("Priya Ashdown")
        const stored = yield* eventsOf("note-1")
        expect(stored.map((event) => [event.type, (event.data as { at: string }).at])).toEqual([
          ["NoteWritten", "2027-06-07T08:00:00.000Z"],
          ["NoteAmended", "2027-06-08T13:30:00.000Z"]
        ])
      })
    )
  )

  it.effect("refuses an actor without an allowed role in plain words, and writes nothing", () =>
    inNotesWorld(
      Effect.gen(function* () {
        const handle = handlerOf()
        yield* handle(staff.socialWorker, "note-1", write("Placement visit done"))
        const refused = yield* Effect.flip(handle(staff.socialWorker, "note-1", amend("Placement visit cancelled")))
        expect(refused).toMatchObject({ _tag: "NotPermitted", message: "Only a team manager can amend a note on the panel's file." })
        const chair = yield* Effect.flip(handle(staff.chair, "note-2", write("Chair's note")))
        expect(chair.message).toBe("Only a social worker or team manager can write a note on the panel's file.")
        expect((yield* eventsOf("note-1")).length).toBe(1)
        expect(yield* eventsOf("note-2")).toEqual([])
      })
    )
  )

  it.effect("on a note never written answers NotFound with the note's id, and writes nothing", () =>
    inNotesWorld(
      Effect.gen(function* () {
        const refused = yield* Effect.flip(handlerOf()(staff.teamManager, "note-9", amend("Moved to Monday")))
        expect(refused).toMatchObject({ _tag: "NotFound", what: "note", id: "note-9", message: "No note with id note-9 was found." })
        expect(yield* eventsOf("note-9")).toEqual([])
      })
    )
  )

  for (const none of [undefined, null]) {
    it.effect(`that decides nothing answers NotFound for a note never written (an unwritten note is ${none})`, () =>
      inNotesWorld(
        Effect.gen(function* () {
          const refused = yield* Effect.flip(handlerOf({ none })(staff.chair, "note-3", confirm))
          expect(refused).toMatchObject({ _tag: "NotFound", message: "No note with id note-3 was found." })
        })
      )
    )
  }

  it.effect("that decides nothing answers the note as it is, writes nothing and tells nobody", () =>
    inNotesWorld(
      Effect.gen(function* () {
        const handle = handlerOf()
        yield* handle(staff.socialWorker, "note-1", write("Placement visit done"))
        const read = yield* handle(staff.chair, "note-1", confirm)
        expect(read).toMatchObject({ text: "Placement visit done", amendments: 0 })
        expect((yield* eventsOf("note-1")).length).toBe(1)
      })
    )
  )

  it.effect("on another authority's note answers exactly as for a note that does not exist", () =>
    inNotesWorld(
      Effect.gen(function* () {
        const handle = handlerOf()
        yield* handle(staff.socialWorker, "note-1", write("Placement visit done"))
        const elsewhere = yield* Effect.flip(handle(otherStaff.teamManager, "note-1", amend("Changed by another authority")))
        const missing = yield* Effect.flip(handle(otherStaff.teamManager, "note-404", amend("Changed by another authority")))
        expect(elsewhere).toMatchObject({ _tag: "NotFound", message: "No note with id note-1 was found." })
        expect([missing._tag, missing.message.replace("note-404", "note-1")]).toEqual([elsewhere._tag, elsewhere.message])
        expect(yield* handle(staff.chair, "note-1", confirm)).toMatchObject({ text: "Placement visit done", amendments: 0 })
      })
    )
  )

  it.effect("reads and writes only the record named: a second note is a record of its own", () =>
    inNotesWorld(
      Effect.gen(function* () {
        const handle = handlerOf()
        yield* handle(staff.socialWorker, "note-1", write("First note"))
        const refused = yield* Effect.flip(handle(staff.teamManager, "note-2", amend("Amended second note")))
        expect(refused.message).toBe("No note with id note-2 was found.")
        yield* handle(staff.socialWorker, "note-2", write("Second note"))
        yield* handle(staff.teamManager, "note-2", amend("Amended second note"))
        expect(yield* handle(staff.chair, "note-1", confirm)).toMatchObject({ text: "First note", amendments: 0 })
        expect(yield* handle(staff.chair, "note-2", confirm)).toMatchObject({ text: "Amended second note", amendments: 1 })
      })
    )
  )

  it.effect("by a person of an authority with no policy loaded answers that the authority is not found", () =>
    inNotesWorld(
      Effect.gen(function* () {
        const refused = yield* Effect.flip(handlerOf()(otherStaff.socialWorker, "note-1", write("A note")))
        expect(refused).toMatchObject({ _tag: "NotFound", message: "No authority with id north-somerset was found." })
      }),
      lincolnshire
    )
  )
})

describe("a command prepared but not written", () => {
  it.effect("gives the note before and after and the commit that would write it, and writes nothing", () =>
    inNotesWorld(
      Effect.gen(function* () {
        yield* setClock("2027-06-07", "09:00")
        yield* handlerOf()(staff.socialWorker, "note-1", write("Placement visit done"))
        yield* setClock("2027-06-07", "15:00")
        const prepared = yield* preparerOf()(staff.teamManager, "note-1", amend("Placement visit moved"))
        expect(prepared.before).toMatchObject({ text: "Placement visit done", amendments: 0 })
        expect(prepared.after).toMatchObject({ text: "Placement visit moved", amendments: 1, lastBy: { name: "Tom Brackley" } })
        expect(prepared.commit).toMatchObject({
          stream: { authorityId: "lincolnshire", streamType: "note", id: "note-1" },
          expectedVersion: 1,
          events: [{ type: "NoteAmended", data: { text: "Placement visit moved", at: "2027-06-07T14:00:00.000Z" } }],
          readModels: [{ collection: "notes", id: "note-1", doc: { text: "Placement visit moved" } }],
          notifications: [{ kind: "note_amended", recipients: [{ name: "Priya Ashdown" }], body: ["Tom Brackley amended your note."] }]
        })
        expect((yield* eventsOf("note-1")).length).toBe(1)
        yield* appendTogether([prepared.commit])
        expect((yield* eventsOf("note-1")).map((event) => event.type)).toEqual(["NoteWritten", "NoteAmended"])
      })
    )
  )

  it.effect("that decides nothing has no commit, and the note before and after are the same", () =>
    inNotesWorld(
      Effect.gen(function* () {
        yield* handlerOf()(staff.socialWorker, "note-1", write("Placement visit done"))
        const prepared = yield* preparerOf()(staff.chair, "note-1", confirm)
        expect(prepared.commit).toBeUndefined()
        expect(prepared.before).toMatchObject({ text: "Placement visit done" })
        expect(prepared.after).toBe(prepared.before)
      })
    )
  )

  it.effect("on a note never written, or another authority's, answers NotFound; an actor without the role is refused", () =>
    inNotesWorld(
      Effect.gen(function* () {
        yield* handlerOf()(staff.socialWorker, "note-1", write("Placement visit done"))
        const prepare = preparerOf()
        expect((yield* Effect.flip(prepare(staff.teamManager, "note-2", amend("Moved")))).message).toBe("No note with id note-2 was found.")
        expect((yield* Effect.flip(prepare(otherStaff.teamManager, "note-1", amend("Moved")))).message).toBe("No note with id note-1 was found.")
        expect((yield* Effect.flip(prepare(staff.socialWorker, "note-1", amend("Moved")))).message).toBe(
          "Only a team manager can amend a note on the panel's file."
        )
      })
    )
  )

  it.effect("two records prepared are written together, or neither when one has moved on since", () =>
    inNotesWorld(
      Effect.gen(function* () {
        const handle = handlerOf()
        const prepare = preparerOf()
        yield* handle(staff.socialWorker, "note-1", write("First note"))
        yield* handle(staff.socialWorker, "note-2", write("Second note"))
        const first = yield* prepare(staff.teamManager, "note-1", amend("First note amended"))
        const unchanged = yield* prepare(staff.chair, "note-2", confirm)
        const second = yield* prepare(staff.teamManager, "note-2", amend("Second note amended"))
        yield* appendTogether([first.commit, unchanged.commit, second.commit])
        expect((yield* eventsOf("note-1")).length).toBe(2)
        expect((yield* eventsOf("note-2")).length).toBe(2)

        const third = yield* prepare(staff.teamManager, "note-1", amend("First note amended again"))
        const fourth = yield* prepare(staff.teamManager, "note-2", amend("Second note amended again"))
        yield* handle(staff.teamManager, "note-2", amend("Second note amended by someone else first"))
        const conflict = yield* Effect.flip(appendTogether([third.commit, fourth.commit]))
        expect(conflict).toBeInstanceOf(ConcurrencyConflict)
        expect((yield* eventsOf("note-1")).length).toBe(2)
        expect(yield* handle(staff.chair, "note-2", confirm)).toMatchObject({ text: "Second note amended by someone else first" })
      })
    )
  )
})
