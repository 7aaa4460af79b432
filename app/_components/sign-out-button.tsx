"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const [leaving, setLeaving] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={leaving}
      data-testid="sign-out"
      onClick={() => {
        setLeaving(true);
        void signOut({ callbackUrl: "/signin" });
      }}
    >
      {leaving ? "Signing out…" : "Sign out"}
    </Button>
  );
}
