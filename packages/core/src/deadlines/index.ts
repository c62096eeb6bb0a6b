export * from "./clock.js"
export * from "./Deadline.js"
export * from "./computeDeadlines.js"
export * from "./Deadlines.js"
