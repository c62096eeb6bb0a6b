import { type Actor, type AgendaEntry, type AgendaItem, Referrals, type Sitting, SittingId, Sittings } from "@carepanel/core"
import { Effect } from "effect"
import { upcomingSittings } from "./requests.js"

/** The sitting asked for, or the next one to come (then the latest one) when none is named. */
export const sittingOrNext = (actor: Actor, sittingId: string | undefined) =>
  Effect.gen(function* () {
    const sittings = yield* Sittings
    if (sittingId !== undefined) return yield* sittings.get(actor, SittingId.make(sittingId))
    const [next] = yield* upcomingSittings(actor)
    if (next !== undefined) return next
    const all = yield* sittings.list(actor)
    return all[all.length - 1]
  })

/** The sittings of the same panel before and after this one, for `<` and `>`. */
export const neighbours = (actor: Actor, sitting: Sitting) =>
  Effect.flatMap(Sittings, (use) => use.list(actor, { panelId: sitting.panelId })).pipe(
    Effect.map((all) => {
      const at = all.findIndex((candidate) => candidate.id === sitting.id)
      return { previous: all[at - 1]?.id, next: all[at + 1]?.id }
    })
  )

/** The agenda as it stands, one item moved by `step`: the decider gives every item its time slot again. */
export const reordered = (agenda: ReadonlyArray<AgendaItem>, index: number, step: -1 | 1): ReadonlyArray<AgendaEntry> | undefined => {
  const target = index + step
  if (target < 0 || target >= agenda.length) return undefined
  const entries = agenda.map(({ referralId, childIds, kind, summary }) => ({ referralId, childIds, kind, summary }))
  const moved = [...entries]
  ;[moved[index], moved[target]] = [moved[target]!, moved[index]!]
  return moved
}

/** The requests on an agenda, each with its hearings (so the meeting knows which items are decided). */
export const agendaRequests = (actor: Actor, sitting: Sitting) =>
  Effect.flatMap(Referrals, (use) => Effect.forEach(sitting.agenda, (item) => use.get(actor, item.referralId)))
