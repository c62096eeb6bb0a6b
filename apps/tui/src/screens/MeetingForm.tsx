import { ActionId, type Decision, Decisions, Disagreements, PersonId, type Referral, representativeOf, representedMembers, type Sitting } from "@carepanel/core"
import { Effect } from "effect"
import { useState } from "react"
import { decisionContentOf, decisionFields } from "../data/decisionContent.js"
import { useCore } from "../ui/CoreContext.js"
import { type Field, Form, type Values } from "../ui/Form.js"
import { useNavigation } from "../ui/Navigation.js"
import { useCommand, useTypingMode } from "../ui/useCommand.js"

export type MeetingAction = "decide" | "dissent"

/** A choice of member that is a member away, whose dissent the member present representing them voices (KNO-2). */
const onBehalfPrefix = "on-behalf-of:"

export interface MeetingFormProps {
  readonly sitting: Sitting
  readonly request: Referral
  readonly decision: Decision | undefined
  readonly action: MeetingAction
  readonly onDone: () => void
  /** The field rows that fit under the agenda. */
  readonly height: number
}

/** The decision on an item, or a member's dissent from it; a refusal keeps everything typed. */
export const MeetingForm = ({ sitting, request, decision, action, onDone, height }: MeetingFormProps) => {
  const { actor, policy } = useCore()
  const { helpOpen } = useNavigation()
  const command = useCommand()
  const [values, setValues] = useState<Values>({})
  useTypingMode()
  const members = sitting.attendance.filter((entry) => entry.status !== "apologies")
  // KNO-2: a member away whom a member present represents dissents through them, voiced on their behalf.
  const voiced = representedMembers(sitting.attendance).flatMap((away) => {
    const by = representativeOf(away.personId, sitting.attendance)
    return by === undefined ? [] : [{ away, by }]
  })
  const dissentFields: ReadonlyArray<Field> = [
    {
      key: "member",
      label: "Member",
      choices: [
        ...members.map((entry) => ({ value: entry.personId, label: `${entry.name} (${entry.seat})` })),
        ...voiced.map(({ away, by }) => ({ value: `${onBehalfPrefix}${away.personId}`, label: `${away.name} (${away.seat}), voiced by ${by.name}` }))
      ]
    },
    { key: "grounds", label: "Grounds" }
  ]
  const submit = async (values: Values) => {
    if (action === "decide") {
      const stamp = Date.now().toString(36)
      const recorded = await command(
        decisionContentOf(policy, request, values, (index) => ActionId.make(`${request.id}-${stamp}-${index + 1}`)).pipe(
          Effect.flatMap((content) => Effect.flatMap(Decisions, (use) => use.recordAtPanel(actor, request.id, sitting.id, content)))
        ),
        `Decision recorded on ${request.id}.`
      )
      if (recorded) onDone()
      return
    }
    const chosen = values.member ?? dissentFields[0]?.choices?.[0]?.value
    const onBehalf = voiced.find(({ away }) => chosen === `${onBehalfPrefix}${away.personId}`)
    const member = onBehalf?.by ?? members.find((entry) => entry.personId === chosen)
    const recorded = await command(
      Effect.flatMap(Disagreements, (use) =>
        use.recordDissent(actor, {
          decisionId: decision?.id ?? ("" as never),
          member: { personId: member?.personId ?? PersonId.make("nobody"), name: member?.name ?? "nobody" },
          ...(onBehalf === undefined ? {} : { onBehalfOf: onBehalf.away.personId }),
          dissentsFrom: { _tag: "Decision" },
          grounds: values.grounds ?? ""
        })
      ),
      `Dissent recorded on ${decision?.id ?? request.id}.`
    )
    if (recorded) onDone()
  }
  if (action === "dissent" && decision === undefined) {
    return (
      <Form title="Dissent: record the decision first (esc)" fields={[]} values={values} onChange={setValues} onSubmit={onDone} onCancel={onDone} active={!helpOpen} />
    )
  }
  return (
    <Form
      title={action === "decide" ? `Decision on ${request.id}` : `Dissent from ${decision?.id}`}
      fields={action === "decide" ? decisionFields(policy, request, values) : dissentFields}
      values={values}
      onChange={setValues}
      onSubmit={submit}
      onCancel={onDone}
      active={!helpOpen}
      height={height}
    />
  )
}
