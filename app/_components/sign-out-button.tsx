"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const [leaving, setLeaving] = useState(false);

  async function leave() {
    setLeaving(true);
    try {
      // No redirect from next-auth: it builds an absolute URL from NEXTAUTH_URL, which may name
      // another host than the one this page was served from. A full load (not router.push) also
      // drops every number the signed-out session had cached.
      await signOut({ redirect: false });
      window.location.replace("/signin");
    } catch {
      setLeaving(false);
    }
  }

  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={leaving}
      data-testid="sign-out"
      onClick={() => void leave()}
    >
      {leaving ? "Signing out…" : "Sign out"}
    </Button>
  );
}
