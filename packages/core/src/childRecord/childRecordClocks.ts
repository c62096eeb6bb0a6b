import type { ClockSpec } from "../deadlines/clock.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { Sitting } from "../sitting/Sitting.js"
import type { ChildRecord } from "./ChildRecord.js"
import { epoClocks } from "./epoClocks.js"
import { lookedAfterClocks } from "./lookedAfterClocks.js"
import { proceedingsClocks } from "./proceedingsClocks.js"
import { secureClocks } from "./secureClocks.js"

/** Every clock of a child's record, about the child (`kind: "child"`); `liveSittings` soonest first. */
export const childRecordClocks = (record: ChildRecord, liveSittings: ReadonlyArray<Sitting>, policy: AuthorityPolicy): ReadonlyArray<ClockSpec> => [
  ...epoClocks(record, liveSittings, policy),
  ...secureClocks(record, policy),
  ...proceedingsClocks(record),
  ...lookedAfterClocks(record)
]
