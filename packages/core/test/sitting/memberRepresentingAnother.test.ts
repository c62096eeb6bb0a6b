import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import type { AttendanceEntry, SittingCommand } from "../../src/sitting/SittingCommands.js"
import { sittingDecider } from "../../src/sitting/SittingDecider.js"
import { SittingEvent } from "../../src/sitting/SittingEvents.js"
import { PanelId, PersonId, SittingId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, contextOf, london } from "../fixtures.js"
import { cmd, confirm, minimumSpec, schedule as scheduleCarePlanning } from "./minimumQuorum.js"

const knowsley = deciderSpec(sittingDecider, contextOf("knowsley"))
const administrator = as(staffOf("knowsley").administrator)
const thursday = london("2027-06-10", "10:05")
const attend = (entry: AttendanceEntry) => ({ _tag: "RecordAttendance", entry, by: administrator, at: thursday }) as SittingCommand
const member = (id: string, name: string, seat: string) => ({ personId: PersonId.make(id), name, seat, membership: "standing" as const })
const representing = (...ids: ReadonlyArray<string>) => ({ represents: ids.map((id) => PersonId.make(id)) })

const jo = member("jo-pellow", "Jo Pellow", "Edge of Care")
const amira = member("amira-patel", "Amira Patel", "Family Support")
const ben = member("ben-morrow", "Ben Morrow", "Education")
const kit = member("kit-aldous", "Kit Aldous", "Family Support")

const amiraAway = knowsley.play([
  { _tag: "ScheduleSitting", sittingId: SittingId.make("k1"), panelId: PanelId.make("circle-of-support"), date: "2027-06-10" as LocalDate, by: administrator, at: london("2027-06-07", "09:00") } as SittingCommand,
  attend({ ...jo, status: "present" }),
  attend({ ...ben, status: "present" }),
  attend({ ...amira, status: "apologies" })
])
const joForAmira = knowsley.play([attend({ ...jo, status: "present", ...representing("amira-patel") })], amiraAway)
const refusalOf = (history: typeof amiraAway, entry: AttendanceEntry) => knowsley.given(history).when(attend(entry)).refusal()

describe("a member present who also represents a member away (KNO-2)", () => {
  /**
   * KNO-2: "An absent member names a deputy or another member to represent them." Amira Patel is away and names Jo
   * Pellow, who is at the sitting in her own seat. Before, the only way to record it was Jo as Amira's deputy, which
   * replaced Jo's own "present": the record lost Jo's seat. Jo stays present, and her entry says whom she represents.
   */
  it("KNO-2: Jo Pellow, present, also represents Amira Patel, who is away: Jo stays present in her own seat", () => {
    const state = knowsley.given(amiraAway).when(attend({ ...jo, status: "present", ...representing("amira-patel", "amira-patel") })).state()
    expect(state?.attendance.map((entry) => [entry.name, entry.status, entry.represents])).toEqual([
      ["Ben Morrow", "present", undefined],
      ["Amira Patel", "apologies", undefined],
      ["Jo Pellow", "present", ["amira-patel"]]
    ])
    // Stored as recorded: the event store keeps the events in their schema's encoding.
    const [recorded] = knowsley.given(amiraAway).when(attend({ ...jo, status: "present", ...representing("amira-patel") })).events()
    expect(Schema.decodeUnknownSync(SittingEvent)(Schema.encodeSync(SittingEvent)(recorded!))).toMatchObject({ attendance: { represents: ["amira-patel"] } })
    // Recorded again with the same member, it is a correction, not a second representative.
    expect(knowsley.given(joForAmira).when(attend({ ...jo, status: "present", ...representing("amira-patel") })).events()).toHaveLength(1)
  })

  it("a member cannot represent themselves; nothing is recorded", () => {
    expect(refusalOf(amiraAway, { ...jo, status: "present", ...representing("jo-pellow") })).toEqual(
      expect.objectContaining({
        _tag: "DeputyCannotStandIn",
        message: "Jo Pellow cannot be recorded as representing themselves: a member present represents another member who is away. Choose the member Jo Pellow represents."
      })
    )
  })

  it("KNO-2: a member recorded as present is not represented; nothing is recorded", () => {
    const refusal = refusalOf(amiraAway, { ...jo, status: "present", ...representing("ben-morrow") })
    expect(refusal).toMatchObject({ _tag: "DeputyCannotStandIn", ruleId: "KNO-2" })
    expect(refusal.message).toBe(
      "Ben Morrow is recorded as present, so Jo Pellow cannot represent them: a member is represented while they are away (KNO-2). If Ben Morrow has sent apologies or left, record that first."
    )
  })

  it("a member away has one deputy or one representative: either way round, the second is refused, naming the first", () => {
    const kitForAmira = knowsley.play([attend({ ...kit, status: "deputy", standsInForPersonId: PersonId.make("amira-patel") })], amiraAway)
    expect(refusalOf(kitForAmira, { ...jo, status: "present", ...representing("amira-patel") }).message).toBe(
      "Kit Aldous is already recorded as the deputy for Amira Patel: a member away has one deputy or one representative. If Jo Pellow represents Amira Patel instead, record Kit Aldous's attendance again first (apologies, if they are not coming)."
    )
    expect(refusalOf(joForAmira, { ...ben, status: "present", ...representing("amira-patel") }).message).toBe(
      "Jo Pellow is already recorded as representing Amira Patel: a member away has one deputy or one representative. If Ben Morrow represents Amira Patel instead, record Jo Pellow's attendance again first, without Amira Patel."
    )
    expect(refusalOf(joForAmira, { ...kit, status: "deputy", standsInForPersonId: PersonId.make("amira-patel") }).message).toBe(
      "Jo Pellow is already recorded as representing Amira Patel: a member away has one deputy or one representative. If Kit Aldous covers the seat instead, record Jo Pellow's attendance again first, without Amira Patel."
    )
  })

  it("only a member recorded present represents anyone, and only a member on the sitting's attendance is represented", () => {
    expect(refusalOf(amiraAway, { ...kit, status: "apologies", ...representing("amira-patel") }).message).toBe(
      "Only a member recorded as present can represent a member who is away: record Kit Aldous as present to record whom they represent."
    )
    expect(refusalOf(amiraAway, { ...jo, status: "present", ...representing("lou-marsh") }).message).toBe(
      "The member Jo Pellow represents (lou-marsh) is not on this sitting's attendance: record that member's apologies first, then whom Jo Pellow represents."
    )
  })

  /** One person is one member (Carepanel's reading: no terms of reference say a represented member counts towards a quorum). */
  it("towards a minimum quorum, a member who also represents another counts once, for themselves", () => {
    const spec = minimumSpec(3)
    const entry = (who: ReturnType<typeof member>, status: AttendanceEntry["status"], extra = {}) => cmd("administrator", { _tag: "RecordAttendance", entry: { ...who, status, ...extra } })
    const history = spec.play([scheduleCarePlanning, entry(ben, "present"), entry(amira, "apologies"), entry(jo, "present", representing("amira-patel"))])
    expect(spec.given(history).when(confirm(true)).refusal()).toMatchObject({ _tag: "QuorumNotMet", present: 2, needed: 3 })
  })
})
