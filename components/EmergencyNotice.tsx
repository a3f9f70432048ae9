/** The red-flag symptoms that need emergency care, not an appointment (cauda equina warning signs). */
export function EmergencyNotice({ className = "" }: { className?: string }) {
  return (
    <div
      role="note"
      aria-label="Emergency warning"
      className={`rounded-lg border-2 border-emergency-border bg-emergency-bg p-4 text-emergency ${className}`}
    >
      <p className="font-bold">This website is not for emergencies.</p>
      <p>
        If you have new loss of bladder or bowel control, numbness in the groin or inner thighs, or sudden leg
        weakness, <strong>call 911</strong> or go to the emergency room.
      </p>
    </div>
  );
}
