/** The package version, injected by the bundler (build/build.mjs); "dev" when run from source. */
declare const LETTA_VERSION: string | undefined

export const VERSION: string = typeof LETTA_VERSION === "string" ? LETTA_VERSION : "0.0.0-dev"
