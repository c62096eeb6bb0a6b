import { AttendanceStatus, Membership, PersonId, type Sitting, Sittings } from "@carepanel/core"
import { Effect } from "effect"
import { useState } from "react"
import { useCore } from "../ui/CoreContext.js"
import { words } from "../ui/describe.js"
import { type Field, Form, type Values } from "../ui/Form.js"
import { useNavigation } from "../ui/Navigation.js"
import { useCommand, useTypingMode } from "../ui/useCommand.js"

export type SittingAction = "attendance" | "quorum"

const choicesOf = (literals: ReadonlyArray<string>) => literals.map((value) => ({ value, label: words(value) }))

const forms: Record<SittingAction, { readonly title: string; readonly fields: ReadonlyArray<Field> }> = {
  attendance: {
    title: "Record attendance",
    fields: [
      { key: "name", label: "Name" },
      { key: "seat", label: "Seat", hint: "e.g. Chair, Head of Service, FGC manager" },
      { key: "status", label: "Status", choices: choicesOf(AttendanceStatus.literals) },
      { key: "membership", label: "Membership", choices: choicesOf(Membership.literals) },
      { key: "standsInFor", label: "Stands in for (deputies)" }
    ]
  },
  quorum: {
    title: "The chair's quorum decision",
    fields: [
      { key: "enough", label: "Enough members present", choices: [{ value: "yes", label: "yes" }, { value: "no", label: "no" }] },
      { key: "note", label: "Note", hint: "who is present, who is missing" }
    ]
  }
}

/** Attendance and quorum for a sitting; a refusal keeps the form as typed. */
export const SittingForm = ({ sitting, action, onDone }: { readonly sitting: Sitting; readonly action: SittingAction; readonly onDone: () => void }) => {
  const { actor } = useCore()
  const { helpOpen } = useNavigation()
  const command = useCommand()
  const [values, setValues] = useState<Values>({})
  useTypingMode()
  const submit = async (values: Values) => {
    const name = values.name?.trim() ?? ""
    const done =
      action === "attendance"
        ? await command(
            Effect.flatMap(Sittings, (use) =>
              use.recordAttendance(actor, sitting.id, {
                personId: PersonId.make(name.toLowerCase().replace(/[^a-z]+/g, "-") || "unnamed"),
                name,
                seat: values.seat?.trim() ?? "",
                status: (values.status ?? "present") as AttendanceStatus,
                membership: (values.membership ?? "standing") as Membership,
                ...(values.standsInFor?.trim() ? { standsInFor: values.standsInFor.trim() } : {})
              })
            ),
            `Attendance recorded for ${name}.`
          )
        : await command(
            Effect.flatMap(Sittings, (use) => use.confirmQuorum(actor, sitting.id, (values.enough ?? "yes") === "yes", values.note?.trim() ?? "")),
            "Quorum decision recorded."
          )
    if (done) onDone()
  }
  return <Form title={forms[action].title} fields={forms[action].fields} values={values} onChange={setValues} onSubmit={submit} onCancel={onDone} active={!helpOpen} />
}
