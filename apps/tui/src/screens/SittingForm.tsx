import { AttendanceStatus, beforeSittingDay, Membership, PersonId, type Sitting, Sittings } from "@carepanel/core"
import { DateTime, Effect } from "effect"
import { useState } from "react"
import { useCore } from "../ui/CoreContext.js"
import { words } from "../ui/describe.js"
import { type Choice, chosenOf, type Field, Form, type Values } from "../ui/Form.js"
import { useNavigation } from "../ui/Navigation.js"
import { useCommand, useTypingMode } from "../ui/useCommand.js"
import { useNow } from "../ui/useNow.js"

export type SittingAction = "attendance" | "quorum"

const choicesOf = (literals: ReadonlyArray<string>) => literals.map((value) => ({ value, label: words(value) }))

/**
 * The members a deputy may stand in for (KNO-2, CPR-3), or a member present also represent (KNO-2): those on the
 * sitting's attendance who are neither present nor themselves a deputy or an observer, chosen rather than typed, so
 * the seat is linked to the person.
 */
const membersAway = (sitting: Sitting): ReadonlyArray<Choice> =>
  sitting.attendance
    .filter((entry) => entry.status === "apologies" || entry.status === "confirmed")
    .map((entry) => ({ value: entry.personId, label: `${entry.name} (${entry.seat})` }))

/** Before the sitting's day no one can be present yet (the core refuses it): a confirmation is what is recorded then. */
const statusesOn = (sitting: Sitting, now: Date | undefined): ReadonlyArray<AttendanceStatus> =>
  now !== undefined && beforeSittingDay(sitting, DateTime.unsafeMake(now))
    ? ["confirmed", ...AttendanceStatus.literals.filter((status) => status !== "confirmed")]
    : AttendanceStatus.literals

const fieldsOf = (action: SittingAction, sitting: Sitting, statuses: ReadonlyArray<AttendanceStatus>): { readonly title: string; readonly fields: ReadonlyArray<Field> } =>
  action === "attendance"
    ? {
        title: "Record attendance",
        fields: [
          { key: "name", label: "Name" },
          { key: "seat", label: "Seat", hint: "e.g. Chair, Head of Service, FGC manager" },
          { key: "status", label: "Status", choices: choicesOf(statuses) },
          { key: "membership", label: "Membership", choices: choicesOf(Membership.literals) },
          { key: "standsInForPersonId", label: "Deputy for", choices: [{ value: "", label: "nobody" }, ...membersAway(sitting)], hint: "a member away on the attendance" },
          { key: "standsInFor", label: "Or deputy for (name)", hint: "a member not on the attendance, e.g. an outside agency's seat" },
          // No hint: the members chosen and the one ← → is on fill the line; the form's foot says space adds or removes.
          { key: "represents", label: "Also represents", choices: membersAway(sitting), several: true }
        ]
      }
    : {
        title: "The chair's quorum decision",
        fields: [
          { key: "enough", label: "Enough members present", choices: [{ value: "yes", label: "yes" }, { value: "no", label: "no" }] },
          { key: "note", label: "Note", hint: "who is present, who is missing" }
        ]
      }

/** Attendance and quorum for a sitting; a refusal keeps the form as typed. */
export const SittingForm = ({ sitting, action, onDone }: { readonly sitting: Sitting; readonly action: SittingAction; readonly onDone: () => void }) => {
  const { actor } = useCore()
  const { helpOpen } = useNavigation()
  const command = useCommand()
  const [values, setValues] = useState<Values>({})
  const statuses = statusesOn(sitting, useNow(60_000))
  useTypingMode()
  const submit = async (values: Values) => {
    const name = values.name ?? ""
    const done =
      action === "attendance"
        ? await command(
            Effect.flatMap(Sittings, (use) =>
              use.recordAttendance(actor, sitting.id, {
                personId: PersonId.make(name.toLowerCase().replace(/[^a-z]+/g, "-") || "unnamed"),
                name,
                seat: values.seat ?? "",
                status: (values.status ?? statuses[0]) as AttendanceStatus,
                membership: (values.membership ?? "standing") as Membership,
                ...(values.standsInForPersonId ? { standsInForPersonId: PersonId.make(values.standsInForPersonId) } : {}),
                ...(values.standsInFor ? { standsInFor: values.standsInFor } : {}),
                ...(chosenOf(values.represents).length > 0 ? { represents: chosenOf(values.represents).map((memberId) => PersonId.make(memberId)) } : {})
              })
            ),
            `Attendance recorded for ${name}.`
          )
        : await command(
            Effect.flatMap(Sittings, (use) => use.confirmQuorum(actor, sitting.id, (values.enough ?? "yes") === "yes", values.note ?? "")),
            "Quorum decision recorded."
          )
    if (done) onDone()
  }
  const { title, fields } = fieldsOf(action, sitting, statuses)
  return <Form title={title} fields={fields} values={values} onChange={setValues} onSubmit={submit} onCancel={onDone} active={!helpOpen} />
}
