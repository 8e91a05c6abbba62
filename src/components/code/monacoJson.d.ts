// monaco-editor ships no types for this entry; this is the one call we make on it.
declare module 'monaco-editor/language/json/monaco.contribution' {
  export const jsonDefaults: { setDiagnosticsOptions(options: { validate: boolean }): void };
}
