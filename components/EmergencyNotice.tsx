/**
 * The red-flag symptoms that need emergency care, not an appointment (cauda equina warning signs). Every emergency
 * notice carries `data-emergency-notice`: the footer's own is left out where the page already shows one
 * (app/globals.css), so a reader never sees two identical red boxes in a row.
 */
export function EmergencyNotice({ className = "" }: { className?: string }) {
  return (
    <div
      role="note"
      data-emergency-notice=""
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
