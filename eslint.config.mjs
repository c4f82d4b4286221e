import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Server actions and jobs must not leak internals; unused code is dead weight.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "import/no-anonymous-default-export": "off",
    },
  },
  { ignores: [".next/**", "node_modules/**", ".data/**", ".tools/**", "db/migrations/**", "next-env.d.ts", "test-results/**", "playwright-report/**", ".test-results/**"] },
];

export default config;
