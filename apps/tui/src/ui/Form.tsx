import { useKeys } from "./useKeys.js"
import { Box } from "ink"
import { Text } from "./Text.js"
import { useRef, useState } from "react"
import { useCore } from "./CoreContext.js"
import { visibleWindow } from "./List.js"

export interface Choice {
  readonly value: string
  readonly label: string
}

export interface Field {
  readonly key: string
  readonly label: string
  /** Choices cycle with ← →; without, the field takes text. */
  readonly choices?: ReadonlyArray<Choice>
  readonly hint?: string
  /** Enter on this field while it is empty saves the form (the empty "another one?" field at the end of a list). */
  readonly savesWhenEmpty?: boolean
}

export type Values = Readonly<Record<string, string>>

export interface FormProps {
  readonly title: string
  readonly fields: ReadonlyArray<Field>
  /** Kept by the caller, so a refusal or a trip to help loses nothing typed. */
  readonly values: Values
  readonly onChange: (values: Values) => void
  /** Called with the values as typed up to the enter that submits. */
  readonly onSubmit: (values: Values) => void
  readonly onCancel: () => void
  readonly active: boolean
  /** The most field rows that fit: beyond it the fields scroll with the focus, and the title says which show. */
  readonly height?: number
}

const fieldValue = (field: Field, values: Values): string => values[field.key] ?? field.choices?.[0]?.value ?? ""

/** A form on the keyboard: tab/↓ next field, shift+tab/↑ previous, ← → choose, enter on the last field saves, esc cancels. */
export const Form = ({ title, fields, values, onChange, onSubmit, onCancel, active, height }: FormProps) => {
  const { colour } = useCore()
  const [focus, setFocus] = useState(0)
  // Keys can come faster than frames (a paste, a busy machine, tmux): each key works on what the previous one left,
  // not on the last frame, so nothing typed is dropped.
  const live = useRef({ values, focus })
  live.current = { values, focus }
  const change = (next: Values) => {
    live.current = { ...live.current, values: next }
    onChange(next)
  }
  const move = (to: number) => {
    live.current = { ...live.current, focus: to }
    setFocus(to)
  }
  const enter = () => {
    const { focus: at, values: typed } = live.current
    const field = fields[at]
    const savesHere = at === fields.length - 1 || (field?.savesWhenEmpty === true && fieldValue(field, typed).trim() === "")
    return savesHere ? onSubmit(typed) : move(at + 1)
  }
  useKeys((input, key) => {
    if (key.escape) return onCancel()
    const at = live.current.focus
    const field = fields[at]
    if (field === undefined) return
    if (key.return) return enter()
    if ((key.tab && !key.shift) || key.downArrow) return move(Math.min(fields.length - 1, at + 1))
    if ((key.tab && key.shift) || key.upArrow) return move(Math.max(0, at - 1))
    const current = fieldValue(field, live.current.values)
    if (field.choices !== undefined) {
      const index = Math.max(0, field.choices.findIndex((choice) => choice.value === current))
      const step = key.rightArrow || input === " " ? 1 : key.leftArrow ? -1 : 0
      const next = field.choices[(index + step + field.choices.length) % field.choices.length]
      if (step !== 0 && next !== undefined) change({ ...live.current.values, [field.key]: next.value })
      return
    }
    if (key.backspace || key.delete) return change({ ...live.current.values, [field.key]: current.slice(0, -1) })
    if (key.ctrl || key.meta || key.leftArrow || key.rightArrow || input === "") return
    // Text and the enter after it can arrive as one chunk: type the text, then act on the enter.
    const [text = "", ...rest] = input.split(/\r\n|\r|\n/)
    if (text !== "") change({ ...live.current.values, [field.key]: current + text })
    if (rest.length > 0) enter()
  }, active)
  const { from, to } = visibleWindow(fields.length, focus, height ?? fields.length)
  const shownTitle = to - from < fields.length ? `${title} (fields ${from + 1}-${to} of ${fields.length})` : title
  return (
    <Box flexDirection="column" borderStyle="single" paddingX={1}>
      <Text bold wrap="truncate-end">{shownTitle}</Text>
      {fields.slice(from, to).map((field, offset) => {
        const index = from + offset
        const value = fieldValue(field, values)
        const shown = field.choices === undefined ? value : `‹ ${field.choices.find((choice) => choice.value === value)?.label ?? value} ›`
        const here = index === focus
        return (
          <Box key={field.key}>
            <Text>{here ? "› " : "  "}</Text>
            <Text bold={colour && here}>{`${field.label}: `}</Text>
            <Text>{shown}</Text>
            {here && field.choices === undefined ? <Text>▏</Text> : null}
            {here && field.hint !== undefined ? <Text dimColor={colour}>{`  (${field.hint})`}</Text> : null}
          </Box>
        )
      })}
      <Text dimColor={colour}>tab/↓ next · ← → choose · enter on the last field saves · esc cancels</Text>
    </Box>
  )
}
