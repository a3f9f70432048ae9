import { zodResolver } from "@hookform/resolvers/zod";
import type { BestTime } from "@/lib/appointments/fields";
import { appointmentRequestSchemaFor } from "@/lib/appointments/schema";

/** react-hook-form's check of the appointment request, with the schema the server action uses for the same call times. */
export const appointmentResolverFor = (offeredTimes: readonly BestTime[]) => zodResolver(appointmentRequestSchemaFor(offeredTimes));
