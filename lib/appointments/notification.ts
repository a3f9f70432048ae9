/**
 * The email that tells staff a request arrived. It carries the reference, the time and how to read the request,
 * never the patient's details: email travels and is stored in places the clinic does not control.
 */
export interface StaffNotification {
  subject: string;
  text: string;
}

export function buildStaffNotification({ reference, createdAt }: { reference: string; createdAt: string }): StaffNotification {
  const received = new Date(createdAt).toLocaleString("en-US", {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: "America/Chicago",
  });
  return {
    subject: `New appointment request ${reference}`,
    text: [
      `A new appointment request arrived through the website.`,
      ``,
      `Reference: ${reference}`,
      `Received: ${received} (Central Time)`,
      ``,
      `To read it, on the website's server run:`,
      `  npm run requests -- show ${reference}`,
      ``,
      `The patient's details are not in this email, to keep them private.`,
    ].join("\n"),
  };
}
