/** The Search service by ripgrep when `rg` is on PATH, else by the in-process engine. */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { Search } from "../services/Search.js"
import { findRipgrep } from "./search/ripgrep.js"
import { SearchBuiltin } from "./SearchBuiltin.js"
import { SearchRipgrep } from "./SearchRipgrep.js"

export const SearchAuto: Layer.Layer<Search> = Layer.unwrapEffect(
  Effect.sync(() => {
    const rg = findRipgrep()
    return rg === undefined ? SearchBuiltin : SearchRipgrep(rg)
  })
)
