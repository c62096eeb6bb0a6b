export * from "./Deliveries.js"
