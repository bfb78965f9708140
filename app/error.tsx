"use client";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-8 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="muted max-w-md text-sm">The page could not be shown. The error was logged on the server{error.digest ? ` (reference ${error.digest})` : ""}.</p>
      <Button variant="secondary" onClick={() => reset()}>
        Try again
      </Button>
    </main>
  );
}
