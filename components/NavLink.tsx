"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A menu link that tells screen readers and sighted readers which page they are on. */
export function NavLink({ href, children, className }: { href: string; children: React.ReactNode; className: string }) {
  const isCurrent = usePathname() === href;
  return (
    <Link href={href} aria-current={isCurrent ? "page" : undefined} className={className}>
      {children}
    </Link>
  );
}
