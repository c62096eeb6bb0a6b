import { DateTime } from "effect"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import type { ChildRecordCommand } from "../../src/childRecord/ChildRecordCommands.js"
import { childRecordDecider } from "../../src/childRecord/ChildRecordDecider.js"
import type { Span } from "../../src/childRecord/secureAccommodationBudget.js"
import type { secureClocks } from "../../src/childRecord/secureClocks.js"
import type { ChildRecordEvent } from "../../src/childRecord/ChildRecordEvents.js"
import { preset } from "../../src/policy/authorities/index.js"
import type { PresetSlug } from "../../src/policy/authorities/index.js"
import { fold } from "../../src/shared/decider.js"
import { ChildId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as } from "../fixtures.js"

export const childId = ChildId.make("child-1")
export const staff = staffOf("north-somerset")
export const northSomerset = deciderSpec(childRecordDecider, { policy: preset("north-somerset"), calendar: englandAndWales })

/** A command about child-1 by the North Somerset social worker (or `actor`) at `when`. */
export const cmd = (body: Record<string, unknown>, when: DateTime.Utc, actor: keyof typeof staff = "socialWorker") =>
  ({ childId, ...body, by: as(staff[actor]), at: when }) as ChildRecordCommand

export const recordOf = (events: ReadonlyArray<ChildRecordEvent>) => fold(childRecordDecider, events)!

export const specFor = (slug: PresetSlug) => deciderSpec(childRecordDecider, { policy: preset(slug), calendar: englandAndWales })

/** Child-1's record with only its secure accommodation: the `closed` periods, one open from `start`, and the courts. */
export const secureRecordOf = (closed: ReadonlyArray<Span>, start: number, courts: ReadonlyArray<Span>) =>
  ({
    childId: "child-1",
    secureAccommodation: {
      periods: [
        ...closed.map((span, i) => ({ periodId: `secure-${i + 1}`, startedAt: DateTime.unsafeMake(span.from), endedAt: DateTime.unsafeMake(span.to) })),
        { periodId: "open", startedAt: DateTime.unsafeMake(start) }
      ],
      courtAuthorities: courts.map((court) => ({ from: DateTime.unsafeMake(court.from), until: DateTime.unsafeMake(court.to) }))
    }
  }) as unknown as Parameters<typeof secureClocks>[0]
