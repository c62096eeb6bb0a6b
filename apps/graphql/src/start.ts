/** `npm start`: the main job from source (tsx compiles on the fly, no build), saying at once that it is starting. */
import { startProgress } from "./progress.js"

console.log("Starting the Carepanel API from source (no build needed) ...")
startProgress((line) => console.log(line))
await import("./main.js")
