/** Interactive mode's entry: loaded lazily by main.ts (ink and react are only evaluated here). */
export { runInteractive } from "./run.js"
export { makeUiStore } from "./store.js"
