/**
 * The names of the clinic's facts form's grouped fields, in the order the form shows them. A module of its own,
 * with nothing else in it, so the form's browser code can import it (lib/site.ts reads files).
 */
export const ADDRESS_FIELDS = ["street", "city", "region", "postalCode"] as const;
export const PHYSICIAN_FIELDS = ["name", "credentials", "role"] as const;
