"use server";

import { headers, cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ADMIN_COOKIE, adminCookieValue, isAdminToken } from "@/lib/insights/admin-access";

export type SignInState = { error: string } | null;

const token = z.string().min(1).max(512);

/** /insights' sign-in: the right token sets an httpOnly cookie (its hash) for the page; anything else is refused alike. */
export async function signInToInsights(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = token.safeParse(form.get("token"));
  if (!parsed.success || !isAdminToken(parsed.data)) return { error: "Not signed in." };
  const https = (await headers()).get("x-forwarded-proto") === "https";
  (await cookies()).set(ADMIN_COOKIE, adminCookieValue(parsed.data), { path: "/", httpOnly: true, sameSite: "strict", secure: https, maxAge: 8 * 60 * 60 });
  redirect("/insights");
}
