"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

type SsoButtonProps = {
  label: string;
  /** Already checked to be a path on this site. */
  callbackPath: string;
};

/** Starts the OpenID Connect flow: next-auth posts its CSRF token and sends the browser to the identity provider. */
export function SsoButton({ label, callbackPath }: SsoButtonProps) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      size="lg"
      className="w-full"
      disabled={pending}
      data-testid="sso-sign-in"
      onClick={() => {
        setPending(true);
        void signIn("oidc", { callbackUrl: callbackPath }).catch(() => setPending(false));
      }}
    >
      {pending ? "Opening sign-in…" : `Sign in with ${label}`}
    </Button>
  );
}
