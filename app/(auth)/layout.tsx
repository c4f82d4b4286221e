import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-8 text-center">
          <p className="text-lg font-semibold text-slate-900">Distributed Marketing</p>
          <p className="text-sm text-slate-500">Campaigns across your network of local entities</p>
        </div>
        {children}
      </div>
    </main>
  );
}
