import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

const eslintConfig = [
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    // Internal links are plain <a> on purpose: each page is small static HTML, and next/link's client code and
    // background prefetching cost more on a cheap phone and a slow network than a full page load saves.
    rules: { "@next/next/no-html-link-for-pages": "off" },
  },
  {
    // CommonJS on purpose: copied beside Next's server.js as serve.js, which runs before and around it.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  // Real `next build` output, kept byte for byte as the fixtures of lib/zero-javascript.
  { ignores: ["tests/fixtures/zero-javascript/**", ".next/**", ".bench/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "reports/**"] },
];

export default eslintConfig;
