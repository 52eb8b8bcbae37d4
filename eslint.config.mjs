// `make lint`: the browser scripts INTRO serves (docs/assets/javascripts/). They are ES5 in plain <script> tags, so
// that they run over file:// and in Material's iframe-worker (utvikling/motoren.md): the parser refuses newer syntax.
// The browser objects they use are named one by one, so a new one is a decision, not an accident.
import js from "@eslint/js";

export default [
  js.configs.recommended,
  {
    files: ["docs/assets/javascripts/**/*.js"],
    languageOptions: {
      ecmaVersion: 5,
      sourceType: "script",
      globals: {
        window: "readonly",
        document: "readonly",
        self: "readonly", // the search worker's own scope
        setTimeout: "readonly",
        URL: "readonly",
        URLSearchParams: "readonly",
        Map: "readonly",
        Float64Array: "readonly",
        Uint8Array: "readonly",
        ResizeObserver: "readonly",
      },
    },
    rules: {
      // ES5 has no catch without a binding: a caught error the script does not read is fine.
      "no-unused-vars": ["error", { caughtErrors: "none" }],
    },
  },
];
