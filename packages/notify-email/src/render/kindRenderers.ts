import { clockKinds } from "./kinds/clockKinds.js"
import { decisionKinds } from "./kinds/decisionKinds.js"
import { disagreementKinds } from "./kinds/disagreementKinds.js"
import { placementKinds } from "./kinds/placementKinds.js"
import { referralKinds } from "./kinds/referralKinds.js"
import { sittingKinds } from "./kinds/sittingKinds.js"
import { layoutRenderer } from "./layout.js"
import type { Renderers } from "./Renderer.js"

const contents = { ...referralKinds, ...sittingKinds, ...decisionKinds, ...disagreementKinds, ...placementKinds, ...clockKinds }

/** The built-in body of every kind of notification core writes, by kind. */
export const kindRenderers: Renderers = Object.fromEntries(Object.entries(contents).map(([kind, content]) => [kind, layoutRenderer(content)]))

/** The kinds with a built-in body. */
export const renderedKinds: ReadonlyArray<string> = Object.keys(contents)
