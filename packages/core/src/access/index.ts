export * from "./ChildRead.js"
export * from "./ChildReads.js"
export * from "./redactedText.js"
