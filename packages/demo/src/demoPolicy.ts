import { fileURLToPath } from "node:url"

/** Wexcombe Borough Council, the fictional authority the embedded default runs and seeds (extends the Lincolnshire preset). */
export const demoPolicyFile = fileURLToPath(new URL("../policies/wexcombe.yaml", import.meta.url))
