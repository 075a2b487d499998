"use client";

import { LogIn, LogOut } from "lucide-react";
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { primaryButton, secondaryButton } from "./form-styles";

/** Where sign-in starts, bringing the operator back to the page they asked for. */
export function signInHref(pathname: string, search: string): string {
  const returnTo = `${pathname}${search ? `?${search}` : ""}`;
  return `/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
}

/**
 * Shown instead of a page to a signed-out visitor. With OpenID Connect the browser goes straight on to the
 * sign-in flow; behind an auth proxy the proxy itself must identify them, so the page says so.
 */
export function SignInPrompt({ mode }: { mode: "oidc" | "proxy" | "demo" }) {
  const href = signInHref(usePathname(), "");
  useEffect(() => {
    if (mode === "oidc")
      window.location.assign(signInHref(window.location.pathname, window.location.search.replace(/^\?/, "")));
  }, [mode]);
  return (
    <section
      aria-labelledby="sign-in-title"
      className="mx-auto max-w-md rounded-lg border border-zinc-200 bg-white p-6 text-center dark:border-zinc-800 dark:bg-zinc-900"
    >
      <h1 id="sign-in-title" className="text-lg font-semibold">
        Sign in to continue
      </h1>
      {mode === "oidc" ? (
        <>
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            Taking you to your organization&apos;s sign-in page…
          </p>
          <a href={href} className={`${primaryButton} mt-4 inline-flex items-center gap-1.5`}>
            <LogIn aria-hidden className="size-4" />
            Sign in
          </a>
        </>
      ) : (
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          The console did not receive your identity from its sign-in proxy. Open it through your organization&apos;s
          sign-in address.
        </p>
      )}
    </section>
  );
}

/** Ends the session: a POST from the console's own page, so another site cannot sign the operator out. */
export function SignOutButton() {
  return (
    <form method="post" action="/auth/sign-out">
      <button type="submit" className={`${secondaryButton} inline-flex items-center gap-1.5`}>
        <LogOut aria-hidden className="size-3.5" />
        Sign out
      </button>
    </form>
  );
}
