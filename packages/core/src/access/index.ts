export * from "./ChildRead.js"
export * from "./ChildReads.js"
