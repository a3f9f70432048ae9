/**
 * The names of the clinic's facts form's grouped fields, in the order the form shows them. A module of its own,
 * with nothing else in it, so the form's browser code can import it (lib/site.ts reads files).
 */
export const ADDRESS_FIELDS = ["street", "city", "region", "postalCode"] as const;
export const PHYSICIAN_FIELDS = ["name", "credentials", "role"] as const;
export const CIVIL_RIGHTS_CONTACT_FIELDS = ["name", "phone", "email", "address"] as const;
export const CALL_BACK_FIELDS = ["withinBusinessDays", "from"] as const;
/** The answers to `medicareStudy`; "" is "not known yet", the field left out. */
export const MEDICARE_STUDY_ANSWERS = ["takes-part", "does-not-take-part", ""] as const;

/** The form's hidden field: the draft's version the form was filled in from (empty: the published file). */
export const BASE_VERSION_FIELD = "baseVersion";
