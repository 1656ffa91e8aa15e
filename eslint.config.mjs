// ESLint (flat config): Next's core-web-vitals rules (React, hooks incl. the React Compiler checks,
// jsx-a11y, @next/next) + typescript-eslint's recommended set. Unused code is an error, not a
// warning, so `npm test` fails on it; a name starting with "_" marks a deliberately unused one.
// Formatting is Prettier's job (eslint-config-prettier is not needed: none of these rules format).
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "lib/generated/**", "test-results/**", "playwright-report/**", ".e2e-data/**", "data/**", "next-env.d.ts", "scripts/npm/**"]),
  {
    // The files eslint-config-next gives its React plugins to (a .cjs file has none of them).
    files: ["**/*.{js,jsx,mjs,ts,tsx,mts,cts}"],
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/no-unused-expressions": "error",
      "react-hooks/exhaustive-deps": "error",
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  // CommonJS files (a preload for `node --require`) can only load modules with require().
  { files: ["**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
]);
