"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { applyServerErrors } from "@/components/forms/server-errors";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, FormSuccess } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signInLinkSchema, signInSchema, type SignInInput, type SignInLinkInput } from "@/lib/auth/schemas";
import { requestSignInLinkAction } from "./actions";

export function SignInForms({ callbackUrl }: { callbackUrl: string }) {
  const [mode, setMode] = useState<"password" | "link">("password");
  return mode === "password" ? (
    <PasswordForm callbackUrl={callbackUrl} onUseLink={() => setMode("link")} />
  ) : (
    <LinkForm callbackUrl={callbackUrl} onUsePassword={() => setMode("password")} />
  );
}

function PasswordForm({ callbackUrl, onUseLink }: { callbackUrl: string; onUseLink: () => void }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const form = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    setFormError(undefined);
    startTransition(async () => {
      const res = await signIn("credentials", { ...values, redirect: false });
      if (!res || res.error) {
        setFormError("Wrong email or password. Check both, or sign in with an email link.");
        form.resetField("password");
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field id="email" label="Email" error={errors.email?.message}>
        <Input id="email" type="email" autoComplete="username" aria-invalid={!!errors.email} {...form.register("email")} />
      </Field>
      <Field id="password" label="Password" error={errors.password?.message}>
        <Input id="password" type="password" autoComplete="current-password" aria-invalid={!!errors.password} {...form.register("password")} />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <button type="button" onClick={onUseLink} className="w-full text-center text-sm font-medium text-blue-700 hover:underline">
        Email me a sign-in link instead
      </button>
    </form>
  );
}

function LinkForm({ callbackUrl, onUsePassword }: { callbackUrl: string; onUsePassword: () => void }) {
  const [done, setDone] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const form = useForm<SignInLinkInput>({ resolver: zodResolver(signInLinkSchema), defaultValues: { email: "", callbackUrl } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    setFormError(undefined);
    startTransition(async () => {
      const res = await requestSignInLinkAction(values);
      if (!res.ok) {
        setFormError(applyServerErrors(form, res));
        return;
      }
      setDone(`If an account exists for ${values.email}, a sign-in link is on its way. It works once and expires in 15 minutes.`);
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <FormSuccess message={done} />
      <Field id="link-email" label="Email" error={errors.email?.message}>
        <Input id="link-email" type="email" autoComplete="username" aria-invalid={!!errors.email} {...form.register("email")} />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Email me a sign-in link"}
      </Button>
      <button type="button" onClick={onUsePassword} className="w-full text-center text-sm font-medium text-blue-700 hover:underline">
        Sign in with a password instead
      </button>
    </form>
  );
}
