export * from "./Agendas.js"
export * from "./proposeAgenda.js"
export * from "./readAll.js"
export * from "./reviewsDue.js"
