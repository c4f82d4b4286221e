import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { pageSignedIn } from "@/lib/pages";

export const metadata: Metadata = { title: "Choose an entity" };

export default async function EntityPicker() {
  const actor = await pageSignedIn("/portal");
  if (actor.role === "central") redirect("/admin");
  if (actor.memberships.length === 1) redirect(`/portal/${actor.memberships[0]!.internalName}`);
  return (
    <main className="mx-auto max-w-lg px-6 py-20">
      <h1 className="text-xl font-semibold text-slate-900">Choose an entity</h1>
      <p className="mt-1 text-sm text-slate-600">You work for several local entities. Pick the portal to open.</p>
      {actor.memberships.length === 0 ? (
        <Card className="mt-6 text-sm text-slate-600">You do not belong to any entity yet. Ask a central administrator to add you.</Card>
      ) : (
        <ul className="mt-6 space-y-2">
          {actor.memberships.map((m) => (
            <li key={m.id}>
              <Link href={`/portal/${m.internalName}`} className="block rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm hover:border-blue-300 hover:bg-blue-50">
                <span className="block font-medium text-slate-900">{m.label}</span>
                <span className="block text-xs text-slate-500">/portal/{m.internalName}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
