import { Text as InkText, type TextProps } from "ink"
import { Children, type ReactNode } from "react"
import { safeText } from "./safeText.js"

const safeChild = (child: ReactNode): ReactNode => (typeof child === "string" ? safeText(child) : child)
const isUnsafe = (child: ReactNode): boolean => typeof child === "string" && safeText(child) !== child

/**
 * Ink's Text with every string in it passed through `safeText`: the one way the TUI draws text, so nothing read from
 * the store reaches the terminal as a control sequence. Nested Texts are this one too; numbers are safe as they are.
 */
export const Text = ({ children, ...props }: TextProps) => (
  <InkText {...props}>
    {typeof children === "string" ? safeText(children) : Array.isArray(children) && !children.some(isUnsafe) ? children : Children.map(children, safeChild)}
  </InkText>
)
