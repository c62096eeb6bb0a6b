import { layoutRenderer } from "./layout.js"
import type { Renderer } from "./Renderer.js"

/** For a kind without a body of its own: the common layout, pointing at the details. */
export const defaultRenderer: Renderer = layoutRenderer({
  happened: (notification) => `${notification.headline}.`,
  toDo: () => "Read the details below and open Carepanel to act on them."
})
