"use client";

import { useActionState } from "react";
import { signInToInsights } from "@/app/actions/admin";

/** The operator's token, for /insights in a browser (an API client sends `Authorization: Bearer` instead). */
export function SignInForm() {
  const [state, action, pending] = useActionState(signInToInsights, null);
  return (
    <form action={action} className="mt-4 flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-1 text-sm">
        Admin token
        <input name="token" type="password" required autoComplete="current-password" className="rounded-card border border-zinc-300 px-3 py-2" />
      </label>
      <button type="submit" disabled={pending} className="cart-button h-10 px-5">
        Sign in
      </button>
      {state ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
