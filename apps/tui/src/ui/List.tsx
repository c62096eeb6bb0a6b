import { useKeys } from "./useKeys.js"
import { Box } from "ink"
import { Text } from "./Text.js"
import { type ReactNode, useEffect, useState } from "react"
import { useCore } from "./CoreContext.js"
import { isDown, isUp } from "./keys.js"

/** Which row is selected, moved with j/k and the arrows; kept within the list as it grows and shrinks. */
export const useSelection = (length: number, active: boolean): [number, (index: number) => void] => {
  const [selected, setSelected] = useState(0)
  useEffect(() => {
    if (selected >= length && length > 0) setSelected(length - 1)
  }, [length, selected])
  useKeys((input, key) => {
      if (isUp(input, key)) setSelected((index) => Math.max(0, index - 1))
      if (isDown(input, key)) setSelected((index) => Math.min(length - 1, index + 1))
      if (key.pageDown) setSelected((index) => Math.min(length - 1, index + 10))
      if (key.pageUp) setSelected((index) => Math.max(0, index - 10))
    }, active)
  return [Math.min(selected, Math.max(0, length - 1)), setSelected]
}

/** The rows that fit, scrolled so that the selected one shows; only these are rendered, however long the list. */
export const visibleWindow = (length: number, selected: number, height: number): { readonly from: number; readonly to: number } => {
  const size = Math.max(1, height)
  const from = Math.min(Math.max(0, selected - Math.floor(size / 2)), Math.max(0, length - size))
  return { from, to: Math.min(length, from + size) }
}

export interface ListProps<T> {
  readonly items: ReadonlyArray<T>
  readonly selected: number
  readonly height: number
  readonly focused: boolean
  readonly empty: string
  /** One line of text (truncated to fit), or, for a row of several lines, its own elements. */
  readonly row: (item: T, index: number) => string | ReactNode
}

/**
 * A list with `›` at the selected row (a symbol, not a colour) and a count when it does not all fit. A row given as
 * text is drawn as one Text with its mark: Ink redraws every node of the frame on each keypress, so fewer nodes per
 * row is what keeps a keypress quick.
 */
export const List = <T,>({ items, selected, height, focused, empty, row }: ListProps<T>) => {
  const { colour } = useCore()
  if (items.length === 0) return <Text>{empty}</Text>
  const room = items.length > height ? height - 1 : height
  const { from, to } = visibleWindow(items.length, selected, room)
  const markOf = (index: number) => <Text inverse={colour && focused && index === selected}>{`${index === selected ? (focused ? "›" : "·") : " "} `}</Text>
  return (
    <Box flexDirection="column">
      {items.slice(from, to).map((item, offset) => {
        const index = from + offset
        const mark = markOf(index)
        const content = row(item, index)
        return typeof content === "string" ? (
          <Text key={index} wrap="truncate-end">
            {mark}
            {content}
          </Text>
        ) : (
          <Box key={index}>
            {mark}
            <Box flexGrow={1}>{content}</Box>
          </Box>
        )
      })}
      {items.length > room ? <Text>{`  ${from + 1}-${to} of ${items.length}`}</Text> : null}
    </Box>
  )
}
