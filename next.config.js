// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets two builds (say, two local test runs) live side by side; the default is .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  // rate-limiter-flexible loads drizzle-orm with an import() of a computed name, which a bundle
  // cannot resolve ("expression is too dynamic"): Node must load it. fontkit (the report's font
  // engine) and the ASN.1 schemas of the pack timestamps are loaded by Node as published too.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@node-rs/argon2",
    "@peculiar/asn1-cms",
    "@peculiar/asn1-schema",
    "@peculiar/asn1-tsp",
    "@peculiar/asn1-x509",
    "fontkit",
    "pino",
    "rate-limiter-flexible",
  ],
  // The embedded database lives in ./data by default; never trace it into a build output.
  outputFileTracingExcludes: { "*": ["./data/**/*"] },
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
