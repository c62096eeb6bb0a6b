export * from "./S20Consent.js"
