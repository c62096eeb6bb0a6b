// Every component test draws its frames as the TUI does (src/ui/frameCaches.ts), so the committed snapshots hold it.
import { installFrameCaches } from "../../src/ui/frameCaches.js"

await installFrameCaches()
