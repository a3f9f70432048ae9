import { zodResolver } from "@hookform/resolvers/zod";
import { appointmentRequestSchema } from "@/lib/appointments/schema";

/** react-hook-form's check of the appointment request, with the schema the server action uses. */
export const appointmentResolver = zodResolver(appointmentRequestSchema);
