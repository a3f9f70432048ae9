const PAGE_DATE_FORMAT = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

/** A page's date (YYYY-MM-DD) as readers say it, "December 1, 2026", marked up for machines too. */
export function PageDate({ date }: { date: string }) {
  return <time dateTime={date}>{PAGE_DATE_FORMAT.format(new Date(date))}</time>;
}
