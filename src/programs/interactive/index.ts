/** Interactive mode (ink and react load on first use: see load.ts). */
export { runInteractive } from "./run.js"
export { makeUiStore } from "./store.js"
