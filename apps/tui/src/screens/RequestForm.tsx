import { type Referral, Referrals, RuleId, type Sitting, SittingId } from "@carepanel/core"
import { Effect, Schema } from "effect"
import { useState } from "react"
import { useCore } from "../ui/CoreContext.js"
import { sittingWhen } from "../ui/describe.js"
import { type Field, Form, type Values } from "../ui/Form.js"
import { useNavigation } from "../ui/Navigation.js"
import { useCommand, useTypingMode } from "../ui/useCommand.js"

export type RequestAction = "accept" | "return" | "late" | "redirect"

export interface RequestFormProps {
  readonly request: Referral
  readonly action: RequestAction
  readonly sittings: ReadonlyArray<Sitting>
  readonly lateGranters: string
  readonly onDone: () => void
}

const ruleIdOf = (text: string) =>
  Schema.decodeUnknown(RuleId)(text).pipe(
    Effect.mapError(() => ({ message: `"${text}" is not a rule id of the catalogue (for example LIN-4 or NSO-7).` }))
  )

/** The form for one action on a request; what is typed stays if the core refuses, until esc. */
export const RequestForm = ({ request, action, sittings, lateGranters, onDone }: RequestFormProps) => {
  const { actor } = useCore()
  const { keysLive, helpOpen } = useNavigation()
  const command = useCommand()
  const [values, setValues] = useState<Values>({})
  useTypingMode()
  const sittingChoice: Field = {
    key: "sittingId",
    label: "Sitting",
    choices: sittings.map((sitting) => ({ value: sitting.id, label: sittingWhen(sitting) }))
  }
  const optional = request.presentationOptional.map((rule) => rule.ruleId)
  const forms: Record<RequestAction, { readonly title: string; readonly fields: ReadonlyArray<Field> }> = {
    accept: { title: `Accept ${request.id} onto a sitting`, fields: [sittingChoice] },
    return: { title: `Return ${request.id} for changes`, fields: [{ key: "reason", label: "What must change" }] },
    late: {
      title: `Late permission for ${request.id} (granted by the ${lateGranters})`,
      fields: [sittingChoice, { key: "reason", label: "Why it cannot wait" }]
    },
    redirect: {
      title: `Redirect ${request.id} under a rule`,
      fields: [
        { key: "ruleId", label: "Rule", hint: optional.length > 0 ? `applies here: ${optional.join(", ")}` : "e.g. NSO-7" },
        { key: "reason", label: "Reason" },
        { key: "redirectTo", label: "Send to (optional)" }
      ]
    }
  }
  const submit = async (values: Values) => {
    const sittingId = SittingId.make(values.sittingId ?? sittings[0]?.id ?? "")
    const reason = values.reason ?? ""
    const done = await (action === "accept"
      ? command(Effect.flatMap(Referrals, (use) => use.acceptOntoSitting(actor, request.id, sittingId)), `Accepted ${request.id} onto the sitting.`)
      : action === "return"
        ? command(Effect.flatMap(Referrals, (use) => use.returnForChanges(actor, request.id, reason)), `Returned ${request.id} for changes.`)
        : action === "late"
          ? command(Effect.flatMap(Referrals, (use) => use.grantLatePermission(actor, request.id, sittingId, reason)), `Late permission recorded for ${request.id}.`)
          : command(
              ruleIdOf(values.ruleId ?? "").pipe(
                Effect.flatMap((ruleId) =>
                  Effect.flatMap(Referrals, (use) =>
                    use.redirect(actor, request.id, { ruleId, reason, ...(values.redirectTo ? { redirectTo: values.redirectTo } : {}) })
                  )
                )
              ),
              `Redirected ${request.id}.`
            ))
    if (done) onDone()
  }
  return (
    <Form
      title={forms[action].title}
      fields={forms[action].fields}
      values={values}
      onChange={setValues}
      onSubmit={submit}
      onCancel={onDone}
      active={!helpOpen && !keysLive}
    />
  )
}
