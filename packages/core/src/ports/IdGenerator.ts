import { Context, type Effect } from "effect"

/** New identifiers, e.g. `ref_01J...`. A port so tests get predictable ids. */
export class IdGenerator extends Context.Tag("@carepanel/core/IdGenerator")<
  IdGenerator,
  { readonly next: (prefix: string) => Effect.Effect<string> }
>() {}
