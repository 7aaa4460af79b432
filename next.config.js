/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A self-contained server in .next/standalone for the Docker image (the Dockerfile sets
  // BUILD_STANDALONE=1); `npm start` uses the regular build, which `next start` expects.
  output: process.env.BUILD_STANDALONE === "1" ? "standalone" : undefined,
  // The database folder is state, not code: never trace it into the build.
  outputFileTracingExcludes: { "*": ["./data/**", "./test-results/**", "./docs/**"] },
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3", "pg", "pino", "prom-client"],
  // Pages get their headers (with a per-request CSP nonce) from proxy.ts; the API gets these.
  async headers() {
    return [
      {
        source: "/api/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
          { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
        ],
      },
    ];
  },
};

export default nextConfig;
