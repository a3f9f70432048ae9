"use client";
/** While a publish waits for the live site, asks the server again every few seconds, so "live since …" appears by itself. */
import { useRouter } from "next/navigation";
import { useEffect } from "react";

const ASK_AGAIN_MS = 5000;

export function RefreshWhileWaiting() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), ASK_AGAIN_MS);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
