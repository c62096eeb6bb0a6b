import { describe, expect, it } from "@effect/vitest"
import { PersonId } from "../../src/shared/ids.js"
import { cmd, confirm, minimumSpec, schedule } from "./minimumQuorum.js"

const attend = (id: string, name: string, seat: string, status: "present" | "deputy", standsInFor?: string) =>
  cmd("administrator", {
    _tag: "RecordAttendance",
    entry: { personId: PersonId.make(id), name, seat, membership: "standing", status, ...(standsInFor === undefined ? {} : { standsInFor }) }
  })

describe("a deputy for a member who is there", () => {
  /**
   * CPR-3: members arrange cover when they are absent. Here Jo Pellow is recorded present and Kit Aldous is also
   * recorded as her deputy: before, the seat counted twice, and a sitting of two seats was found quorate against a
   * minimum of three (the authority's, DEF-QUORUM-MINIMUM). A deputy standing in for a member recorded present (by the name recorded) now adds nothing.
   */
  it("CPR-3: a deputy standing in for a member recorded present does not make a third member; one for a member who is away does", () => {
    const spec = minimumSpec(3)
    const history = spec.play([
      schedule,
      attend("jo-pellow", "Jo Pellow", "Head of Care Services", "present"),
      attend("ben-morrow", "Ben Morrow", "IRO", "present"),
      attend("kit-aldous", "Kit Aldous", "Head of Care Services", "deputy", " jo pellow ")
    ])
    const refusal = spec.given(history).when(confirm(true)).refusal()
    expect(refusal).toMatchObject({ _tag: "QuorumNotMet", ruleId: "DEF-QUORUM-MINIMUM", present: 2, needed: 3 })
    const away = spec.play([attend("ada-finch", "Ada Finch", "Service Manager", "deputy", "Ada Quill")], history)
    expect(spec.given(away).when(confirm(true)).events()).toMatchObject([{ _tag: "QuorumConfirmed" }])
  })
})
