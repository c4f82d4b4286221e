import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

export function Frame({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <Card className="w-full max-w-md p-6">{children}</Card>
    </main>
  );
}

export function InvalidLink({ reason, about = "package" }: { reason: "used" | "expired" | "unknown" | "foreign"; about?: "package" | "order" | "delivery" }) {
  const text = {
    foreign:
      about === "order"
        ? "This link was made for another person. Sign in as that person, or open the order from your portal or the admin area."
        : `This link was made for another person. Sign in as that person, or open the ${about} from the admin area.`,
    used: "This link has already been used. Each link works once.",
    expired: "This link has expired.",
    unknown: "This link is not valid. Check that you copied all of it.",
  }[reason];
  return (
    <div role="alert">
      <h1 className="text-xl font-semibold text-slate-900">This link cannot be used</h1>
      <p className="mt-2 text-sm text-slate-600">{text} Nothing was changed.</p>
      <Link href="/sign-in" className="mt-5 inline-block text-sm font-medium text-blue-700 hover:underline">
        Go to the sign-in page
      </Link>
    </div>
  );
}
