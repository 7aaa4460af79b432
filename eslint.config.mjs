import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// What runs in a browser, and the adapters, never reach into server code: keys, the database and
// the scheduler stay behind lib/server/. Adapters report to metrics through an observer instead.
const serverImports = {
  patterns: [
    {
      group: ["@/lib/server", "@/lib/server/**", "**/lib/server", "**/lib/server/**", "../server", "../server/**", "./server", "./server/**"],
      message: "Client-side and provider modules must not import lib/server/ (see lib/server/README.md).",
    },
  ],
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["components/**/*.{ts,tsx}", "config/**/*.ts", "lib/**/*.{ts,tsx}"],
    ignores: ["lib/server/**", "lib/testing/**", "**/*.test.ts", "**/*.test.tsx"],
    rules: { "no-restricted-imports": ["error", serverImports] },
  },
  { ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
