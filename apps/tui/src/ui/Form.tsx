import { useKeys } from "./useKeys.js"
import { Box } from "ink"
import { Text } from "./Text.js"
import { useContext, useRef, useState } from "react"
import { useCore } from "./CoreContext.js"
import { visibleWindow } from "./List.js"
import { NavigationContext } from "./Navigation.js"

export interface Choice {
  readonly value: string
  readonly label: string
}

export interface Field {
  readonly key: string
  readonly label: string
  /** Choices cycle with ← →; without, the field takes text. */
  readonly choices?: ReadonlyArray<Choice>
  /** Several of the choices: ← → go through them, space adds or removes the one shown (`chosenOf` reads the value). */
  readonly several?: boolean
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
  /** Called with the values as typed up to the enter that submits, each without blanks at its ends. */
  readonly onSubmit: (values: Values) => void
  readonly onCancel: () => void
  readonly active: boolean
  /** The most field rows that fit: beyond it the fields scroll with the focus, and the title says which show. */
  readonly height?: number
}

const fieldValue = (field: Field, values: Values): string => values[field.key] ?? (field.several === true ? "" : (field.choices?.[0]?.value ?? ""))

/** A blank typed before or after a field's text is a slip, not part of the record (the core refuses one at the ends). */
const trimmed = (values: Values): Values => Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.trim()]))

/** The values chosen in a field of several choices, in the choices' order. */
export const chosenOf = (value: string | undefined): ReadonlyArray<string> => (value === undefined || value === "" ? [] : value.split("\n"))

/** A field of several choices with `choice` added, or taken off when it was chosen; kept in the choices' order. */
const toggled = (field: Field, value: string, choice: string): string => {
  const chosen = new Set(chosenOf(value))
  if (chosen.has(choice)) chosen.delete(choice)
  else chosen.add(choice)
  return (field.choices ?? []).filter((one) => chosen.has(one.value)).map((one) => one.value).join("\n")
}

/** What a field of several choices shows: those chosen, and where focused the choice ← → is on, marked if chosen. */
const severalShown = (field: Field, value: string, at: number, here: boolean): string => {
  const chosen = chosenOf(value)
  const choices = field.choices ?? []
  const labels = choices.filter((choice) => chosen.includes(choice.value)).map((choice) => choice.label)
  const onto = choices[at]
  const list = labels.length === 0 ? "nobody" : labels.join(", ")
  if (!here) return list
  return onto === undefined ? `${list}  (none to choose)` : `${list}  ‹ ${chosen.includes(onto.value) ? "[x]" : "[ ]"} ${onto.label} ›`
}

/** What a field shows after its label: the text typed, the choice, or the several chosen. */
const shownOf = (field: Field, values: Values, cursors: Readonly<Record<string, number>>, here: boolean): string => {
  const value = fieldValue(field, values)
  return field.several === true
    ? severalShown(field, value, cursors[field.key] ?? 0, here)
    : field.choices === undefined
      ? value
      : `‹ ${field.choices.find((choice) => choice.value === value)?.label ?? value} ›`
}

/** How many lines Ink wraps `text` onto at `width` columns: by words, a word longer than a line broken. */
const wrappedLines = (text: string, width: number): number => {
  const size = Math.max(1, width)
  let lines = 1
  let used = 0
  for (const word of text.split(" ")) {
    if (used > 0 && used + 1 + word.length <= size) {
      used += 1 + word.length
      continue
    }
    if (used > 0) lines++
    lines += Math.max(0, Math.ceil(word.length / size) - 1)
    used = word.length % size || Math.min(word.length, size)
  }
  return lines
}

/**
 * The lines the focused field's hint wraps onto beyond its own row, in a form `columns` wide (its border and padding
 * take 4): the hint wraps beside the field, so a long one (an authority's own rule in its words) takes rows from the
 * fields shown rather than being cut off.
 */
const hintRowsBelow = (field: Field | undefined, shown: string, columns: number): number => {
  if (field?.hint === undefined) return 0
  const beside = `› ${field.label}: ${shown}${field.choices === undefined ? "▏" : ""}`.length
  return wrappedLines(`  (${field.hint})`, columns - 4 - beside) - 1
}

/** A form on the keyboard: tab/↓ next field, shift+tab/↑ previous, ← → choose, enter on the last field saves, esc cancels. */
export const Form = ({ title, fields, values, onChange, onSubmit, onCancel, active, height }: FormProps) => {
  const { colour } = useCore()
  const [focus, setFocus] = useState(0)
  // Where ← → stand in each field of several choices.
  const [cursors, setCursors] = useState<Readonly<Record<string, number>>>({})
  // Keys can come faster than frames (a paste, a busy machine, tmux): each key works on what the previous one left,
  // not on the last frame, so nothing typed is dropped.
  const live = useRef({ values, focus, cursors })
  live.current = { values, focus, cursors }
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
    return savesHere ? onSubmit(trimmed(typed)) : move(at + 1)
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
    if (field.several === true) {
      const choices = field.choices ?? []
      const at = live.current.cursors[field.key] ?? 0
      const step = key.rightArrow ? 1 : key.leftArrow ? -1 : 0
      if (step !== 0 && choices.length > 0) {
        const next = { ...live.current.cursors, [field.key]: (at + step + choices.length) % choices.length }
        live.current = { ...live.current, cursors: next }
        setCursors(next)
      }
      const onto = choices[at]
      if (input === " " && onto !== undefined) change({ ...live.current.values, [field.key]: toggled(field, current, onto.value) })
      return
    }
    if (field.choices !== undefined) {
      const index = Math.max(0, field.choices.findIndex((choice) => choice.value === current))
      const step = key.rightArrow || input === " " ? 1 : key.leftArrow ? -1 : 0
      const next = field.choices[(index + step + field.choices.length) % field.choices.length]
      if (step !== 0 && next !== undefined) change({ ...live.current.values, [field.key]: next.value })
      return
    }
    if (key.backspace || key.delete) return change({ ...live.current.values, [field.key]: current.slice(0, -1) })
    if (key.ctrl || key.meta || key.leftArrow || key.rightArrow || input === "") return
    // Several keys read at once arrive one by one (`keysIn`): this is text, typed or pasted.
    change({ ...live.current.values, [field.key]: current + input })
  }, active)
  const columns = useContext(NavigationContext)?.columns
  const focused = fields[focus]
  const hintRows = columns === undefined || focused === undefined ? 0 : hintRowsBelow(focused, shownOf(focused, values, cursors, true), columns)
  const { from, to } = visibleWindow(fields.length, focus, height === undefined ? fields.length : height - hintRows)
  const shownTitle = to - from < fields.length ? `${title} (fields ${from + 1}-${to} of ${fields.length})` : title
  return (
    <Box flexDirection="column" borderStyle="single" paddingX={1}>
      <Text bold wrap="truncate-end">{shownTitle}</Text>
      {fields.slice(from, to).map((field, offset) => {
        const index = from + offset
        const here = index === focus
        const shown = shownOf(field, values, cursors, here)
        return (
          <Box key={field.key}>
            {/* A long hint (an authority's own rule in its words) wraps beside the field; the label and a choice stay whole. */}
            <Box flexShrink={0}>
              <Text>{here ? "› " : "  "}</Text>
              <Text bold={colour && here}>{`${field.label}: `}</Text>
            </Box>
            <Box flexShrink={field.choices === undefined ? 1 : 0}>
              <Text>{shown}</Text>
            </Box>
            {here && field.choices === undefined ? <Text>▏</Text> : null}
            {here && field.hint !== undefined ? <Text dimColor={colour}>{`  (${field.hint})`}</Text> : null}
          </Box>
        )
      })}
      <Text dimColor={colour}>{`tab/↓ next · ← → choose${fields.some((field) => field.several === true) ? " · space adds or removes" : ""} · enter on the last field saves · esc cancels`}</Text>
    </Box>
  )
}
